/**
 * What a secret looks like once a label ("password", "door code", "api key")
 * has said one is coming: the shape checks shared by the secret detectors.
 * Each check is cheap and runs only on the few tokens after a label.
 */

/** One whitespace-free token of the text, with its punctuation trimmed off. */
export interface Token {
  /** The token as written, punctuation included. */
  raw: string;
  /** The token without wrapping quotes, brackets or trailing punctuation. */
  core: string;
  /** Offsets of `core` in the text. */
  start: number;
  end: number;
  /** The raw token ended a clause (",", ";", ":" or a sentence mark after the core). */
  closesClause: boolean;
}

const LEADING = /^[:="'(\[{<*_]+/;
/** Punctuation a token's core does not end with. */
export const TRAILING = /[.,;:!?)\]}>"'*_]+$/;

/** Tokens of text[from, to), in order; at most `limit` of them. */
export function tokensIn(text: string, from: number, to: number, limit = Infinity): Token[] {
  const out: Token[] = [];
  const re = /\S+/g;
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(re)) {
    if (out.length >= limit) break;
    const raw = m[0];
    const lead = LEADING.exec(raw)?.[0].length ?? 0;
    const rest = raw.slice(lead);
    const trail = TRAILING.exec(rest)?.[0] ?? '';
    const core = rest.slice(0, rest.length - trail.length);
    const start = from + (m.index ?? 0) + lead;
    out.push({ raw, core, start, end: start + core.length, closesClause: /[,;:.!?]/.test(trail) });
  }
  return out;
}

/**
 * Tokens of text[from, end) that start within `reach` characters of `from`,
 * for reading the few words after a label: without a bound, a draft with no
 * sentence breaks is tokenised to its end once for every label in it. A token
 * the bound cuts in two is left out, since its cut form is not what was written.
 */
export function tokensWithin(text: string, from: number, end: number, reach: number, limit = Infinity): Token[] {
  const to = Math.min(end, from + reach);
  const tokens = tokensIn(text, from, to, limit + 1);
  // More tokens than asked for: the bound cut none of the ones returned.
  if (tokens.length > limit) return tokens.slice(0, limit);
  if (to < end && /\S/.test(text[to - 1] ?? '') && /\S/.test(text[to] ?? '')) tokens.pop();
  return tokens;
}

// Tokens that look like a password but are clinical or everyday notation.
const NOT_SECRET = [
  /^[CTLS]\d{1,2}(?:-?[CTLS]?\d{1,2})?$/i, // spine levels: L4-5, C5-C6, L5S1
  /^hba1c$|^a1c$/i,
  /^[A-TV-Z]\d{2}(?:\.[\dA-Z]{1,4})?$/i, // ICD-10 codes
  /^\d{1,4}[/:.-]\d{1,4}(?:[/:.-]\d{1,4})?$/, // dates, times, scores
  /^\d+(?:\.\d+)?(?:mg|mcg|ml|cc|mm|cm|kg|lb|lbs|hrs?|min|mins|yo|y\/o|k|x|%|st|nd|rd|th|am|pm|s)$/i,
  /^\d{1,4}(?:-[a-z]{2,})+$/, // a number in a compound: 96-year-old, 90-plus, 3-level
  /^[#@]/, // hashtags and mentions
  /^https?:|^www\./i,
  /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i, // e-mail addresses
  /^(?:2fa|mfa|24\/7|covid-?19|icd-?10|hl7|b12|d3|5g|4g|lte|mp[34]|pgy-?\d|pod\d{1,2})$/i,
];

const SYMBOL = /[!#$%&*+=?@^~|\\]/;

function hasLetter(s: string): boolean {
  return /\p{L}/u.test(s);
}

/** A token that reads as a password: letters with digits or symbols, or a long run of digits. */
export function isPasswordLike(core: string): boolean {
  if (core.length < 4 || core.length > 64) return false;
  if (NOT_SECRET.some((re) => re.test(core))) return false;
  if (/^\d+$/.test(core)) return core.length >= 4;
  if (!hasLetter(core)) return false;
  return /\d/.test(core) || SYMBOL.test(core);
}

const NUMBER_WORDS = new Set(['zero', 'oh', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']);

export function isNumberWord(core: string): boolean {
  return NUMBER_WORDS.has(core.toLowerCase());
}

/** A keypad, PIN or one-time code written with digits: "4729", "4-4-1-9", "0612#". */
export function isDigitCode(core: string): boolean {
  if (!/^\d[\d.-]*[#*]?$/.test(core)) return false;
  const digits = core.replace(/\D/g, '');
  if (digits.length < 3 || digits.length > 10) return false;
  // Separators must split single digits or groups, never sit at the end: "4-4-1-9", "44-19".
  if (/[.-]{2}|[.-][#*]?$/.test(core)) return false;
  if (digits.length === 3) return /[#*]$/.test(core);
  // A decimal number ("12.5") is a measure, not a code.
  if (/^\d+\.\d{1,2}$/.test(core)) return false;
  return true;
}

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** A long random-looking string: an API key or token rather than a word or an identifier. */
export function isHighEntropyToken(core: string): boolean {
  if (core.length < 16 || core.length > 512) return false;
  if (!/^[A-Za-z0-9_+/=.:-]+$/.test(core)) return false;
  if (/^https?:|^www\.|^10\.\d{4,}\//i.test(core)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((re) => re.test(core)).length;
  if (classes < 2 || !/\d/.test(core)) return false;
  return entropy(core) >= 3.2;
}
