/**
 * The one masking function for everything shown outside the author's own
 * terminal (every Slack reply): a detected identifier or secret is never
 * echoed. Names keep their first letter ("J*** S****") so the author can tell
 * which one is meant; numbers, secrets and other identifiers keep nothing.
 */
import type { ExcerptKind, Finding, Review } from './types.js';

const MASK = '*';

/** Masks one excerpt according to what it is. */
export function maskExcerpt(text: string, kind: ExcerptKind = 'identifier'): string {
  switch (kind) {
    case 'text':
      return text;
    case 'name':
      return text.replace(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu, (word) => {
        const chars = Array.from(word);
        const first = chars[0] ?? '';
        // Titles stay readable: "Mr. A*****" says who is meant without saying who.
        if (/^(?:mr|mrs|ms|mx|dr|miss)\.?$/i.test(word)) return word;
        return first + MASK.repeat(Math.max(1, chars.length - 1));
      });
    case 'number':
    case 'secret':
    case 'identifier':
      return text.replace(/[\p{L}\p{N}]/gu, MASK);
  }
}

/**
 * Masks every sensitive excerpt of a review wherever it appears in `shown`
 * (an excerpt, a suggestion, a rewrite): an identifier found once is hidden
 * everywhere, including inside longer excerpts of other findings.
 */
export function maskWithin(shown: string, findings: readonly Finding[]): string {
  const secrets = findings
    .filter((f): f is Finding & { sensitive: ExcerptKind } => f.sensitive !== undefined && f.sensitive !== 'text')
    .map((f) => ({ text: f.text, masked: maskExcerpt(f.text, f.sensitive) }))
    .filter((s) => s.text.trim().length > 0)
    .sort((a, b) => b.text.length - a.text.length);
  let out = shown;
  for (const s of secrets) out = out.split(s.text).join(s.masked);
  return out;
}

/** A copy of the review fit to show to others: every excerpt, suggestion and the rewrite masked. */
export function maskReview(review: Review): Review {
  const findings = review.findings.map((f) => ({
    ...f,
    text: f.sensitive ? maskExcerpt(f.text, f.sensitive) : maskWithin(f.text, review.findings),
    suggestion: f.suggestion === null ? null : maskWithin(f.suggestion, review.findings),
  }));
  return { ...review, findings, rewrite: maskWithin(review.rewrite, review.findings) };
}
