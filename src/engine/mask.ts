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
 * A masker for one review: hides every sensitive excerpt of its findings
 * wherever it appears in a shown string (an excerpt, a suggestion, a
 * rewrite), so an identifier found once is hidden everywhere, including
 * inside longer excerpts of other findings. The table is built once, so
 * masking many strings of a review with hundreds of findings stays cheap.
 */
export function createMasker(findings: readonly Finding[]): (shown: string) => string {
  const table = new Map<string, string>();
  // Parts of names are matched as whole words only ("Al" must not match inside "Alvarez"); whole excerpts anywhere.
  const parts = new Set<string>();
  for (const f of findings) {
    if (f.sensitive === undefined || f.sensitive === 'text') continue;
    // A span may carry the space or bracket around an identifier; the identifier itself is what must go.
    const text = f.text.trim();
    if (text.length === 0 || table.has(text)) continue;
    table.set(text, maskExcerpt(text, f.sensitive));
    // A name found once is hidden wherever its parts appear alone ("Bill Navarro" ... "Bill").
    if (f.sensitive === 'name') {
      for (const part of text.match(/\p{Lu}[\p{L}'’-]{2,}/gu) ?? []) {
        if (TITLE.test(part) || table.has(part)) continue;
        table.set(part, maskExcerpt(part, 'name'));
        parts.add(part);
      }
    }
  }
  if (table.size === 0) return (shown) => shown;
  // Longest first, so "John Smith" is masked whole before "John" could be.
  const secrets = [...table.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(secrets.map((t) => (parts.has(t) ? wholeWord(t) : escape(t))).join('|'), 'gu');
  return (shown) => shown.replace(pattern, (hit) => table.get(hit) ?? hit);
}

const TITLE = /^(?:mr|mrs|ms|mx|dr|miss)\.?$/i;

function escape(secret: string): string {
  return secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A name part as a pattern that matches it as a whole word. */
function wholeWord(secret: string): string {
  const escaped = escape(secret);
  const before = /^[\p{L}\p{N}]/u.test(secret) ? '(?<![\\p{L}\\p{N}])' : '';
  const after = /[\p{L}\p{N}]$/u.test(secret) ? '(?![\\p{L}\\p{N}])' : '';
  return `${before}${escaped}${after}`;
}

export function maskWithin(shown: string, findings: readonly Finding[]): string {
  return createMasker(findings)(shown);
}

/** A copy of the review fit to show to others: every excerpt, suggestion and the rewrite masked. */
export function maskReview(review: Review): Review {
  const mask = createMasker(review.findings);
  const findings = review.findings.map((f) => ({
    ...f,
    text: f.sensitive ? maskExcerpt(f.text, f.sensitive) : mask(f.text),
    suggestion: f.suggestion === null ? null : mask(f.suggestion),
  }));
  return { ...review, findings, rewrite: mask(review.rewrite) };
}
