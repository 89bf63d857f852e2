/**
 * A clinician's story about one person they cared for: "saw a teenage
 * gymnast in clinic", "we operated on a young dad", "a patient told me".
 * The person must be the object of the encounter verb, with only a few
 * describing words between ("a retired mail carrier", "a 34-year-old
 * welder"), so that "saw a great talk by a nurse" is not a patient story.
 * Whether the story is recent enough to recognise (a time anchor) and whether
 * consent is stated are the rule's context.
 */
import { z } from 'zod';
import { compilePhrases } from './phrases.js';
import { CatalogError } from '../catalog/errors.js';
import type { Candidate, Detector, DetectorFactory } from './types.js';
import { tuned } from '../catalog/tune.js';

const OptionsSchema = z
  .object({
    /** Word list of nouns for one person ("runner", "young mom" ends in "mom"). */
    people: z.string().min(1),
    /** How many describing words may stand between the article and the person. */
    describing: z.number().int().min(0).max(6).default(4),
  })
  .strict();

const ENCOUNTER =
  tuned(/\b(?:had|saw|seen|met|treated|operated on|fused|scoped|injected|examined|evaluated|admitted|discharged|consulted on|rounded on)\s+(?:a|an|this|one|one very|a very)\s+/giu);
const PATIENT_SAID =
  tuned(/\b(?:a|one|my|our|this)\s+(?:[\w-]+\s+)?(?:patient|pt)\s+(?:of mine\s+|of ours\s+)?(?:told|said|cried|hugged|brought|gave|sent|wrote|texted|emailed|showed|walked|ran|hiked|returned|came back|thanked|surprised|baked|knitted|made|broke down)\b/giu);
// An age stands for the person: "a 9-year-old", "a 41 yo".
const AGE_AS_PERSON = tuned(/^(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)[\s-](?:years?|yrs?)[\s-]old\b|^\d{1,3}\s?(?:yo|y\/o|y\.o\.)(?![\w])/iu);
// Words that end the object: after them the person named is someone else ("a talk by a nurse").
const BREAK = /^(?:by|from|with|of|on|about|at|in|for|to|and|or|who|that|which|where|while|when)$/iu;

export const patientEncounterDetector: DetectorFactory = (setup) => {
  const options = OptionsSchema.parse(setup.options);
  const list = setup.lists.get(options.people);
  if (!list) throw new CatalogError(`lists/${options.people}.yml`, setup.ruleId, 'detect.options', 'word list is missing');
  const person = tuned(new RegExp(`^${compilePhrases(list.terms).pattern.source}`, 'iu'));
  const detect: Detector = (post) => {
    const text = post.text;
    const found: Candidate[] = [];
    ENCOUNTER.lastIndex = 0;
    for (const m of text.matchAll(ENCOUNTER)) {
      const start = m.index ?? 0;
      let at = start + m[0].length;
      for (let words = 0; words <= options.describing; words++) {
        const rest = text.slice(at);
        const hit = person.exec(rest) ?? AGE_AS_PERSON.exec(rest);
        if (hit) {
          found.push({ start, end: at + hit[0].length, evidence: ['one person the author cared for'] });
          break;
        }
        const word = /^([\w'-]+)[,\s]+/u.exec(rest);
        if (!word || BREAK.test(word[1] ?? '')) break;
        at += word[0].length;
      }
    }
    PATIENT_SAID.lastIndex = 0;
    for (const m of text.matchAll(PATIENT_SAID)) {
      const start = m.index ?? 0;
      found.push({ start, end: start + m[0].length, evidence: ['what one patient said or did'] });
    }
    return found;
  };
  return detect;
};
