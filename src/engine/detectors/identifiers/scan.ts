import { matchStarts, needsOf, textMayHold, type Needs } from '../../catalog/anchors.js';
import { matchesAt, matchesNotAfter } from '../pattern.js';

/**
 * Iterates the matches of a global pattern with exec. String.matchAll copies
 * the pattern on every call, which for the long alternations of the word lists
 * costs more than the match itself.
 *
 * A pattern that opens with a one-character lookbehind ("(?<![\p{L}])The…")
 * keeps V8 from skipping ahead to the characters a match can start with, and
 * runs several times slower than the same pattern without it. Such patterns
 * are run without the lookbehind, which matchesNotAfter (pattern.ts) checks
 * on the character before each match instead.
 */
export function matches(re: RegExp, text: string): Iterable<RegExpExecArray> {
  const split = splitOf(re);
  // A pattern that needs a word or letters the text does not have cannot match: skipped unread.
  if (!textMayHold(split.needs, text)) return NONE;
  const places = matchStarts(split.needs, text);
  return places !== undefined ? matchesAt(re, text, places) : matchesNotAfter(split.fast ?? re, text, split.before);
}

const NONE: readonly RegExpExecArray[] = [];

interface Split {
  needs: Needs;
  /** The pattern without its leading lookbehind, if it has one. */
  fast: RegExp | null;
  /** The lookbehind's character class, anchored to the end of the text before a match. */
  before: RegExp | null;
}

const LEADING = /^\(\?<!(\[(?:\\.|[^\]\\])+\]|\\p\{[\w=]+\})\)/u;
const splits = new WeakMap<RegExp, Split>();

function splitOf(re: RegExp): Split {
  let split = splits.get(re);
  if (split === undefined) {
    const m = LEADING.exec(re.source);
    const rest = m ? re.source.slice(m[0].length) : '';
    const needs = needsOf(re);
    // "(?<!x)a|b" guards only its first branch: left as it is.
    split =
      m && !topLevelAlternation(rest)
        ? { needs, fast: new RegExp(rest, re.flags), before: new RegExp(`${m[1] ?? ''}$`, re.flags.replace(/[gy]/g, '')) }
        : { needs, fast: null, before: null };
    splits.set(re, split);
  }
  return split;
}

function topLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/**
 * "Does [start, end) overlap any span found so far?" in time proportional to
 * the span, not to the number of spans: a marker array is brought up to date
 * with the spans added to `spans` since the last question. A post of 40,000
 * characters can hold thousands of candidates.
 */
export function overlapChecker(length: number, spans: readonly { start: number; end: number }[]): (start: number, end: number) => boolean {
  const marks = new Uint8Array(length + 1);
  let marked = 0;
  return (start, end) => {
    for (; marked < spans.length; marked++) {
      const s = spans[marked] as { start: number; end: number };
      marks.fill(1, Math.max(0, s.start), Math.min(length, s.end));
    }
    for (let i = Math.max(0, start); i < end && i < length; i++) if (marks[i] === 1) return true;
    return false;
  };
}
