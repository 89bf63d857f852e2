/** The `pattern` rule kind: regular expressions from the catalogue. */
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

export function patternDetector(patterns: readonly RegExp[]): Detector {
  return (post) => {
    const found: Candidate[] = [];
    const text = post.text;
    for (const re of patterns) {
      // Without the u flag (see catalog/regex.ts) a match may begin or end inside an emoji's surrogate pair.
      const units = !re.unicode;
      forEachMatch(re, text, (m) => {
        let start = m.index;
        let end = start + m[0].length;
        if (units) {
          if (isLowSurrogate(text, start) && isHighSurrogate(text, start - 1)) start--;
          if (isLowSurrogate(text, end) && isHighSurrogate(text, end - 1)) end++;
        }
        found.push({ start, end, groups: m.slice(1) });
      });
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
