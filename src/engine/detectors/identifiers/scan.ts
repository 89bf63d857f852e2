/**
 * Iterates the matches of a global pattern with exec. String.matchAll copies
 * the pattern on every call, which for the long alternations of the word lists
 * costs more than the match itself.
 */
export function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    yield m;
  }
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
