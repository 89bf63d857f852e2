/**
 * Matching runs on a folded copy of the draft so that evasions (zero-width
 * characters, Cyrillic look-alikes, full-width or Arabic-Indic digits, odd
 * dashes and quotes) are caught, while findings must point at what the user
 * typed. `Normalized` keeps, for every UTF-16 unit of the copy, the span of the
 * original text it came from.
 */

export interface Normalized {
  /** The folded text rules match against. Same case as the original. */
  readonly text: string;
  /** Maps a span of `text` to the span of the original it was produced from. */
  toOriginal(start: number, end: number): [number, number];
  /**
   * Offsets in `text` of the "-" that stand for an em dash (or a horizontal
   * bar), in order. Folding makes every dash a hyphen so that "555–0142" and
   * "L4–5" match as typed, but "better—finally" breaks a clause where
   * "well-known" does not (structure.ts).
   */
  readonly clauseDashes: readonly number[];
}

// Dashes that set off a clause even with no space around them ("it hurt—a lot"); an en dash between words is a range ("L4–5").
const CLAUSE_DASH = /[\u2014\u2015\u2E3A\u2E3B\uFE58]/u;

// Invisible characters people paste (or use on purpose) inside words.
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0E\uFEFF\uFFA0]/u;

// Letters that render like Latin ones; folded so that "pаssword" with a Cyrillic "а" still matches.
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', һ: 'h', ӏ: 'l', ԛ: 'q', ԝ: 'w', ү: 'y', ɡ: 'g',
  А: 'A', В: 'B', Е: 'E', Ё: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X',
  І: 'I', Ї: 'I', Ј: 'J', Ѕ: 'S', Ԁ: 'D', Һ: 'H', Ӏ: 'I', Ү: 'Y', Ԛ: 'Q', Ԝ: 'W',
  // Greek
  α: 'a', ο: 'o', ρ: 'p', ν: 'v', ι: 'i', κ: 'k', τ: 't', υ: 'u', χ: 'x', ϲ: 'c', ε: 'e',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  // Latin variants NFKC leaves alone
  ı: 'i', ȷ: 'j', ℓ: 'l', ß: 'ss',
};

const QUOTES: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u02BC': "'", '\u0060': "'", '\u00B4': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
};

const DASH = /[\p{Pd}\u2212\u2043\uFE63\uFF0D]/u;
const SPACE = /[\p{Zs}\u2028\u2029]/u;
const DIGIT = /\p{Nd}/u;
const PLAIN = /^[\t\n\r\x20-\x7E]*$/;

/** Value of a decimal digit in any script (Unicode keeps each script's 0–9 contiguous). */
function digitValue(cp: number): number {
  let zero = cp;
  while (cp - zero < 9 && DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
  return cp - zero;
}

/** The folded form of one code point ('' drops it). */
export function foldChar(ch: string): string {
  if (INVISIBLE.test(ch)) return '';
  const quote = QUOTES[ch];
  if (quote !== undefined) return quote;
  const lookAlike = LOOK_ALIKES[ch];
  if (lookAlike !== undefined) return lookAlike;
  if (DASH.test(ch)) return '-';
  if (SPACE.test(ch)) return ' ';
  let folded = ch.normalize('NFKC');
  if (folded.length === 1 && folded.charCodeAt(0) < 0x80) return folded;
  if (DIGIT.test(folded) && folded.length <= 2) {
    const cp = folded.codePointAt(0) ?? 0;
    if (cp > 0x7f) return String(digitValue(cp));
  }
  // NFKC may produce several characters (ligatures, "½"); fold each once more.
  if (folded !== ch) folded = Array.from(folded, (c) => (c === ch ? c : foldSimple(c))).join('');
  return folded;
}

function foldSimple(ch: string): string {
  return LOOK_ALIKES[ch] ?? QUOTES[ch] ?? (DASH.test(ch) ? '-' : SPACE.test(ch) ? ' ' : ch);
}

class IdentityMap implements Normalized {
  readonly clauseDashes: readonly number[] = [];
  constructor(readonly text: string) {}
  toOriginal(start: number, end: number): [number, number] {
    return [start, end];
  }
}

class FoldedMap implements Normalized {
  constructor(
    readonly text: string,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    private readonly originalLength: number,
    readonly clauseDashes: readonly number[],
  ) {}

  toOriginal(start: number, end: number): [number, number] {
    const n = this.text.length;
    if (n === 0) return [0, 0];
    const s = start >= n ? this.originalLength : (this.starts[Math.max(0, start)] ?? 0);
    if (end <= start) return [s, s];
    const e = this.ends[Math.min(n, end) - 1] ?? this.originalLength;
    return [s, Math.max(s, e)];
  }
}

// foldChar costs several regular-expression tests and an NFKC per call, and
// drafts repeat their non-ASCII characters (emoji, accents, one script): each
// is folded once. Bounded, since drafts can hold any character.
const FOLD_CACHE_MAX = 4096;
const foldCache = new Map<string, string>();

function foldCached(ch: string): string {
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    folded = foldChar(ch);
    if (foldCache.size >= FOLD_CACHE_MAX) foldCache.clear();
    foldCache.set(ch, folded);
  }
  return folded;
}

/**
 * Longest run of white space the folded text keeps. Patterns such as
 * `\s+at\s+` try every position of a run and read to its end: on a draft of
 * 40,000 spaces and a word, a review took eight seconds. No rule needs more
 * than a few spaces or line breaks in a row, so longer runs are cut (the
 * offset map still spans the whole run).
 */
export const MAX_SPACE_RUN = 16;
const LONG_SPACE_RUN = new RegExp(`\\s{${MAX_SPACE_RUN + 1}}`);

export function normalize(original: string): Normalized {
  const folded = fold(original);
  return LONG_SPACE_RUN.test(folded.text) ? cutSpaceRuns(folded, original.length) : folded;
}

/** The same text with every run of white space cut to MAX_SPACE_RUN characters. */
function cutSpaceRuns(folded: Normalized, originalLength: number): Normalized {
  const { text } = folded;
  const keep: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const dashes: number[] = [];
  const space = /\s/;
  let run = 0;
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    run = space.test(ch) ? run + 1 : 0;
    if (run > MAX_SPACE_RUN) continue;
    // A dash is no space, so it is always kept: only its offset moves.
    if (folded.clauseDashes[d] === i) {
      dashes.push(keep.length);
      d++;
    }
    keep.push(ch);
    const [s, e] = folded.toOriginal(i, i + 1);
    starts.push(s);
    ends.push(e);
  }
  return new FoldedMap(keep.join(''), Int32Array.from(starts), Int32Array.from(ends), originalLength, dashes);
}

function fold(original: string): Normalized {
  if (PLAIN.test(original)) return new IdentityMap(original);
  const n = original.length;
  // For each unit of the folded text, the span of the original it came from.
  // Folding can lengthen the text (ligatures, "ß"), so the arrays grow on demand.
  let starts = new Int32Array(n + 16);
  let ends = new Int32Array(n + 16);
  const parts: string[] = [];
  const reserve = (size: number) => {
    if (size <= starts.length) return;
    const grown = Math.max(starts.length * 2, size);
    const s = new Int32Array(grown);
    const e = new Int32Array(grown);
    s.set(starts);
    e.set(ends);
    starts = s;
    ends = e;
  };
  let out = 0;
  const dashes: number[] = [];
  let unchangedFrom = 0; // the original is copied in runs, not character by character
  let i = 0;
  while (i < n) {
    const code = original.charCodeAt(i);
    if (code < 0x80) {
      if (out >= starts.length) reserve(out + 1);
      starts[out] = i;
      ends[out++] = i + 1;
      i++;
      continue;
    }
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < n && (original.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    const ch = width === 1 ? (original[i] as string) : original.slice(i, i + 2);
    const folded = foldCached(ch);
    if (folded !== ch) {
      parts.push(original.slice(unchangedFrom, i), folded);
      unchangedFrom = i + width;
      if (folded === '-' && CLAUSE_DASH.test(ch)) dashes.push(out);
    }
    reserve(out + folded.length);
    for (let k = 0; k < folded.length; k++) {
      starts[out] = i;
      ends[out++] = i + width;
    }
    i += width;
  }
  parts.push(original.slice(unchangedFrom));
  return new FoldedMap(parts.join(''), starts.subarray(0, out), ends.subarray(0, out), n, dashes);
}
