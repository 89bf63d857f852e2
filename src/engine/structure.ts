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
// Clause boundaries inside a sentence: punctuation and coordinating words. The folded text holds no em dash (an
// unspaced one is among the Structure's clauseDashes); "--" is how one is typed. A comma or colon inside a number
// ("1,000", "10:30", "2001:0db8") is none, nor are the commas around a number set into a clause ("her cell, 555 310 8890, is
// on the form"): the number belongs to its clause, and the rewrite, which removes it with its commas, must find the same clause.
const CLAUSE_BREAK = /[;()]|,(?!(?<=\d,)\d|\s?[\d(][\d(). -]{5,}\d\s?,)(?<!,\s?[\d(][\d(). -]{5,}\d\s?,)|:(?!(?<=\d:)[a-z0-9:]|(?<=[a-z0-9:]:)\d)|\s-\s|--+|\b(?:but|although|though|however|whereas|yet|so|because|instead)\b/gi;
// An emoji standing where a full stop would, before a capital ("see us tonight 😏 Pt is s/p fusion"), or an ellipsis
// typed against one ("so tired..Pt is"): what follows starts afresh. Without it, the rewrite removing a parenthesis
// between the two ("Pt (DOB …) is") joined their clauses. (Not sentence ends: a sentence the rewrite replaces whole
// would leave its replacement glued to the next one.) Tried from a run's first emoji or dot only, so a draft of
// nothing but emoji or dots is read once.
const FRESH_START =
  /(?<![\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f])\p{Extended_Pictographic}[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f]*(?=\s+\p{Lu})|(?<!\.)\.{2,}(?=\p{Lu})/gu;
const MAY_START_AFRESH = /\p{Extended_Pictographic}|\.\./u;
const QUOTED = /"[^"\n]{1,400}"|(?<![\p{L}\p{N}])'[^'\n]{1,200}'(?![\p{L}\p{N}])/gu;

export class Structure {
  readonly sentences: Span[];
  readonly quotes: Span[];
  private clauseCache = new Map<number, Span[]>();

  /**
   * `clauseDashes`: offsets of the "-" that stand for an em dash in the draft
   * (Normalized.clauseDashes), in order: clause breaks the folded text cannot show.
   */
  constructor(
    readonly text: string,
    readonly clauseDashes: readonly number[] = [],
  ) {
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
      clauses = splitClauses(this.text, sentence, this.clauseDashes);
      this.clauseCache.set(sentence.start, clauses);
    }
    for (const c of clauses) if (pos >= c.start && pos < c.end) return c;
    return clauses[clauses.length - 1] ?? sentence;
  }

  /**
   * The stretch [start, end) grown to a sentence or clause, cut back so that it
   * holds both quotation marks of a quotation or neither, unless the match
   * [matchStart, matchEnd) itself crosses one. Removing or replacing the
   * stretch then leaves every other quotation as it was: taking one mark of a
   * pair would make the words up to the other read as quoted, or no longer
   * quoted, in the rewrite.
   */
  keepQuotesWhole(start: number, end: number, matchStart: number, matchEnd: number): Span {
    const list = this.quotes;
    if (list.length === 0) return { start, end };
    let s = start;
    let e = end;
    // Quotes are disjoint and in order: skip those that end before the stretch.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as Span).end <= start) lo = mid + 1;
      else hi = mid;
    }
    let ms = matchStart;
    let me = matchEnd;
    for (let i = lo; i < list.length; i++) {
      const q = list[i] as Span;
      if (q.start >= end) break;
      // A match that ends on a closing mark (or opens on an opening one) is a sentence taken whole: the mark is not its own.
      if (me === q.end && ms > q.start) me = q.end - 1;
      if (ms === q.start && me < q.end) ms = q.start + 1;
      if (q.start < ms && me < q.end) {
        // The match is quoted: the stretch stays inside the marks.
        s = Math.max(s, q.start + 1);
        e = Math.min(e, q.end - 1);
      } else if (q.start >= me && q.end > end) {
        e = Math.min(e, q.start);
      } else if (q.end <= ms && q.start < start) {
        s = Math.max(s, q.end);
      }
    }
    while (s < ms && /\s/.test(this.text[s] ?? '')) s++;
    while (e > me && /\s/.test(this.text[e - 1] ?? '')) e--;
    return { start: s, end: e };
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

function splitClauses(text: string, sentence: Span, dashes: readonly number[]): Span[] {
  const body = text.slice(sentence.start, sentence.end);
  const breaks: Span[] = [];
  for (const m of body.matchAll(CLAUSE_BREAK)) breaks.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  const afresh = MAY_START_AFRESH.test(body);
  if (afresh) for (const m of body.matchAll(FRESH_START)) breaks.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  if (dashes.length > 0 || afresh) {
    // The dashes are in order: start from the first inside the sentence.
    let lo = 0;
    let hi = dashes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((dashes[mid] as number) < sentence.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < dashes.length && (dashes[i] as number) < sentence.end; i++) {
      const at = (dashes[i] as number) - sentence.start;
      breaks.push({ start: at, end: at + 1 });
    }
    breaks.sort((a, b) => a.start - b.start);
  }
  const spans: Span[] = [];
  let start = 0;
  for (const b of breaks) {
    if (b.start < start) continue;
    if (b.start > start) spans.push({ start: sentence.start + start, end: sentence.start + b.start });
    start = b.end;
  }
  spans.push({ start: sentence.start + start, end: sentence.end });
  return spans.filter((s) => s.end > s.start);
}
