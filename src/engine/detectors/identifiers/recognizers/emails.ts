/**
 * (F) E-mail addresses, plain ("kim.r@mail.com") and written to slip past
 * filters ("kim dot r 77 at gmail", "kim[at]mail[dot]com"). The address is a
 * patient identifier when it is the patient's ("you emailed me from ...");
 * the author's or the practice's own address is not (sending patient data to
 * one is a security finding, not this one).
 */
import type { Candidate } from '../../types.js';
import type { PostContext } from '../context.js';
import { drop } from '../generalise.js';
import { scoreOwner } from '../ownership.js';
import { Score, toCandidate } from '../score.js';
import { matches, overlapChecker } from '../scan.js';

const PLAIN = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,4}(?![\p{L}\p{N}-])/gu;
const DOT = '(?:\\s*(?:\\[dot\\]|\\(dot\\)|\\{dot\\})\\s*|\\s+dot\\s+|\\.)';
const AT = '(?:\\s*(?:\\[at\\]|\\(at\\)|\\{at\\}|\\[@\\])\\s*|\\s+at\\s+)';
const WEBMAIL = '(?:gmail|googlemail|yahoo|hotmail|outlook|icloud|aol|protonmail|proton|live|msn|comcast|me|mac|ymail|gmx)';
const TLD = '(?:com|net|org|edu|gov|io|us|co|ca|uk|me|info)';
const OBFUSCATED = new RegExp(
  `(?<![\\p{L}\\p{N}_.-])([\\p{L}\\p{N}_+-]{1,40}(?:${DOT}[\\p{L}\\p{N}_+-]{1,40}){0,4})${AT}(${WEBMAIL}(?:${DOT}${TLD})?|[\\p{L}\\p{N}-]{2,40}${DOT}${TLD})(?![\\p{L}\\p{N}])`,
  'giu',
);
// Without one of these there is no address written out in words.
const OBFUSCATED_HINT = /gmail|yahoo|hotmail|outlook|icloud|aol|proton|msn|comcast|ymail|gmx|\bdot\b|\[at\]|\(at\)|\{at\}|\[@\]|\.(?:com|net|org|edu|gov|io|us|co|ca|uk|me|info)\b/i;
const PRONOUN = /^(?:me|us|you|him|her|them|it|this|that|home|work|night|least|most|all|once|first|last|the|a|an|and|or|dr|doc)$/i;

export function recognizeEmails(ctx: PostContext): Candidate[] {
  const text = ctx.text;
  const spans: { start: number; end: number; obfuscated: boolean }[] = [];
  const taken = overlapChecker(ctx.text.length, spans);
  for (const m of matches(PLAIN, text)) {
    const start = m.index ?? 0;
    spans.push({ start, end: start + m[0].length, obfuscated: false });
  }
  OBFUSCATED.lastIndex = 0;
  for (const m of OBFUSCATED_HINT.test(text) ? matches(OBFUSCATED, text) : []) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const local = m[1] ?? '';
    if (taken(start, end) || m[0].includes('@')) continue;
    const marked = /\[|\(|\{|\sdot\s/i.test(m[0]);
    const handleLike = /[\d._]/.test(local) || marked;
    const webmail = new RegExp(`^${WEBMAIL}`, 'i').test(m[2] ?? '');
    if (PRONOUN.test(local) || !(handleLike && (webmail || marked || /\./.test(m[2] ?? '')))) continue;
    spans.push({ start, end, obfuscated: true });
  }
  const out: Candidate[] = [];
  for (const s of spans) {
    const value = text.slice(s.start, s.end);
    const score = new Score(0.35, s.obfuscated ? 'e-mail address written to slip past filters' : 'e-mail address');
    if (s.obfuscated) score.raise(0.1, 'spelled out to hide it');
    if (!scoreOwner(ctx, score, s.start, value)) continue;
    const edit = drop(ctx, s.start, s.end);
    const c = toCandidate({
      start: edit.start,
      end: edit.end,
      score,
      sensitive: 'identifier',
      replacement: '',
      message: "A patient's e-mail address identifies them.",
    });
    if (c) out.push(c);
  }
  return out;
}
