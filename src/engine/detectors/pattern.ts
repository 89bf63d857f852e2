/** The `pattern` rule kind: regular expressions from the catalogue. */
import { matchStarts, needsOf, textMayHold, type Needs } from '../catalog/anchors.js';
import type { Candidate, Detector } from './types.js';

/**
 * Calls `each` for every non-empty match of a global regular expression, in
 * order. An exec loop on the compiled expression itself: String#matchAll
 * clones the expression on every call, which for a few hundred patterns per
 * review costs about a tenth of their matching time.
 */
export function forEachMatch(re: RegExp, text: string, each: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  try {
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) {
        // Step over the empty match by a whole character, as matchAll does with the u flag.
        re.lastIndex = m.index + ((text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
        continue;
      }
      each(m);
    }
  } finally {
    re.lastIndex = 0;
  }
}

/**
 * The matches of a global pattern that do not follow a character of
 * `notAfter` (a class anchored at the end, as `/[\p{L}]$/u`), or all of them
 * when it is null. A leading lookbehind keeps V8 from skipping ahead to where
 * a match can start, so callers run the pattern without it and pass its class
 * here; a match turned down is retried one character later, so the matches are
 * exactly those the lookbehind allows.
 */
export function* matchesNotAfter(re: RegExp, text: string, notAfter: RegExp | null): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  try {
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (notAfter !== null && m.index > 0 && notAfter.test(text.slice(Math.max(0, m.index - 2), m.index))) {
        // Past the whole first character: an index inside a surrogate pair would find the same match again.
        re.lastIndex = m.index + ((text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
        continue;
      }
      if (m[0].length === 0) re.lastIndex++;
      yield m;
    }
  } finally {
    re.lastIndex = 0;
  }
}

const stickies = new WeakMap<RegExp, RegExp>();

/** The same pattern, matching only where it is asked to (the y flag). */
function stickyOf(re: RegExp): RegExp {
  let sticky = stickies.get(re);
  if (sticky === undefined) {
    sticky = new RegExp(re.source, `${re.flags.replace(/[gy]/g, '')}y`);
    stickies.set(re, sticky);
  }
  return sticky;
}

/**
 * The matches of a global pattern, tried only at the given places (in order):
 * the same matches as a scan of the whole text when no match can start
 * anywhere else. Empty matches are yielded too, as matchesNotAfter does.
 */
export function* matchesAt(re: RegExp, text: string, places: readonly number[]): Generator<RegExpExecArray> {
  const sticky = stickyOf(re);
  let from = 0;
  for (const place of places) {
    if (place < from) continue;
    sticky.lastIndex = place;
    const m = sticky.exec(text);
    if (m === null) continue;
    from = place + Math.max(1, m[0].length);
    yield m;
  }
  sticky.lastIndex = 0;
}

export function patternDetector(patterns: readonly RegExp[]): Detector {
  const needs = patterns.map(needsOf);
  return (post) => {
    const found: Candidate[] = [];
    const text = post.text;
    for (let i = 0; i < patterns.length; i++) {
      // A pattern that needs a word the post does not have cannot match: skipped unread.
      if (!textMayHold(needs[i] as Needs, text)) continue;
      const re = patterns[i] as RegExp;
      // Without the u flag (see catalog/regex.ts) a match may begin or end inside an emoji's surrogate pair.
      const units = !re.unicode;
      const places = matchStarts(needs[i] as Needs, text);
      const each = (m: RegExpExecArray) => {
        let start = m.index;
        let end = start + m[0].length;
        if (units) {
          if (isLowSurrogate(text, start) && isHighSurrogate(text, start - 1)) start--;
          if (isLowSurrogate(text, end) && isHighSurrogate(text, end - 1)) end++;
        }
        found.push({ start, end, groups: m.slice(1) });
      };
      if (places === undefined) forEachMatch(re, text, each);
      else for (const m of matchesAt(re, text, places)) if (m[0].length > 0) each(m);
    }
    return found;
  };
}

function isHighSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}
