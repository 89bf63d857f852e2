/**
 * Turns suggestions into text. Edits may nest (a name inside a sentence that
 * gets a disclosure appended): the inner edit is applied first and the outer
 * one builds on the result, so no identifier survives inside a larger
 * replacement. Edits that cross each other cannot both apply; the more
 * important one wins.
 */

export interface Edit {
  start: number;
  end: number;
  /** Lower comes first when edits conflict (severity rank, then the longer span). */
  priority: number;
  /** The replacement, given the span's text with nested edits already applied. */
  build(inner: string): string;
  /** Who asked for it (a rule id): two edits of one span from the same source are one edit found twice. */
  source?: string;
  /** The replacement holds the text it is given ("$0 (Disclosure: …)"), rather than standing in for it. */
  keepsInner?: boolean;
}

/**
 * Keeps the edits that can apply together: disjoint or nested. Edits of the
 * same span (a sentence one rule replaces and another appends a disclosure
 * to) compose like nested ones: an edit that keeps what it is given is
 * applied last, to the other's result, so the disclosure follows the
 * replacement rather than vanishing with the sentence; between two that keep
 * it, or two that do not, the more important is applied last.
 */
export function compatibleEdits(edits: readonly Edit[]): Edit[] {
  const byPriority = [...edits].sort(
    (a, b) => a.priority - b.priority || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Edit[] = [];
  for (const e of byPriority) {
    const fits = kept.every((k) => {
      if (e.end <= k.start || e.start >= k.end) return true;
      if (e.start === k.start && e.end === k.end) return e.source === undefined || e.source !== k.source;
      return (e.start >= k.start && e.end <= k.end) || (k.start >= e.start && k.end <= e.end);
    });
    if (fits) kept.push(e);
  }
  return kept;
}

/** Applies compatible edits to text[start, end). */
export function applyEdits(text: string, edits: readonly Edit[], start = 0, end = text.length): string {
  // Stable: of edits with the same span, one that keeps its text stays outermost, then the one kept first (the more important).
  const inRange = edits
    .filter((e) => e.start >= start && e.end <= end)
    .sort((a, b) => a.start - b.start || b.end - a.end || Number(b.keepsInner === true) - Number(a.keepsInner === true));
  let out = '';
  let at = start;
  let i = 0;
  while (i < inRange.length) {
    const e = inRange[i] as Edit;
    // Everything this edit contains is applied inside it.
    let j = i + 1;
    while (j < inRange.length && (inRange[j] as Edit).start < e.end) j++;
    const inner = applyEdits(text, inRange.slice(i + 1, j), e.start, e.end);
    out += text.slice(at, e.start);
    const replacement = e.build(inner);
    at = e.end;
    // A deletion that opened a sentence must not leave the comma that followed what it removed ("@kim, our
    // records show…"), nor the space (a draft that now starts with one); nor may any deletion leave two spaces,
    // or a space before punctuation, behind. The next word takes a capital only if it is a pronoun or a
    // determiner ("Our records show…"): made a capital, a word such as "income" reads as a name, and the rewrite
    // would be flagged for what the draft did not say.
    const upTo = (inRange[j] as Edit | undefined)?.start ?? end;
    const orphan =
      replacement === '' && start === 0 && endsWhereSentenceStarts(out) ? (ORPHAN_PUNCTUATION.exec(text.slice(at, upTo))?.[0] ?? '') : '';
    if (orphan !== '') {
      at += orphan.length;
      const word = FIRST_WORD.exec(text.slice(at, upTo))?.[0];
      if (word !== undefined && SENTENCE_OPENERS.has(word)) {
        out += replacement + word.charAt(0).toUpperCase() + word.slice(1);
        at += word.length;
        i = j;
        continue;
      }
    } else if (replacement === '' && isBlank(out.at(-1)) && /^(?:[ \t.,;:!?]|$)/.test(text.slice(e.end, e.end + 1))) {
      out = out.slice(0, -1);
    }
    out += replacement;
    i = j;
  }
  return out + text.slice(at, end);
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/**
 * Whether text so far ends where a sentence starts: nothing, a line break, or a sentence's end and a space (read
 * from the end, as a regular expression anchored at the end would scan a 40,000-character rewrite from its start).
 */
function endsWhereSentenceStarts(out: string): boolean {
  let i = out.length;
  while (isBlank(out[i - 1])) i--;
  const last = out[i - 1];
  return last === undefined || last === '\n' || (i < out.length && (last === '.' || last === '!' || last === '?'));
}

const ORPHAN_PUNCTUATION = /^[ \t]*(?:[,;:][ \t]*)?/;
const FIRST_WORD = /^\p{Ll}+(?![\p{L}\p{N}_'’-])/u;
/** Words that open a sentence with a capital and can never read as a name. */
const SENTENCE_OPENERS: ReadonlySet<string> = new Set(
  'a an the our my your his her their its this that these those we you they it he she there here'.split(' '),
);

/** Replacement keeps the case shape of what it replaces ("Slipped disc" → "Disc herniation"). */
export function matchCase(original: string, replacement: string): string {
  if (replacement.length === 0) return replacement;
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    return replacement.toUpperCase();
  }
  const first = original.match(/\p{L}/u)?.[0];
  const replFirst = replacement[0] ?? '';
  if (first && first === first.toUpperCase() && first !== first.toLowerCase() && replFirst === replFirst.toLowerCase()) {
    return replFirst.toUpperCase() + replacement.slice(1);
  }
  return replacement;
}
