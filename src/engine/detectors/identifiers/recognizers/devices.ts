/**
 * (M) Device identifiers and serial numbers: implant lot and serial numbers
 * from the sticker sheet ("LOT 4471-A", "S/N 88231-XK"), UDIs in GS1 form
 * ("(01)00884521123457(21)A1234"), IMEIs. A catalogue (REF) number names a
 * model, not a patient's device, and stays.
 */
import type { Candidate } from '../../types.js';
import type { PostContext } from '../context.js';
import { drop } from '../generalise.js';
import { Score, droppedNumber } from '../score.js';
import { matches } from '../scan.js';

const LABELLED =
  /(?<![\p{L}])(?:serial(?:\s+(?:number|no\.?|#))?|S\/N|SN|lot(?:\s+(?:number|no\.?|#))?|LOT|batch(?:\s+(?:number|no\.?|#))?|UDI|DI|device\s+(?:ID|identifier)|implant\s+(?:ID|serial)|IMEI|MAC(?:\s+address)?)\s*(?:#|:|is|was)?\s*:?\s*([A-Z0-9][A-Z0-9./-]{3,30}[A-Z0-9])(?![\p{L}\p{N}])/giu;
const GS1 = /\(01\)\s?\d{14}(?:\s?\((?:10|11|17|21)\)\s?[A-Z0-9-]{1,20}){0,4}/gu;
const IMPLANT = /\b(?:implant|screw|rod|cage|plate|graft|stimulator|generator|battery|lead|pump|device|hardware|sticker|label|box|tray)s?\b/i;

export function recognizeDevices(ctx: PostContext): Candidate[] {
  const text = ctx.text;
  const out: Candidate[] = [];
  const taken: [number, number][] = [];
  const emit = (start: number, end: number, score: Score) => {
    if (taken.some(([s, e]) => start < e && end > s)) return;
    taken.push([start, end]);
    ctx.applyTie(score, start);
    const edit = drop(ctx, start, end);
    const c = droppedNumber(edit, score, "A device's serial or lot number ties the device, and the post, to one patient.");
    if (c) out.push(c);
  };
  for (const m of matches(GS1, text)) emit(m.index ?? 0, (m.index ?? 0) + m[0].length, new Score(0.75, 'UDI barcode data'));
  for (const m of matches(LABELLED, text)) {
    const value = m[1] ?? '';
    if (!/\d/.test(value) || (value.match(/\d/g) ?? []).length < 3) continue;
    const start = m.index ?? 0;
    // "parking lot 3", "a lot 2 weeks", "lot of": not a lot number.
    if (/^lot/i.test(m[0]) && /\b(?:a|the|parking|whole|that|this)\s*$/i.test(ctx.before(start, 12))) continue;
    const score = new Score(0.5, 'serial or lot number');
    if (ctx.sentenceHas(ctx.facts(start), IMPLANT)) score.raise(0.25, 'implant or device described');
    emit(start, start + m[0].length, score);
  }
  return out;
}
