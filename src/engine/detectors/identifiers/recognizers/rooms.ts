/**
 * Room and bed numbers tied to a patient ("mr K in bed 14", "the guy in
 * trauma bay 2", "Mrs. R in 6B"). Safe Harbor (R) covers any identifying
 * code, and a bed number names one patient on a ward. A conference "Room B"
 * or an OR number in a schedule is not a patient's.
 */
import type { Candidate } from '../../types.js';
import type { PostContext } from '../context.js';
import { drop } from '../generalise.js';
import { HONORIFIC } from '../patterns.js';
import { Score, toCandidate } from '../score.js';
import { matches, overlapChecker } from '../scan.js';
import { tuned } from '../../../catalog/tune.js';

const BED = /(?<![\p{L}])(?:(?:trauma|resus|ED|ER|PACU|ICU|NICU|pre-?op|post-?op|holding|obs)\s+)?(?:bed|bay|stretcher|cubicle|cube|crib)\s?#?\s?\d{1,3}[A-Za-z]?(?![\p{L}\p{N}])/giu;
const ROOM = /(?<![\p{L}])(?:(?:ICU|ED|ER|PACU|hospital|patient|exam|his|her|their)\s+)?(?:room|rm\.?)\s?#?\s?(?:\d{1,4}[A-Za-z]?|[A-Z]\d{1,3})(?![\p{L}\p{N}])/giu;
// "<person> in 6B", "the guy in 12": a bare room code after someone being described.
// "the guy in 14 (...)", "our guy in 4112", "Mrs. R in 6B", "mrs k in 14": a bare room code after someone being described.
// Three or four bare digits read as a room unless they are a year; one or two only before a bracket or dash,
// or after an honorific ("in 14 is s/p ...").
const CODE = '(?:\\d{1,2}[A-Z]|[A-Z]\\d{1,3}|(?!(?:19|20)\\d\\d\\b)\\d{3,4}(?!\\s*(?:min|minutes|hours|hrs|days|weeks|months|years|%|mg|pounds|lbs))|\\d{1,2}(?=\\s*[,()—–-]))';
const PERSON_IN_CODE = tuned(new RegExp(
  `(?:(?<![\\p{L}])(?:pt|patient|guy|lady|man|woman|gentleman|kid|grandma|grandpa)\\s+in\\s+(${CODE})|(?:${HONORIFIC}\\.?\\s+(?:\\p{Lu}[\\p{L}'-]{0,40}|\\p{Ll}+)|\\p{Lu}\\.|\\p{Lu}[\\p{Ll}]+)\\s+in\\s+(\\d{1,4}[A-Z]?|[A-Z]\\d{1,3}))(?![\\p{L}\\p{N}])`,
  'gu',
));

const IN_ROOM_CODE = /(?<![\p{L}])in\s+(\d{2,4}[A-JL-Z])(?![\p{L}\p{N}])/gu;

export function recognizeRooms(ctx: PostContext): Candidate[] {
  const text = ctx.text;
  const found: { start: number; end: number; score: Score }[] = [];
  const taken = overlapChecker(ctx.text.length, found);
  for (const m of matches(BED, text)) {
    const start = m.index ?? 0;
    found.push({ start, end: start + m[0].length, score: new Score(0.45, 'bed or bay number') });
  }
  for (const m of matches(ROOM, text)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (!taken(start, end)) found.push({ start, end, score: new Score(0.25, 'room number') });
  }
  for (const m of matches(PERSON_IN_CODE, text)) {
    const code = m[1] ?? m[2] ?? '';
    // "Boston in 2024": a capitalised word before a year is no one in a room.
    if (m[2] !== undefined && !/^(?:mrs?|ms|miss|mx|mister)\b/i.test(m[0]) && /^\d{1,2}$/.test(code) && !/[,()—–-]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2))) continue;
    const start = (m.index ?? 0) + m[0].length - code.length;
    const end = start + code.length;
    if (!taken(start, end)) found.push({ start, end, score: new Score(0.45, 'room code after the person described') });
  }
  // "bev in 412B", "our guy in 12C did the stairs": a ward code (digits and a letter) where someone is, in a
  // sentence about a patient. "in 10K", "in 5G" are races and networks.
  for (const m of matches(IN_ROOM_CODE, text)) {
    const code = m[1] ?? '';
    const start = m.index + m[0].length - code.length;
    const end = start + code.length;
    const tie = ctx.tie(start);
    if (taken(start, end) || !tie || tie.boost < 0.2) continue;
    found.push({ start, end, score: new Score(0.3, 'ward room code where a patient is') });
  }
  const out: Candidate[] = [];
  for (const f of found) {
    const tie = ctx.applyTie(f.score, f.start);
    if (!tie && !f.score.has('bed')) continue;
    const edit = drop(ctx, f.start, f.end);
    const c = toCandidate({
      start: edit.start,
      end: edit.end,
      score: f.score,
      sensitive: 'identifier',
      replacement: '',
      message: "A patient's room or bed number points to one person.",
    });
    if (c) out.push(c);
  }
  return out;
}
