/**
 * (D, E) Telephone and fax numbers in the shapes people type: "(555)
 * 014-2267", "555.014.2267", "555 014 2267", "+1 555-014-2267 ext. 12",
 * "555-0178", "+44 20 7946 0958", and spaced out to dodge filters. A number
 * is a patient identifier when it is the patient's or their family's; the
 * practice's own line is not.
 */
import type { Candidate } from '../../types.js';
import type { PostContext } from '../context.js';
import { drop } from '../generalise.js';
import { scoreOwner } from '../ownership.js';
import { Score, droppedNumber } from '../score.js';
import { matches, overlapChecker } from '../scan.js';
import { tuned } from '../../../catalog/tune.js';

const EXT = '(?:\\s?(?:x|ext\\.?|extension)\\s?\\d{1,5})?';
const SHAPES: readonly RegExp[] = [
  tuned(new RegExp(`(?<![\\p{N}\\p{L}+/-])(?:\\+?1[\\s.-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[\\s.-])\\d{3}[\\s.-]\\d{4}${EXT}(?![\\p{N}/])`, 'gu')),
  tuned(new RegExp(`(?<![\\p{N}\\p{L}+/.-])\\d{3}[.-]\\d{4}${EXT}(?![\\p{N}/.-])`, 'gu')),
  /(?<![\p{N}\p{L}])\+(?:[2-9]\d{0,2})[\s.-]?\d{1,4}(?:[\s.-]?\d{2,4}){2,4}(?![\p{N}])/gu,
  // Numbers dialled with a leading 0 outside North America: "07700 900123", "0491 570 156", "020 7946 0958",
  // "(02) 9876 5432". The digit count is checked below (10 or 11).
  /(?<![\p{N}\p{L}+/.,-])(?:\(0\d{1,4}\)\s?|0\d{1,4}[\s.-]?)\d{3,4}[\s.-]?\d{3,4}(?![\p{N}/]|[.,]\d)/gu,
];
// Ten digits in a row count only when the text says it is a number to call.
const BARE = /(?<![\p{N}])\d{10}(?![\p{N}])/gu;
const PHONE_WORD = /\b(?:call|text|phone|cell|mobile|number|tel|ph|fax|reach|contact)\b[^.!?\n]{0,20}$/i;
const FAX = /\bfax\b[^.!?\n]{0,25}$/i;

export function recognizePhones(ctx: PostContext): Candidate[] {
  const text = ctx.text;
  const spans: { start: number; end: number }[] = [];
  const taken = overlapChecker(ctx.text.length, spans);
  for (const re of SHAPES) {
    re.lastIndex = 0;
    for (const m of matches(re, text)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (!taken(start, end) && !looksLikeOtherNumber(ctx, start, end)) spans.push({ start, end });
    }
  }
  for (const m of matches(BARE, text)) {
    const start = m.index ?? 0;
    if (!taken(start, start + 10) && PHONE_WORD.test(ctx.before(start, 30))) spans.push({ start, end: start + 10 });
  }
  const out: Candidate[] = [];
  for (const s of spans) {
    const fax = FAX.test(ctx.before(s.start, 30));
    const score = new Score(0.35, fax ? 'fax number' : 'phone number');
    if (ctx.view.wasSpaced(s.start, s.end)) score.raise(0.1, 'digits spaced out to hide them');
    if (!scoreOwner(ctx, score, s.start, text.slice(s.start, s.end))) continue;
    const edit = drop(ctx, s.start, s.end);
    const c = droppedNumber(edit, score, fax ? "A patient's fax number identifies them." : "A patient's phone number identifies them.");
    if (c) out.push(c);
  }
  return out;
}

/** Dates, ranges, dosages and scores that have a phone's digits but are not one. */
function looksLikeOtherNumber(ctx: PostContext, start: number, end: number): boolean {
  const value = ctx.text.slice(start, end);
  if (/^\(?0/.test(value)) {
    const digits = value.replace(/\D/g, '').length;
    if (digits < 10 || digits > 11) return true;
  }
  if (/^(?:19|20)\d{2}[-.](?:19|20)\d{2}$/.test(value)) return true;
  return /\b(?:mg|mcg|ml|units?|steps|views|followers|dollars|usd|\$)\b/i.test(ctx.after(end, 10));
}
