/**
 * V8 compiles a regular expression separately for each of its two string
 * encodings, on the first match against a string of that encoding: one-byte
 * strings (Latin-1 only, as most folded drafts are) and two-byte strings (any
 * draft with an emoji or a character past U+00FF). A process reviewing both
 * kinds thus compiled each of the catalogue's ~1,500 patterns twice, about a
 * quarter of a second of its first hundred reviews. Every review matches
 * against the two-byte form instead, so each pattern compiles once.
 *
 * The content is unchanged; only V8's storage of it differs. Slices,
 * lower-casing and joins of a two-byte string stay two-byte, so the strings
 * derived from the draft inherit the form.
 */
const WIDE = '\u0100';

export function twoByteForm(text: string): string {
  return (WIDE + text).slice(1);
}
