/**
 * Which runs of two and three letters a text holds: read once per text, so
 * that a pattern that needs "cha" somewhere (see catalog/anchors.ts) is
 * skipped in a post without it. The catalogue's cue-word gates
 * (requiresPost) match inside words, where word starts say nothing; a few
 * letters in a row still do.
 *
 * Letters are ASCII, lower-cased (ſ and the Kelvin sign read as s and k, as
 * the i and u flags match them). Runs are keyed by letterKey: the keys of two
 * letters (28 to 728) and of three (757 and up) never meet.
 */
import { memoByText } from './text-memo.js';
import { letterKey, letterOf } from './word-starts.js';

const SIZE = 27 * 27 * 27;

export class LetterRuns {
  private readonly bits = new Uint32Array(Math.ceil(SIZE / 32));

  constructor(text: string) {
    let a = 0;
    let b = 0;
    for (let i = 0; i < text.length; i++) {
      const letter = letterOf(text.charCodeAt(i));
      if (letter !== 0 && b !== 0) {
        this.set(b * 27 + letter);
        if (a !== 0) this.set((a * 27 + b) * 27 + letter);
      }
      a = b;
      b = letter;
    }
  }

  private set(key: number): void {
    this.bits[key >>> 5] = (this.bits[key >>> 5] as number) | (1 << (key & 31));
  }

  /** Whether the text holds the run of letters with this key (letterKey of two or three letters). */
  has(key: number): boolean {
    return ((this.bits[key >>> 5] as number) & (1 << (key & 31))) !== 0;
  }
}

/** The letter runs of a text, kept for the last few texts asked about (see text-memo.ts). */
export const letterRunsOf = memoByText((text) => new LetterRuns(text));

export { letterKey };
