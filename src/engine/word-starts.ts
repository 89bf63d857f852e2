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

/** Letters a key holds: enough to tell most words apart, few enough for a small number. */
export const KEY_LETTERS = 4;

/** The key of one to KEY_LETTERS lower-case ASCII letters (a distinct number for each string). */
export function letterKey(letters: string): number {
  let key = 0;
  for (let i = 0; i < letters.length; i++) key = key * 27 + (letters.charCodeAt(i) - 96);
  return key;
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
    let key = 0;
    let length = 0;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      else if (c === 0x17f) c = 115; // ſ: the u and i flags match it as s
      else if (c === 0x212a) c = 107; // the Kelvin sign: as k
      if (c >= 97 && c <= 122) {
        if (length < KEY_LETTERS) {
          key = key * 27 + (c - 96);
          length++;
          const at = slot(key);
          this.bits[at >>> 5] = (this.bits[at >>> 5] as number) | (1 << (at & 31));
        }
      } else {
        key = 0;
        length = 0;
      }
    }
  }

  /** Whether some word may start with the letters of this key: never false when one does. */
  has(key: number): boolean {
    const at = slot(key);
    return ((this.bits[at >>> 5] as number) & (1 << (at & 31))) !== 0;
  }
}

let last: { text: string; starts: WordStarts } | undefined;

/**
 * The word starts of a text, kept for the last text asked about: the pattern
 * rules and the identifier recognizers of one review all ask about the same
 * post, one after another.
 */
export function wordStartsOf(text: string): WordStarts {
  if (last?.text !== text) last = { text, starts: new WordStarts(text) };
  return last.starts;
}
