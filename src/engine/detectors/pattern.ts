/** The `pattern` rule kind: regular expressions from the catalogue. */
import type { Candidate, Detector } from './types.js';

export function patternDetector(patterns: readonly RegExp[]): Detector {
  return (post) => {
    const found: Candidate[] = [];
    for (const re of patterns) {
      re.lastIndex = 0;
      for (const m of post.text.matchAll(re)) {
        if (m[0].length === 0) continue;
        const start = m.index ?? 0;
        found.push({ start, end: start + m[0].length, groups: m.slice(1) });
      }
    }
    return found;
  };
}
