/**
 * An individual announcing an institution's position ("Lakeshore Medical
 * Center will not be participating…", signed by a surgeon) speaks for an
 * employer without showing authority. Two things patterns cannot see: an
 * institution is a capitalised name ("St. Brendan's Hospital", not "a
 * hospital"), and whether the post is the author's own voice (first person
 * singular or a personal signature) or the institution's account ("A message
 * from…"). A disclaimer ("views are my own") anywhere in the post clears it.
 */
import { z } from 'zod';
import type { Candidate, Detector, DetectorFactory } from './types.js';
import { tuned } from '../catalog/tune.js';

const OptionsSchema = z.object({}).strict();

// A stance or decision taken in the institution's name.
const STANCE =
  "(?:will\\s+(?:not|never|no\\s+longer)\\b|won't\\b|will\\s+(?:be\\s+)?(?:boycott|oppos|participat|adopt|join|support|endors|comply|implement|refus|withdraw|pull\\s+out)|(?:refuses?|opposes?|condemns?|rejects?|endorses?|supports?)\\b|stands?\\s+(?:with|against|behind|firmly)|has\\s+decided|have\\s+decided|is\\s+(?:opposed|against|committed\\s+to\\s+(?:oppos|fight))|officially\\b|official\\s+(?:position|stance|view|response))";
const NOUN = '(?:Medical\\s+Center|Medical\\s+Centre|Hospital|Health(?:care)?(?:\\s+System)?|Health\\s+System|Clinic|Institute|University|Department|Spine\\s+Center|Center|Centre|Group|Partners|Associates|Medicine)';
// "Lakeshore Medical Center", "St. Brendan's Hospital": capitalised words before an institution noun.
const PROPER = `(?:\\p{Lu}[\\p{L}'’.&-]*\\s+){1,4}${NOUN}\\b`;
// "our hospital", "my department": the author's own employer, named by role ("the hospital" may be anyone's).
const ROLE = '(?:[Oo]ur|[Mm]y)\\s+(?:hospital|department|dept|institution|health\\s+system|system|practice|group|division|program|university|employer|organi[sz]ation|medical\\s+center)\\b';

const PREFILTER = tuned(new RegExp(STANCE, 'iu'));
// Names are case-sensitive (capitals make the name); the stance after them is not ("will NOT").
const SUBJECT = tuned(new RegExp(`(?:${PROPER}|${ROLE})`, 'gu'));
const STANCE_AFTER = tuned(new RegExp(`^(?:'s)?[^.!?\\n]{0,40}?${STANCE}`, 'iu'));

const FIRST_PERSON = /(?:^|[^\p{L}])(?:I|I'm|I've|I'd|I'll)(?![\p{L}])|\b(?:my|me|mine)\b/u;
const SIGNATURE = /(?:^|\n)\s*[-—–~]+\s*(?:Dr\.?\s+)?\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3}\s*(?:,[^\n]{0,60})?\s*$/u;
const INSTITUTION_ACCOUNT = tuned(/^\s*(?:A\s+(?:message|statement|note|update)\s+from|On\s+behalf\s+of\s+(?:all\s+of\s+us|everyone|the\s+(?:whole\s+)?team|our\s+(?:whole\s+)?team))\b/iu);
const DISCLAIMER =
  tuned(/\b(?:views?|opinions?|thoughts?|takes?)\s+(?:are\s+|is\s+|expressed\s+(?:here\s+)?(?:are\s+)?)?(?:(?:my|our)\s+own|mine)\b|\bnot\s+(?:speaking|writing|posting)\s+(?:for|on\s+behalf\s+of)\b|\bpersonal\s+(?:opinion|view|account|capacity)\b|\bdo(?:es)?\s+not\s+(?:necessarily\s+)?(?:reflect|represent)\b|\bdon't\s+(?:necessarily\s+)?(?:reflect|represent|speak\s+for)\b|\bin\s+my\s+(?:own\s+)?(?:personal\s+)?(?:opinion|view)\b/iu);

export const institutionalVoiceDetector: DetectorFactory = (setup) => {
  OptionsSchema.parse(setup.options);
  const detect: Detector = (post) => {
    const { text } = post;
    if (!PREFILTER.test(text)) return [];
    if (DISCLAIMER.test(text) || INSTITUTION_ACCOUNT.test(text)) return [];
    if (!FIRST_PERSON.test(text) && !SIGNATURE.test(text)) return [];
    const found: Candidate[] = [];
    SUBJECT.lastIndex = 0;
    for (const m of text.matchAll(SUBJECT)) {
      const start = m.index ?? 0;
      const after = start + m[0].length;
      const stance = STANCE_AFTER.exec(text.slice(after, after + 120));
      if (!stance) continue;
      found.push({ start, end: after + stance[0].length, evidence: ['institution takes a position', 'personal author'] });
    }
    return found;
  };
  return detect;
};
