/**
 * Profanity from obscenity's maintained English dataset (with its
 * transformers for leetspeak and repeated letters), so the list is not ours
 * to type and keep. Two additions the dataset does not give:
 * - clinical words of the dataset (anatomy, sexual function after spinal cord
 *   injury, spasticity) are dropped by the rule's options, and look-alike
 *   terms ("analgesic", "cum laude") are whitelisted;
 * - censored forms ("f***ing", "sh*t", "a**hole") are matched against the
 *   same dataset's words, since obscenity does not read masks.
 */
import { z } from 'zod';
import { collapseRuns, lexiconFor, type Form, type Lexicon } from './profanity-lexicon.js';
import type { Candidate, Detector, DetectorFactory } from './types.js';
import { tuned } from '../catalog/tune.js';

const OptionsSchema = z
  .object({
    /** Dataset words (obscenity's `originalWord`) that are clinical vocabulary in spine care. */
    clinical: z.array(z.string().min(1)).default([]),
    /** Whitelisted terms: a dataset match inside one of these is not profanity ("analgesic"). */
    allow: z.array(z.string().min(1)).default([]),
    /** Dataset words that are slurs: reported as errors. */
    slurs: z.array(z.string().min(1)).default([]),
    /** Dataset words that are also given names ("Dick Smith"): skipped when written as a name. */
    names: z.array(z.string().min(1)).default([]),
    /** Dataset words to prefer, most likely first, when a censored token fits several ("s***" as "shit", not "scat"). */
    prefer: z.array(z.string().min(1)).default([]),
    /** Softer wording for a whole word form (lower case); anything else is suggested for deletion. */
    soften: z.record(z.string(), z.string()).default({}),
    /**
     * Cues (regular expressions) that a quoted word is reported or condemned, not used:
     * "a visitor called our nurse a \"b***h\"; that slur has no place here".
     */
    reported: z.array(z.string().min(1)).default([]),
  })
  .strict();

// A token with a mask character inside or after letters: "f***ing", "sh*t", "F#@k".
const CENSORED = /(?<![\p{L}\p{N}*#%$@!])\p{L}[\p{L}*#%$@!]*[*#%][\p{L}*#%$@!]*/gu;
const MASKS = /[*#%]/;
// Cheap gate for the censored-token scan: a mask right after a letter (hashtags start after a space).
const MASK_AFTER_LETTER = /\p{L}[*#%]/u;
const LEET: Record<string, string> = { $: 's', '@': 'a', '!': 'i' };
const TITLE_BEFORE = /\b(?:mr|mrs|ms|mx|dr|miss|patient|pt)\.?\s*$/i;
const MASKED_NAME_AFTER = /^\s+\p{Lu}[*#%]/u;
const MASKED_NAME_BEFORE = /\p{Lu}[*#%]+\s+$/u;

/**
 * Reads a censored token as a pattern: letters stay, each run of masks stands
 * for as many letters ("f**k"); when `open`, a run of three or more may also
 * hide a longer ending ("f***" for "fucking").
 */
function censoredPattern(token: string, open: boolean): { re: RegExp; min: number; max: number } {
  let source = '';
  let min = 0;
  let max = 0;
  for (const m of token.toLowerCase().matchAll(/[*#%]+|[^*#%]/g)) {
    const part = m[0];
    if (MASKS.test(part[0] ?? '')) {
      const wide = open && part.length >= 3;
      source += wide ? `[a-z]{${part.length - 1},}` : `[a-z]{${part.length}}`;
      min += wide ? part.length - 1 : part.length;
      max += wide ? part.length + 8 : part.length;
    } else {
      source += LEET[part] ?? part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      min++;
      max++;
    }
  }
  return { re: new RegExp(`^${source}$`), min, max };
}

/**
 * The likeliest dataset word behind a censored token: exact mask counts
 * before open ones, then the rule's preferred (common) words, a slur last,
 * and the bare word before affixed forms ("f***ing" is "fucking", not
 * "fisting"; "f***" is not read as a slur).
 */
function readCensored(token: string, lexicon: Lexicon, rank: (word: string) => number): Form | undefined {
  if (!/\p{L}/u.test(token) || token.length < 3) return undefined;
  for (const open of [false, true]) {
    const { re, min, max } = censoredPattern(token, open);
    const hits: Form[] = [];
    for (let n = min; n <= max; n++) for (const f of lexicon.forms.get(n) ?? []) if (re.test(f.form)) hits.push(f);
    hits.sort((a, b) => rank(a.word) - rank(b.word) || a.affix - b.affix);
    if (hits[0]) return hits[0];
  }
  return undefined;
}

/** Grows a match to the whole word it sits in, so "bullshit" is replaced whole. */
function wholeWord(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s > 0 && /\p{L}/u.test(text[s - 1] ?? '')) s--;
  while (e < text.length && /\p{L}/u.test(text[e] ?? '')) e++;
  return [s, e];
}

function isMaskedName(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  return TITLE_BEFORE.test(before) || MASKED_NAME_BEFORE.test(before) || MASKED_NAME_AFTER.test(text.slice(end, end + 4));
}

// Cues that the capitalised word next to them is a person's name.
const NAME_BEFORE = tuned(/(?:\b(?:mr|dr|prof|uncle|coach|dear|hi|hey)\.?|\b(?:thank\s+you|thanks|congrats|congratulations|welcome|happy\s+birthday|cheers|love\s+you|miss\s+you),|\p{Lu}\p{Ll}+)\s*["']?\s*$/iu);
const NAME_AFTER = /^(?:["']?\s+\p{Lu}\p{Ll}|'s\s+\p{Lu})/u;

/** "Dick Thompson", "Dr. Richard \"Dick\" Alvarez", "thank you, Dick": a given name, not the word. */
function isWrittenAsName(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  return NAME_BEFORE.test(text.slice(Math.max(0, start - 24), start)) || NAME_AFTER.test(text.slice(end, end + 20));
}

export const profanityDetector: DetectorFactory = (setup) => {
  const options = OptionsSchema.parse(setup.options);
  const lexicon = lexiconFor(options);
  const slurs = new Set(options.slurs.map((w) => w.toLowerCase()));
  const names = new Set(options.names.map((w) => w.toLowerCase()));
  const preferred = options.prefer.map((w) => w.toLowerCase());
  const rank = (word: string): number => {
    const at = preferred.indexOf(word);
    return slurs.has(word) ? preferred.length + 1 : at === -1 ? preferred.length : at;
  };
  const soften = new Map(Object.entries(options.soften).map(([k, v]) => [k.toLowerCase(), v]));
  const reported = options.reported.length > 0 ? tuned(new RegExp(options.reported.join('|'), 'iu')) : undefined;

  const candidate = (start: number, end: number, form: string, word: string): Candidate => {
    const c: Candidate = { start, end, replacement: soften.get(form) ?? '', evidence: [word] };
    if (slurs.has(word)) {
      c.severity = 'error';
      c.message = 'A slur has no place in a professional post; remove it.';
    }
    return c;
  };

  const detect: Detector = (post) => {
    const { text } = post;
    const found: Candidate[] = [];
    const taken: [number, number][] = [];
    const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
    const sentences = post.structure.sentences;
    // The matcher reads only the sentences the prefilter lets through: on a long draft it would
    // otherwise read every sentence for the sake of a few. (Sentences are separated by white space
    // and sentence marks, which no dataset word spans.)
    const suspicious = lexicon.prefilter.test(collapseRuns(text));
    for (const s of suspicious ? sentences : []) {
      const piece = text.slice(s.start, s.end);
      if (sentences.length > 1 && !lexicon.prefilter.test(collapseRuns(piece))) continue;
      for (const m of lexicon.matcher.getAllMatches(piece, true)) {
        const word = lexicon.dataset.getPayloadWithPhraseMetadata(m).phraseMetadata?.originalWord ?? '';
        const [start, end] = wholeWord(text, s.start + m.startIndex, s.start + m.endIndex + 1);
        if (overlaps(start, end)) continue;
        if (names.has(word) && isWrittenAsName(text, start, end)) continue;
        taken.push([start, end]);
        found.push(candidate(start, end, text.slice(start, end).toLowerCase(), word));
      }
    }
    if (MASK_AFTER_LETTER.test(text)) {
      CENSORED.lastIndex = 0;
      for (const m of text.matchAll(CENSORED)) {
        const token = m[0].replace(/[!]+$/, '');
        const start = m.index ?? 0;
        const end = start + token.length;
        if (overlaps(start, end) || !MASKS.test(token)) continue;
        // "Mrs. S****" or "J*** S****" is a masked name, not a masked word.
        const oneLetter = token.replace(/[^\p{L}]/gu, '').length === 1;
        if (oneLetter && isMaskedName(text, start, end)) continue;
        const read = readCensored(token, lexicon, rank);
        if (read === undefined) continue;
        taken.push([start, end]);
        found.push(candidate(start, end, read.form, read.word));
      }
    }
    // Only a quoted word can be a report; the cue may sit in a neighbouring sentence ("...". That slur...).
    const kept =
      reported && found.some((c) => post.structure.isQuoted(c.start, c.end)) && reported.test(text)
        ? found.filter((c) => !post.structure.isQuoted(c.start, c.end))
        : found;
    return kept.sort((a, b) => a.start - b.start);
  };
  return detect;
};
