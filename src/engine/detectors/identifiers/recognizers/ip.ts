/**
 * (O) IP addresses. A patient's IP address is an identifier; an internal
 * host in a post about an outage is a security matter, not a patient's, so an
 * address flags as a patient identifier only when the text ties it to one.
 */
import type { Candidate } from '../../types.js';
import type { PostContext } from '../context.js';
import { drop } from '../generalise.js';
import { Score, toCandidate } from '../score.js';
import { matches } from '../scan.js';
import { tuned } from '../../../catalog/tune.js';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = tuned(new RegExp(`(?<![\\p{L}\\p{N}.])${OCTET}(?:\\.${OCTET}){3}(?![\\p{N}]|\\.\\d)`, 'gu'));
const IPV6 = /(?<![\p{L}\p{N}:])(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?![\p{L}\p{N}:])|(?<![\p{L}\p{N}:])(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,5})?(?![\p{L}\p{N}:])/giu;
const VERSION = /\b(?:v|ver|version|release|build|firmware|update)\.?\s*$/i;
const PATIENT_IP = /\b(?:his|her|their|pt'?s|patient'?s|your)\s+(?:IP|ip address|IP address)|\b(?:logged in|posted|commented|wrote|messaged|reviewed)\s+from\b/i;

export function recognizeIp(ctx: PostContext): Candidate[] {
  const out: Candidate[] = [];
  if (!/\d\.\d+\.\d+\.\d|[0-9a-f]:[0-9a-f]*:/i.test(ctx.text)) return out;
  for (const re of [IPV4, IPV6]) {
    re.lastIndex = 0;
    for (const m of matches(re, ctx.text)) {
      const start = m.index ?? 0;
      if (VERSION.test(ctx.before(start, 12))) continue;
      if (re === IPV6 && !/:.*:/.test(m[0])) continue;
      const score = new Score(0.3, 'IP address');
      if (/\bIP\b/i.test(ctx.before(start, 20))) score.raise(0.05, 'labelled as an IP address');
      if (PATIENT_IP.test(ctx.text.slice(Math.max(0, start - 40), start))) score.raise(0.35, "the patient's address");
      const tie = ctx.applyTie(score, start);
      if (!tie) score.lower(0.1, 'no patient in this post');
      const edit = drop(ctx, start, start + m[0].length);
      const c = toCandidate({ start: edit.start, end: edit.end, score, sensitive: 'number', replacement: '', message: "A patient's IP address identifies them." });
      if (c) out.push(c);
    }
  }
  return out;
}
