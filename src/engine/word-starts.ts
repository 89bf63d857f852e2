/**
 * Which words a post has, by their first letters: read once per review, so
 * that a pattern that can only match at a word starting "swag" (see
 * catalog/anchors.ts) is skipped in a post without one. Most catalogue
 * patterns find nothing in most posts; asking this costs a few nanoseconds,
 * running the pattern a few hundred.
 *
 * A word here is a run of ASCII letters, lower-cased; its first one to four
 * letters are each recorded as a key.
 */

import { memoByText } from './text-memo.js';

/** Letters a key holds: enough to tell most words apart, few enough for a small number. */
export const KEY_LETTERS = 4;

/** The key of one to KEY_LETTERS lower-case ASCII letters (a distinct number for each string). */
export function letterKey(letters: string): number {
  let key = 0;
  for (let i = 0; i < letters.length; i++) key = key * 27 + (letters.charCodeAt(i) - 96);
  return key;
}

/**
 * The letter a UTF-16 unit reads as, 1 (a) to 26 (z), or 0 for anything else:
 * ASCII letters in either case, and ſ and the Kelvin sign, which the i and u
 * flags match as s and k.
 */
export function letterOf(code: number): number {
  if (code >= 97 && code <= 122) return code - 96;
  if (code >= 65 && code <= 90) return code - 64;
  if (code === 0x17f) return 19;
  if (code === 0x212a) return 11;
  return 0;
}

/** Calls `each` with the key of every word's first one to KEY_LETTERS letters, and where the word starts. */
function forEachWordPrefix(text: string, each: (key: number, start: number) => void): void {
  let key = 0;
  let length = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const letter = letterOf(text.charCodeAt(i));
    if (letter === 0) {
      length = 0;
      continue;
    }
    if (length === 0) {
      start = i;
      key = 0;
    }
    if (length < KEY_LETTERS) {
      key = key * 27 + letter;
      length++;
      each(key, start);
    }
  }
}

// Keys are hashed into a small bit set: a question then costs a shift and a mask, and a review clears 1 KiB. Two
// keys may share a bit, so has() can say yes for a prefix no word starts with (about 2% of the time for a post),
// which only means a pattern is run; it never says no for one that does.
const BITS = 8192;

function slot(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 19;
}

export class WordStarts {
  private readonly bits = new Uint32Array(BITS / 32);

  constructor(text: string) {
    forEachWordPrefix(text, (key) => {
      const at = slot(key);
      this.bits[at >>> 5] = (this.bits[at >>> 5] as number) | (1 << (at & 31));
    });
  }

  /** Whether some word may start with the letters of this key: never false when one does. */
  has(key: number): boolean {
    const at = slot(key);
    return ((this.bits[at >>> 5] as number) & (1 << (at & 31))) !== 0;
  }
}

/** The word starts of a text, kept for the last few texts asked about (see text-memo.ts). */
export const wordStartsOf = memoByText((text) => new WordStarts(text));

/**
 * Where the words of a long text start, by their first one to KEY_LETTERS
 * letters: a pattern whose every match begins such a word (startAnchors) is
 * then tried at those places only, instead of along the whole text.
 */
export class WordPositions {
  private readonly at = new Map<number, number[]>();

  constructor(text: string) {
    forEachWordPrefix(text, (key, start) => {
      const list = this.at.get(key);
      if (list) list.push(start);
      else this.at.set(key, [start]);
    });
  }

  /** The places, in order and each once, where a word with one of these prefixes starts. */
  of(keys: readonly number[]): number[] {
    if (keys.length === 1) return this.at.get(keys[0] as number) ?? [];
    const all: number[] = [];
    for (const key of keys) all.push(...(this.at.get(key) ?? []));
    all.sort((a, b) => a - b);
    return all.filter((p, i) => i === 0 || p !== all[i - 1]);
  }
}

/** The word positions of a text, kept for the last few texts asked about. */
export const wordPositionsOf = memoByText((text) => new WordPositions(text), 2);
