/**
 * Every regular expression from the catalogue goes through here: it must
 * compile, and it must not be able to backtrack catastrophically, so that no
 * rule file can make a review take seconds.
 */
import safeRegex from 'safe-regex2';
import { findAmbiguousRepeat, leadingRun, MAX_LEADING_RUN, nestedRepeats } from './backtrack.js';
import { factsOf } from './pattern-facts.js';
import { tuned } from './tune.js';

export const REGEX_FLAGS = 'giu';

/** Thrown with the reason; the caller adds the file, rule and field. */
export class UnsafePatternError extends Error {}

/**
 * Why a pattern could backtrack catastrophically, or undefined when it cannot.
 * Two shapes: nested repeats (`(a+)+$`, `(?:\w+){1,5}x`), judged by
 * safe-regex2 and, where it refuses only because it counts optional groups and
 * small bounded repeats as repeats (`(?:your\s+)?`, `(?:\d{1,2}[/-]){2}`),
 * by our own reading (backtrack.ts); and a repeated choice whose
 * alternatives overlap (`(x|x)*y`, `(a|aa)+$`), which safe-regex2 does not see.
 * safe-regex2's parser does not know lookbehind, so for its check only,
 * lookbehinds are read as plain groups: their star height is the same.
 */
export function backtrackProblem(source: string, flags: string = REGEX_FLAGS): string | undefined {
  const facts = factsOf(source, flags);
  if (facts.problem === undefined) facts.problem = findBacktrackProblem(source, flags) ?? null;
  return facts.problem ?? undefined;
}

function findBacktrackProblem(source: string, flags: string): string | undefined {
  // Our reading refuses a subset of what safe-regex2 refuses, so it goes first
  // (it is also the cheaper) and safe-regex2 confirms the few it refuses.
  if (nestedRepeats(source, flags) !== false && !safeRegex(source.replace(/\(\?<[!=]/g, '(?:'), { limit: 1000 })) {
    return 'has nested quantifiers and could backtrack catastrophically';
  }
  const ambiguous = findAmbiguousRepeat(source, flags);
  if (ambiguous !== undefined) {
    return `repeats a choice whose alternatives overlap (${ambiguous}) and could backtrack catastrophically; make the alternatives start differently`;
  }
  const run = leadingRun(source, flags);
  if (run !== undefined) {
    return `opens with ${run}, so scanning a long draft takes time that grows with its square; give the repeat an upper bound of at most ${MAX_LEADING_RUN} (e.g. {1,${MAX_LEADING_RUN}})`;
  }
  return undefined;
}

export function isSafePattern(source: string, flags: string = REGEX_FLAGS): boolean {
  return backtrackProblem(source, flags) === undefined;
}

export function compilePattern(source: string, flags: string = REGEX_FLAGS): RegExp {
  const facts = factsOf(source, flags);
  // A pattern known to compile and to be safe: only its final form is built. V8 parses every pattern it
  // constructs, and building the written, the u-less and the tuned forms of each cost a process ~20 ms at start.
  if (facts.problem === null && facts.compiled !== undefined) return new RegExp(facts.compiled.source, facts.compiled.flags);
  const compiled = compileChecked(source, flags);
  facts.compiled = { source: compiled.source, flags: compiled.flags };
  return compiled;
}

function compileChecked(source: string, flags: string): RegExp {
  let re: RegExp;
  try {
    re = new RegExp(source, flags);
  } catch (err) {
    throw new UnsafePatternError(`not a valid regular expression: ${(err as Error).message}`);
  }
  const problem = backtrackProblem(source, flags);
  if (problem !== undefined) throw new UnsafePatternError(`pattern /${source}/ ${problem}`);
  return tuned(withoutUnicodeFlag(re));
}

// Unicode-only syntax, and any character outside ASCII: such patterns keep the u flag.
const NEEDS_UNICODE = /[^\x00-\x7f]|\\[pPu]/;

/**
 * The same expression without the u flag, when that cannot change what it
 * matches in a normalised draft. V8 runs a case-insensitive pattern two to
 * three times slower with the u flag (\b, \w and every letter go through
 * Unicode case folding), and the catalogue's patterns are almost all plain
 * ASCII. For those the flag only matters for ſ and the Kelvin sign (which
 * fold to s and k under it) and for astral characters (which `.` and negated
 * classes then count as two units): normalize.ts has already turned the first
 * two into s and K, and detectors that iterate matches keep spans off the
 * middle of a surrogate pair (pattern.ts). Bounded gaps such as
 * `[^.!?\n]{0,80}` thus reach a few characters less past emoji, nothing more.
 */
export function withoutUnicodeFlag(re: RegExp): RegExp {
  if (!re.flags.includes('u') || !re.flags.includes('i') || NEEDS_UNICODE.test(re.source)) return re;
  try {
    return new RegExp(re.source, re.flags.replace('u', ''));
  } catch {
    return re;
  }
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

/** A character of a word, in any script. */
export const WORD_CHAR = '[\\p{L}\\p{N}_]';
export const WORD_START = `(?<!${WORD_CHAR})`;
export const WORD_END = `(?!${WORD_CHAR})`;

/** Key under which a phrase's replacement is stored: lower case, single spaces. */
export function phraseKey(text: string): string {
  return text.toLowerCase().replace(/[\s-]+/g, ' ').trim();
}
