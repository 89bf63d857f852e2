/**
 * Which runs of three letters a text holds: read once per text, so that a
 * pattern that needs "cha" somewhere (see catalog/anchors.ts) is skipped in a
 * post without it. The catalogue's cue-word gates (requiresPost) match inside
 * words, where word starts say nothing; three letters in a row still do.
 *
 * Letters are ASCII, lower-cased (ſ and the Kelvin sign read as s and k, as
 * the i and u flags match them); a trigram is three of them in a row.
 */
import { memoByText } from './text-memo.js';

const SIZE = 27 * 27 * 27;

/** The key of three lower-case ASCII letters. */
export function trigramKey(letters: string): number {
  return ((letters.charCodeAt(0) - 96) * 27 + (letters.charCodeAt(1) - 96)) * 27 + (letters.charCodeAt(2) - 96);
}

export class Trigrams {
  private readonly bits = new Uint32Array(Math.ceil(SIZE / 32));

  constructor(text: string) {
    let a = 0;
    let b = 0;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      else if (c === 0x17f) c = 115;
      else if (c === 0x212a) c = 107;
      const letter = c >= 97 && c <= 122 ? c - 96 : 0;
      if (letter !== 0 && a !== 0 && b !== 0) {
        const key = (a * 27 + b) * 27 + letter;
        this.bits[key >>> 5] = (this.bits[key >>> 5] as number) | (1 << (key & 31));
      }
      a = b;
      b = letter;
    }
  }

  has(key: number): boolean {
    return ((this.bits[key >>> 5] as number) & (1 << (key & 31))) !== 0;
  }
}

/** The trigrams of a text, kept for the last few texts asked about (see text-memo.ts). */
export const trigramsOf = memoByText((text) => new Trigrams(text));
