/**
 * Every regular expression from the catalogue goes through here: it must
 * compile, and it must not be able to backtrack catastrophically, so that no
 * rule file can make a review take seconds.
 */
import safeRegex from 'safe-regex2';

export const REGEX_FLAGS = 'giu';

/** Thrown with the reason; the caller adds the file, rule and field. */
export class UnsafePatternError extends Error {}

/**
 * safe-regex2 rejects nested quantifiers (star height > 1), the shape behind
 * catastrophic backtracking. Its parser does not know lookbehind, so for the
 * check only, lookbehinds are read as plain groups: their star height is the
 * same.
 */
export function isSafePattern(source: string): boolean {
  const checkable = source.replace(/\(\?<[!=]/g, '(?:');
  return safeRegex(checkable, { limit: 1000 });
}

export function compilePattern(source: string, flags: string = REGEX_FLAGS): RegExp {
  let re: RegExp;
  try {
    re = new RegExp(source, flags);
  } catch (err) {
    throw new UnsafePatternError(`not a valid regular expression: ${(err as Error).message}`);
  }
  if (!isSafePattern(source)) {
    throw new UnsafePatternError(`pattern /${source}/ has nested quantifiers and could backtrack catastrophically`);
  }
  return re;
}

const SPECIAL = /[.*+?^${}()|[\]\\/]/g;

/** A literal phrase as a pattern: case and spacing free, hyphen or space interchangeable, whole words only. */
export function phraseSource(phrase: string): string {
  return phrase
    .trim()
    .split(/[\s-]+/)
    .map((word) => word.replace(SPECIAL, '\\$&'))
    .join('[\\s-]+');
}

export const WORD_START = '(?<![\\p{L}\\p{N}_])';
export const WORD_END = '(?![\\p{L}\\p{N}_])';

/** Key under which a phrase's replacement is stored: lower case, single spaces. */
export function phraseKey(text: string): string {
  return text.toLowerCase().replace(/[\s-]+/g, ' ').trim();
}
