/**
 * (G) Social security numbers. As Presidio does, numbers that cannot be SSNs
 * are rejected (area 000, 666 or 9xx, group 00, serial 0000, one digit
 * repeated, and the numbers printed in examples). A dashed or spaced SSN is
 * flagged wherever it appears; nine bare digits only after an SSN label.
 */
import type { Candidate } from '../../types.js';
import type { PostContext } from '../context.js';
import { drop, dropLabelled } from '../generalise.js';
import { Score, toCandidate } from '../score.js';
import { matches } from '../scan.js';
import { tuned } from '../../../catalog/tune.js';

const LABEL = '(?:SSN|SS#|SS No\\.?|social security(?: number| no\\.?| #)?|social)';
const LABELLED = tuned(new RegExp(`(?<![\\p{L}])${LABEL}\\s*(?:#|:|is|was|number|no\\.?)?\\s*:?\\s*(\\d{3}[- ]?\\d{2}[- ]?\\d{4})(?![\\p{N}])`, 'giu'));
const SHAPED = /(?<![\p{N}-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\p{N}-])/gu;
const EXAMPLES = new Set(['078051120', '219099999', '123456789', '111111111']);

export function validSsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || EXAMPLES.has(digits) || /^(\d)\1{8}$/.test(digits)) return false;
  const area = digits.slice(0, 3);
  if (area === '000' || area === '666' || area.startsWith('9')) return false;
  return digits.slice(3, 5) !== '00' && digits.slice(5) !== '0000';
}

export function recognizeSsn(ctx: PostContext): Candidate[] {
  const out: Candidate[] = [];
  const taken: [number, number][] = [];
  const emit = (start: number, end: number, score: Score, valueStart = start) => {
    if (taken.some(([s, e]) => start < e && end > s)) return;
    taken.push([start, end]);
    ctx.applyTie(score, start);
    const edit = valueStart > start ? dropLabelled(ctx, start, end, valueStart) : drop(ctx, start, end);
    const c = toCandidate({ start: edit.start, end: edit.end, score, sensitive: 'number', replacement: '', message: 'A social security number must never be posted.' });
    if (c) out.push(c);
  };
  for (const m of matches(LABELLED, ctx.text)) {
    if (!validSsn((m[1] ?? '').replace(/\D/g, ''))) continue;
    const end = m.index + m[0].length;
    emit(m.index, end, new Score(0.9, 'SSN label and a valid number'), end - (m[1] ?? '').length);
  }
  for (const m of matches(SHAPED, ctx.text)) {
    if (!validSsn(`${m[1]}${m[3]}${m[4]}`)) continue;
    const score = new Score(0.5, 'shaped like an SSN (3-2-4 digits, valid ranges)');
    if (ctx.view.wasSpaced(m.index ?? 0, (m.index ?? 0) + m[0].length)) score.raise(0.15, 'digits spaced out to hide them');
    emit(m.index ?? 0, (m.index ?? 0) + m[0].length, score);
  }
  return out;
}
