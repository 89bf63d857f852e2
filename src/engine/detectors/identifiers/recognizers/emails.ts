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
import { tuned } from '../../../catalog/tune.js';

// Addresses are found from their "@" (or spelled-out "at") outwards: a pattern that starts with the
// local part is tried at every character of the draft and reads up to 64 characters each time.
const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const DOMAIN = /[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,4}(?![\p{L}\p{N}-])/uy;
const DOT = '(?:\\s*(?:\\[dot\\]|\\(dot\\)|\\{dot\\})\\s*|\\s+dot\\s+|\\.)';
const AT = '(?:\\s*(?:\\[at\\]|\\(at\\)|\\{at\\}|\\[@\\])\\s*|\\s+at\\s+)';
const WEBMAIL = '(?:gmail|googlemail|yahoo|hotmail|outlook|icloud|aol|protonmail|proton|live|msn|comcast|me|mac|ymail|gmx)';
const TLD = '(?:com|net|org|edu|gov|io|us|co|ca|uk|me|info)';
// "at gmail", "(at) mail dot com": the spelled-out domain, found first.
const OBFUSCATED_DOMAIN = tuned(new RegExp(`${AT}(${WEBMAIL}(?:${DOT}${TLD})?|[\\p{L}\\p{N}-]{2,40}${DOT}${TLD})(?![\\p{L}\\p{N}])`, 'giu'));
// The local part that ends right before it: "kim dot r 77", "dana_w".
const OBFUSCATED_LOCAL = tuned(new RegExp(`(?<![\\p{L}\\p{N}_.-])([\\p{L}\\p{N}_+-]{1,40}(?:${DOT}[\\p{L}\\p{N}_+-]{1,40}){0,4})$`, 'iu'));
const WEBMAIL_START = new RegExp(`^${WEBMAIL}`, 'i');
// Without one of these there is no address written out in words.
const OBFUSCATED_HINT = /gmail|yahoo|hotmail|outlook|icloud|aol|proton|msn|comcast|ymail|gmx|\bdot\b|\[at\]|\(at\)|\{at\}|\[@\]|\.(?:com|net|org|edu|gov|io|us|co|ca|uk|me|info)\b/i;
const PRONOUN = /^(?:me|us|you|him|her|them|it|this|that|home|work|night|least|most|all|once|first|last|the|a|an|and|or|dr|doc)$/i;

export function recognizeEmails(ctx: PostContext): Candidate[] {
  const text = ctx.text;
  const spans: { start: number; end: number; obfuscated: boolean }[] = [];
  const taken = overlapChecker(ctx.text.length, spans);
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && LOCAL_CHAR.test(text[start - 1] as string)) start--;
    if (start === at || (start > 0 && LOCAL_CHAR.test(text[start - 1] as string))) continue;
    DOMAIN.lastIndex = at + 1;
    const domain = DOMAIN.exec(text);
    if (domain) spans.push({ start, end: at + 1 + domain[0].length, obfuscated: false });
  }
  for (const m of OBFUSCATED_HINT.test(text) ? matches(OBFUSCATED_DOMAIN, text) : []) {
    const local = OBFUSCATED_LOCAL.exec(text.slice(Math.max(0, m.index - 250), m.index))?.[1] ?? '';
    const start = m.index - local.length;
    const end = m.index + m[0].length;
    if (local.length === 0 || taken(start, end) || text.slice(start, end).includes('@')) continue;
    const marked = /\[|\(|\{|\sdot\s/i.test(text.slice(start, end));
    const handleLike = /[\d._]/.test(local) || marked;
    const webmail = WEBMAIL_START.test(m[1] ?? '');
    if (PRONOUN.test(local) || !(handleLike && (webmail || marked || /\./.test(m[1] ?? '')))) continue;
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
