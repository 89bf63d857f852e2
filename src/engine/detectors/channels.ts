/**
 * Patient data moving onto an insecure channel: a sending verb ("DM", "text",
 * "email", "drop") followed in the same sentence by patient data ("your MRI",
 * "insurance card", "date of birth") and a channel that is not secure (DMs,
 * texts, a personal Gmail, the comments, a phone number). The vocabularies are
 * word lists; the rule's context keeps secure channels ("patient portal") out.
 *
 * Asking the reader to send their data ("DM me your MRI") gets the rule's
 * severity and suggestion; describing one's own habit ("emailing his films to
 * my gmail") is a warning with no wording to offer, since the fix is to stop.
 */
import { z } from 'zod';
import { hasMatch, mayMatch } from '../catalog/anchors.js';
import { compilePhrases } from './phrases.js';
import type { Term } from '../catalog/schema.js';
import { CatalogError } from '../catalog/errors.js';
import type { Span } from '../structure.js';
import type { Candidate, Detector, DetectorFactory, DetectorSetup, Post } from './types.js';
import { tuned } from '../catalog/tune.js';

const OptionsSchema = z
  .object({
    verbs: z.array(z.string().min(1)).min(1),
    data: z.array(z.string().min(1)).min(1),
    channels: z.array(z.string().min(1)).min(1),
    /** How far after the verb the data may be, in characters. */
    reach: z.number().int().min(10).max(300).default(120),
  })
  .strict();

// Addresses and numbers that are channels by themselves. An address is read from the start of its
// run of address characters: from every position inside a long run, the run would be read again.
const CONSUMER_EMAIL = tuned(/(?<![\w.+-])[\w.+-]+@(?:gmail|googlemail|yahoo|hotmail|outlook|live|icloud|me|aol|proton|protonmail|gmx)\.[a-z.]{2,6}\b|\b(?:gmail|yahoo|hotmail|icloud)\s+dot\s+com\b/giu);
// A picture of someone's body or wound is patient data too ("text me a pic of your incision").
const BODY_PICTURE =
  tuned(/\b(?:pics?|photos?|pictures?|videos?|selfies?|close-?ups?)\s+of\s+(?:your|the|his|her|their)\s+(?:incision|wound|scar|rash|swelling|bruis\w*|back|neck|spine|stitches|staples|sutures|drain|dressing|surgical site|incision site)\b/giu);
// "cell" alone is a phone, but not in "stem cell".
const CELL = tuned(/(?<!\bstem[\s-])\bcell\b/giu);
const PHONE = /(?<!\d)(?:\(?\d{3}\)?[\s.-]?)?\d{3}[\s.-]\d{4}(?!\d)/gu;
const ADDRESSED = tuned(/\byou(?:r|rs|'re|'ll)?\b/iu);
// Between the verb and the data: words that show the data is not what is being sent ("DM me if you have questions about the MRI study").
const NOT_THE_OBJECT = tuned(/\b(?:if|when|once|after|until|till|as soon as|that\s+(?:the|our|his|her|their|my|your|its)|saying|to say|whether|about|questions?|because|so|but|who|which|help|request|regarding|ask|asking|book|schedule)\b/iu);
// Data words that name a place, a team or a study rather than the data ("imaging center", "MRI study").
// A negation that governs the sending verb, read just before it: "never DM", "please don't ever text", "we will never ask you to
// email". An earlier negation about something else in the clause ("don't waste money on a consult 🙅 WhatsApp me your scans") does not count.
const GOVERNING_NEGATION =
  tuned(/\b(?:never|not|don'?t|dont|do\s+not|doesn'?t|didn'?t|won'?t|wouldn'?t|shouldn'?t|should\s+not|can'?t|cannot|mustn'?t|must\s+not|avoid|stop|quit|no\s+need\s+to|refuse\s+to|instead\s+of|rather\s+than)(?:,?\s(?:ever|evr|please|pls|plz|just|you|u|we|i|they|anyone|anybody|us|me|them|ask|asking|allowed|supposed|meant|ok|okay|safe|able|to|be|should|will|want|need|asked|going|gonna|have|think|recommend|advise|suggest|like)){0,4},?\s*$/iu);
/** How far before a verb its negation is looked for, in characters. */
const NEGATION_REACH = 80;
const NOT_DATA_AFTER = tuned(/^[\s-]*(?:center|centre|centers|department|dept|team|techs?|technologists?|suite|clinic|study|studies|trial|research|machine|scanner|appointment|order|orders|safety|questions?|policy|tips?)\b/iu);

function termsOf(setup: DetectorSetup, names: readonly string[]): Term[] {
  return names.flatMap((name) => {
    const list = setup.lists.get(name);
    if (!list) throw new CatalogError(`lists/${name}.yml`, setup.ruleId, 'detect.options', 'word list is missing');
    return list.terms;
  });
}

/** Every match of a global pattern in text, from the start whatever an earlier search left in lastIndex. */
function allOf(re: RegExp, text: string): RegExpMatchArray[] {
  if (!mayMatch(re, text)) return [];
  re.lastIndex = 0;
  return [...text.matchAll(re)];
}

/**
 * Indices of the sentences a data match starts, ends or lies in, found in one
 * pass over the post: a long draft has hundreds of sentences and few with data.
 * Sentences begin after white space, so a sentence read alone gives the same
 * matches as the post read whole, except where a match in the whole runs over
 * a sentence break, and then both sentences are kept.
 */
function sentencesWithData(post: Post, patterns: readonly RegExp[]): number[] {
  const sentences = post.structure.sentences;
  if (sentences.length === 1) return [0];
  const keep = new Set<number>();
  for (const re of patterns) {
    for (const m of allOf(re, post.text)) {
      const start = m.index ?? 0;
      const last = indexAt(sentences, start + Math.max(0, m[0].length - 1));
      for (let i = indexAt(sentences, start); i <= last; i++) keep.add(i);
    }
  }
  return [...keep].sort((a, b) => a - b);
}

/** Index of the last sentence that starts at or before pos. */
function indexAt(sentences: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sentences[mid] as Span).start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export const channelsDetector: DetectorFactory = (setup) => {
  const options = OptionsSchema.parse(setup.options);
  const verbs = compilePhrases(termsOf(setup, options.verbs)).pattern;
  const data = compilePhrases(termsOf(setup, options.data)).pattern;
  const channels = compilePhrases(termsOf(setup, options.channels)).pattern;
  const hasData = tuned(new RegExp(data.source, 'iu'));
  const detect: Detector = (post) => {
    const text = post.text;
    BODY_PICTURE.lastIndex = 0;
    if (!hasMatch(hasData, text) && !BODY_PICTURE.test(text)) return [];
    const found: Candidate[] = [];
    const sentences = post.structure.sentences;
    for (const i of sentencesWithData(post, [data, BODY_PICTURE])) {
      const s = sentences[i] as Span;
      const sentence = text.slice(s.start, s.end);
      const dataHits = [...allOf(data, sentence), ...allOf(BODY_PICTURE, sentence)].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
      if (dataHits.length === 0) continue;
      const channelHits = [
        ...allOf(channels, sentence),
        ...allOf(CONSUMER_EMAIL, sentence),
        ...allOf(PHONE, sentence),
        ...allOf(CELL, sentence),
      ];
      if (channelHits.length === 0) continue;
      const channelEnd = Math.max(...channelHits.map((m) => (m.index ?? 0) + m[0].length));
      const invites = ADDRESSED.test(sentence);
      // Findings already run to the sentence's last channel: past a few (a few, since context checks may drop
      // the first, as in "if you can't upload your MRI, just email it"), a later verb inside them adds nothing but
      // work, which in a long draft with no sentence breaks is hundreds of findings over the same stretch.
      let covered = -1;
      const before = found.length;
      for (const v of allOf(verbs, sentence)) {
        const at = v.index ?? 0;
        if (at < covered && found.length - before >= 4) continue;
        if (GOVERNING_NEGATION.test(sentence.slice(Math.max(0, at - NEGATION_REACH), at))) continue;
        const datum = dataHits.find((d) => {
          const from = d.index ?? 0;
          if (from <= at || from - at > options.reach) return false;
          if (NOT_THE_OBJECT.test(sentence.slice(at + v[0].length, from))) return false;
          return !NOT_DATA_AFTER.test(sentence.slice(from + d[0].length));
        });
        if (!datum) continue;
        const end = Math.max((datum.index ?? 0) + datum[0].length, channelEnd);
        covered = end;
        const candidate: Candidate = {
          start: s.start + at,
          end: s.start + end,
          evidence: [v[0], datum[0]],
        };
        if (!invites) {
          candidate.severity = 'warning';
          candidate.replacement = null;
        }
        found.push(candidate);
      }
    }
    return found;
  };
  return detect;
};
