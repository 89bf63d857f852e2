/**
 * (K) Certificate and licence numbers of a patient: a driver's licence,
 * passport, birth or death certificate number. A clinician's own licence or
 * NPI, printed in an advertisement as some boards require, is not a patient
 * identifier.
 */
import type { Candidate } from '../../types.js';
import type { PostContext } from '../context.js';
import { drop } from '../generalise.js';
import { Score, droppedNumber } from '../score.js';
import { matches } from '../scan.js';
import { tuned } from '../../../catalog/tune.js';

const LABEL =
  "(?:driver'?s'?\\s+licen[cs]e|driving licen[cs]e|DL|licen[cs]e|lic\\.|passport|birth certificate|death certificate|marriage certificate|certificate|cert\\.?|permit|state ID|ID card|green card|visa)";
const LABELLED = tuned(new RegExp(
  `(?<![\\p{L}])${LABEL}\\s*(?:number|no\\.?|#|ID)?\\s*(?:#|:|is|was)?\\s*:?\\s*([A-Z]{0,3}[- ]?\\d[\\dA-Z-]{3,}[\\dA-Z])(?![\\p{L}\\p{N}])`,
  'giu',
));
// The clinician's own credentials: "my license #", "Lic. PT-1234", "NPI".
const OWN = /\b(?:my|our|his|her|Dr\.?|state|medical|nursing|professional|board|PT|DC|MD|DO|RN|DEA|NPI|CA|NY|TX|FL)\s*$/i;
const PATIENT = /\b(?:(?:his|her|their|pt'?s|patient'?s)\s+(?:driver'?s|passport|birth|death|license|licence|ID))\b/i;

export function recognizeLicences(ctx: PostContext): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(LABELLED, ctx.text)) {
    const value = m[1] ?? '';
    if ((value.match(/\d/g) ?? []).length < 4) continue;
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const before = ctx.before(start, 25);
    const patient = PATIENT.test(ctx.text.slice(Math.max(0, start - 25), end));
    if (!patient && (OWN.test(before) || /^(?:lic|license|licence)/i.test(m[0]) && /\b(?:licensed|provider|clinician|Dr\.)/i.test(before))) continue;
    const score = new Score(0.45, 'certificate or licence number');
    if (patient) score.raise(0.3, "belongs to the patient");
    const tie = ctx.applyTie(score, start);
    if (!tie && !patient) score.lower(0.1, 'no patient in this post');
    const edit = drop(ctx, start, end);
    const c = droppedNumber(edit, score, "A patient's licence or certificate number identifies them.");
    if (c) out.push(c);
  }
  return out;
}
