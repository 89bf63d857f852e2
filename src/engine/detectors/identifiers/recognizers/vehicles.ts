/**
 * (L) Vehicle identifiers: licence plates (by their label: "plate 7XKB291",
 * "tag ABC-1234") and VINs. A 17-character VIN is checked with its check
 * digit (position 9) as Presidio validates checksums, so that a random
 * product code is not taken for one; with a "VIN" label the shape suffices.
 */
import type { Candidate } from '../../types.js';
import type { PostContext } from '../context.js';
import { drop } from '../generalise.js';
import { Score, toCandidate } from '../score.js';
import { matches } from '../scan.js';

const VIN = /(?<![\p{L}\p{N}])[A-HJ-NPR-Z0-9]{17}(?![\p{L}\p{N}])/gu;
const VIN_LABEL = /\b(?:VIN|vehicle identification number|chassis)\s*(?:#|:|number|no\.?|is)?\s*:?\s*$/i;
const PLATE = /(?<![\p{L}])(?:licen[cs]e\s+plate|plate|tags?|reg(?:istration)?)\s*(?:number|no\.?|#)?\s*(?:#|:|is|was|reads|reading|that says)?\s*:?\s*["']?([A-Z0-9]{1,4}[- ]?[A-Z0-9]{1,4})["']?(?![\p{L}\p{N}])/giu;

const TRANSLIT: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** The North American VIN check digit (49 CFR 565.15). */
export function validVin(vin: string): boolean {
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(vin)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = vin[i] as string;
    const value = /\d/.test(ch) ? Number(ch) : (TRANSLIT[ch] ?? 0);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const check = sum % 11;
  return vin[8] === (check === 10 ? 'X' : String(check));
}

export function recognizeVehicles(ctx: PostContext): Candidate[] {
  const text = ctx.text;
  const out: Candidate[] = [];
  const emit = (start: number, end: number, score: Score, message: string) => {
    ctx.applyTie(score, start);
    const edit = drop(ctx, start, end);
    const c = toCandidate({ start: edit.start, end: edit.end, score, sensitive: 'number', replacement: '', message });
    if (c) out.push(c);
  };
  for (const m of matches(VIN, text)) {
    const vin = m[0];
    if (!/\d/.test(vin) || !/[A-Z]/.test(vin)) continue;
    const start = m.index ?? 0;
    const labelled = VIN_LABEL.test(ctx.before(start, 30));
    const valid = validVin(vin);
    if (!valid && !labelled) continue;
    const score = new Score(valid ? 0.6 : 0.5, valid ? 'VIN with a valid check digit' : 'VIN label');
    if (valid && labelled) score.raise(0.25, 'VIN label');
    emit(start, start + vin.length, score, 'A vehicle identification number identifies its owner.');
  }
  for (const m of matches(PLATE, text)) {
    const value = m[1] ?? '';
    if (!/\d/.test(value) || !/[A-Za-z]/.test(value) || value.replace(/[- ]/g, '').length < 4) continue;
    if (/^(?:tags?|reg)/i.test(m[0]) && !/[A-Z].*\d|\d.*[A-Z]/.test(value)) continue;
    const start = m.index ?? 0;
    emit(start, start + m[0].length, new Score(0.7, 'licence plate'), 'A licence plate identifies its owner.');
  }
  return out;
}
