/**
 * Cheap structure of a post: sentences, clauses and quoted stretches, found
 * with regular expressions so that every review pays for them in microseconds.
 * Context checks (negation, quotation, hedging) ask this for the stretch of
 * text around a match.
 */

export interface Span {
  start: number;
  end: number;
}

// A sentence ends at . ! ? … (and runs of them) followed by space, at a line
// break, or at a bullet. Abbreviations such as "Dr." or "e.g." are not ends.
// A run of marks is tried from its first mark only: tried from each, a draft
// of 40,000 dots read the rest of the run from every one (three seconds).
const SENTENCE_END = /(?<![.!?…])[.!?…]+["')\]]*(?=\s|$)|\n+|\s[•·▪◦](?=\s)/g;
const ABBREVIATION = /\b(?:dr|mr|mrs|ms|mx|st|jr|sr|prof|vs|etc|e\.g|i\.e|approx|no|pt|pts|dept|inc|ltd|co|fig|ave|rd|hwy|mt|ft|u\.s|a\.m|p\.m)\.$/i;
// Clause boundaries inside a sentence: punctuation and coordinating words.
const CLAUSE_BREAK = /[,;:()—–]|\s-\s|\b(?:but|although|though|however|whereas|yet|so|because|instead)\b/gi;
const QUOTED = /"[^"\n]{1,400}"|(?<![\p{L}\p{N}])'[^'\n]{1,200}'(?![\p{L}\p{N}])/gu;

export class Structure {
  readonly sentences: Span[];
  readonly quotes: Span[];
  private clauseCache = new Map<number, Span[]>();

  constructor(readonly text: string) {
    this.sentences = splitSentences(text);
    this.quotes = [];
    if (text.includes('"') || text.includes("'")) {
      for (const m of text.matchAll(QUOTED)) {
        const start = m.index ?? 0;
        this.quotes.push({ start, end: start + m[0].length });
      }
    }
  }

  /** The sentence that holds `pos` (the last one when pos is at the end). */
  sentenceAt(pos: number): Span {
    const list = this.sentences;
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((list[mid]?.start ?? 0) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return list[lo] ?? { start: 0, end: this.text.length };
  }

  /** The clause of the sentence that holds `pos`. */
  clauseAt(pos: number): Span {
    const sentence = this.sentenceAt(pos);
    let clauses = this.clauseCache.get(sentence.start);
    if (!clauses) {
      clauses = splitClauses(this.text, sentence);
      this.clauseCache.set(sentence.start, clauses);
    }
    for (const c of clauses) if (pos >= c.start && pos < c.end) return c;
    return clauses[clauses.length - 1] ?? sentence;
  }

  isQuoted(start: number, end: number): boolean {
    // Quotes are disjoint and in order: only the last one opening at or before `start` can hold the span.
    const list = this.quotes;
    let lo = 0;
    let hi = list.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as Span).start <= start) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const q = list[at];
    return q !== undefined && end <= q.end;
  }
}

function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    if (m[0][0] === '.' && m[0].length === 1 && ABBREVIATION.test(text.slice(Math.max(start, at - 8), at + 1))) continue;
    if (end > start) pushTrimmed(text, spans, start, end);
    start = end;
  }
  if (start < text.length) pushTrimmed(text, spans, start, text.length);
  if (spans.length === 0) spans.push({ start: 0, end: text.length });
  return spans;
}

function pushTrimmed(text: string, spans: Span[], start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  if (e > s) spans.push({ start: s, end: e });
}

function splitClauses(text: string, sentence: Span): Span[] {
  const body = text.slice(sentence.start, sentence.end);
  const spans: Span[] = [];
  let start = 0;
  for (const m of body.matchAll(CLAUSE_BREAK)) {
    const at = m.index ?? 0;
    if (at > start) spans.push({ start: sentence.start + start, end: sentence.start + at });
    start = at + m[0].length;
  }
  spans.push({ start: sentence.start + start, end: sentence.end });
  return spans.filter((s) => s.end > s.start);
}
