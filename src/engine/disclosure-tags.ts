/**
 * A suggestion that replaces a whole sentence (a phishing notice, a request
 * for a password, advice to one patient) must not take the author's
 * disclosure with it. "#ad" typed inside or against that sentence is what
 * keeps the rest of the post honest (FTC 16 CFR 255.5): a rewrite without it
 * would be flagged for an undisclosed connection, and would mislead. The tags
 * kept are the catalogue's own: the terms of lists/disclosures.yml written as
 * a hashtag ("#ad", "#gifted") or in brackets ("(ad)", "[ad]"). Disclosures
 * in words ("I consult for …") are sentences of their own and no suggestion
 * replaces them.
 */
import type { ListFile } from './catalog/schema.js';

const TAG_SHAPE = /^(?:#[\p{L}\p{N}_]+|\(\p{L}+\)|\[\p{L}+\])$/u;
const SPECIAL = /[.*+?^${}()|[\]\\/]/g;

/** What finds the disclosure tags of the catalogue in a text, or undefined when it lists none. */
export function disclosureTagPattern(list: ListFile | undefined): RegExp | undefined {
  const tags = (list?.terms ?? []).map((t) => (typeof t === 'string' ? t : t.term).trim()).filter((t) => TAG_SHAPE.test(t));
  if (tags.length === 0) return undefined;
  const choices = tags.sort((a, b) => b.length - a.length).map((t) => t.replace(SPECIAL, '\\$&'));
  // Whole tags only: "#ad" is not the start of "#adhd", nor the end of "#bad".
  return new RegExp(`(?<![\\p{L}\\p{N}_#])(?:${choices.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
}

/** The disclosure tags in `text`, in order, one space between them ('' when there are none). */
export function disclosureTagsIn(text: string, pattern: RegExp | undefined): string {
  if (pattern === undefined || !/[#([]/.test(text)) return '';
  return [...text.matchAll(pattern)].map((m) => m[0]).join(' ');
}

/** A replacement for `removed` that keeps its disclosure tags, unless it already has them or keeps the text. */
export function keepingDisclosures(replacement: string, removed: string, pattern: RegExp | undefined): string {
  const tags = disclosureTagsIn(removed, pattern);
  if (tags === '' || disclosureTagsIn(replacement, pattern) !== '') return replacement;
  return replacement === '' ? tags : `${replacement} ${tags}`;
}
