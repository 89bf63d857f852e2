/**
 * What a post says about people, worked out once per review and shared by
 * every identifier recognizer: which sentences speak of one particular
 * person receiving care (patient cues), which of colleagues and events,
 * whom the post addresses, and whether it states the patient's consent.
 * A name, place, date or number is a patient identifier when the text ties
 * it to someone receiving care; this is where that tie is measured.
 */
import { negationScope } from '../../context.js';
import { createParser, type Parse } from '../../nlp.js';
import { Structure, type Span } from '../../structure.js';
import type { Candidate, Post } from '../types.js';
import type { Lexicon } from './lexicon.js';
import { findAddresses } from './addresses.js';
import { joinInitials, scanFacts } from './cues.js';
import { patternsFor, type Patterns } from './patterns.js';
import type { Score } from './score.js';
import { spacingView, type View } from './view.js';

/** Stretches compromise may parse per review (see tagsOf). */
const NLP_BUDGET = 2;
/** Characters read on each side of a span for its tags. */
const WINDOW = 60;

export interface Cue {
  start: number;
  end: number;
  weight: number;
  /** Safe to show: names the kind of cue, never an identifier. */
  label: string;
}

export interface SentenceFacts {
  index: number;
  span: Span;
  /** Cues that the sentence speaks of one particular person receiving care. */
  patientCues: Cue[];
  /** he, she, "the guy", "grandma": one person is spoken of. */
  personRef: boolean;
  /** welcome, congrats, symposium, et al.: the professional world. */
  notPatient: Cue[];
  /** "your fusion", "treating you". */
  secondPersonCare: Cue[];
  /** The only patient cue is a weak one (a care word and "she" in one sentence). */
  weak?: boolean;
}

export interface Address {
  start: number;
  end: number;
  /** How the person is addressed: after a greeting, at the start of a sentence, or at the end. */
  form: 'greeting' | 'opening' | 'closing';
  greeting?: string;
}

export interface NlpTerm {
  start: number;
  end: number;
  text: string;
  tags: ReadonlySet<string>;
}

export interface TieOptions {
  /** Count weak cues too (names only). */
  weak?: boolean;
  /** The span is a person's name, so it is a person spoken of in its sentence. */
  person?: boolean;
  /** The span itself, which is no cue for itself. */
  own?: readonly [number, number];
}

export interface Tie {
  boost: number;
  evidence: string;
}

export class PostContext {
  readonly view: View;
  readonly text: string;
  readonly structure: Structure;
  readonly sentences: SentenceFacts[];
  /** Strength of the strongest patient cue anywhere in the post (0: none). */
  focus: number;
  readonly consent: boolean;
  readonly addresses: Address[];
  /** Name words seen with a title, credential or colleague role ("dr", "okafor"). */
  readonly colleagueNames = new Set<string>();
  readonly patterns: Patterns;
  private readonly memo = new Map<string, Candidate[]>();
  private readonly termsCache = new Map<string, NlpTerm[]>();
  private readonly sentenceTests = new Map<RegExp, Map<number, boolean>>();
  private parses = 0;
  private namesCounted = false;
  private readonly parse: Parse;
  private runner: ((name: string) => Candidate[]) | undefined;

  constructor(
    post: Post,
    readonly lex: Lexicon,
  ) {
    this.view = spacingView(post.text);
    const dashes = this.view.identity ? post.structure.clauseDashes : viewDashes(this.view, post.structure.clauseDashes);
    this.text = withEmDashes(this.view.text, dashes);
    this.structure = this.view.identity ? post.structure : new Structure(this.text, dashes);
    this.parse = this.view.identity ? post.parse : createParser(this.text);
    this.patterns = patternsFor(lex);
    this.sentences = joinInitials(this.text, this.structure.sentences).map((span, index) => ({
      index,
      span,
      patientCues: [],
      personRef: false,
      notPatient: [],
      secondPersonCare: [],
    }));
    scanFacts(this.text, (pos) => this.facts(pos), lex, this.patterns);
    // A weak cue ties its own sentence only; it does not make the whole post about a patient.
    this.focus = Math.max(0, ...this.sentences.flatMap((s) => s.patientCues.filter((c) => c.weight > 0.2).map((c) => c.weight)));
    this.consent = /permission|consent/i.test(this.text) && lex.test['patient-consent-cues'].test(this.text);
    this.addresses = findAddresses(this.text, this.sentences, (pos) => this.facts(pos), this.patterns);
  }

  /**
   * Names taken for patients' are patient cues for the other recognizers, as
   * strong as the words the rewrite puts in their place ("our brave Evelyn" →
   * "our brave patient", "Evelyn" → "a patient"): a date or an age beside the
   * name is as much the patient's as one beside those words, and read only in
   * the rewrite it would be left there. Asked before any other recognizer
   * runs; the names recognizer itself reads the cues without them.
   */
  countNamedPatients(): void {
    if (this.namesCounted) return;
    this.namesCounted = true;
    for (const c of this.found('names')) {
      if (!c.replacement?.includes('patient')) continue;
      // "patient" alone follows a determiner the name had: "my ... patient" (patterns.ts); otherwise "the patient" (cues.ts).
      const weight = c.replacement === 'patient' ? 0.35 : 0.25;
      this.facts(c.start).patientCues.push({ start: c.start, end: c.end, weight, label: "patient cue: a patient's name" });
      this.focus = Math.max(this.focus, weight);
    }
  }

  /** Lets recognizers ask for each other's results (set by index.ts). */
  setRunner(runner: (name: string) => Candidate[]): void {
    this.runner = runner;
  }

  /** Another recognizer's candidates for this post (in view offsets). */
  found(name: string): Candidate[] {
    return this.runner ? this.runner(name) : [];
  }

  /** Runs a recognizer once per post; other recognizers may ask for its results. */
  results(name: string, run: () => Candidate[]): Candidate[] {
    let found = this.memo.get(name);
    if (!found) {
      found = run();
      this.memo.set(name, found);
    }
    return found;
  }

  facts(pos: number): SentenceFacts {
    const list = this.sentences;
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((list[mid]?.span.start ?? 0) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return list[lo] as SentenceFacts;
  }

  sentenceText(f: SentenceFacts): string {
    return this.text.slice(f.span.start, f.span.end);
  }

  /**
   * Whether a sentence matches a (non-global) pattern, asked once per sentence and
   * pattern: recognizers ask it for every candidate, and a draft with no full
   * stops is one sentence of 40,000 characters.
   */
  sentenceHas(f: SentenceFacts, re: RegExp): boolean {
    let bySentence = this.sentenceTests.get(re);
    if (!bySentence) {
      bySentence = new Map();
      this.sentenceTests.set(re, bySentence);
    }
    let has = bySentence.get(f.index);
    if (has === undefined) {
      has = re.test(this.sentenceText(f));
      bySentence.set(f.index, has);
    }
    return has;
  }

  before(pos: number, chars = 40): string {
    return this.text.slice(Math.max(0, pos - chars), pos);
  }

  after(pos: number, chars = 40): string {
    return this.text.slice(pos, pos + chars);
  }

  /**
   * How strongly the text ties the span at `pos` to one person receiving
   * care: a patient cue in its sentence, one next door about the same person,
   * or a post about a patient that speaks of one person here.
   */
  tie(pos: number, options: TieOptions = {}): Tie | undefined {
    const { weak = false, person = false, own } = options;
    const f = this.facts(pos);
    // A weak cue (a care word and "she") is enough to take a name for a patient's, not a date or a place;
    // and a detail is no cue for itself ("a 97-year-old" is both an age and a case cue).
    const cues = f.patientCues.filter((c) => (weak || c.weight > 0.2) && !(own && c.start < own[1] && c.end > own[0]));
    const strongest = [...cues].sort((a, b) => b.weight - a.weight)[0];
    if (strongest) return { boost: strongest.weight, evidence: strongest.label };
    if (f.secondPersonCare.length > 0 && this.addresses.length > 0) {
      return { boost: 0.3, evidence: 'addressed person told about their care' };
    }
    const colleagueTalk = f.notPatient.length > 0;
    const near = [this.sentences[f.index - 1], this.sentences[f.index + 1]].some(
      (s) => s !== undefined && s.patientCues.some((c) => c.weight > 0.2),
    );
    // A name is itself a person spoken of: "... to Evelyn Ross! Three months after her kyphoplasty ...".
    if (near && (f.personRef || person) && !colleagueTalk) {
      return { boost: 0.25, evidence: 'the patient of the next sentence is spoken of here' };
    }
    if (this.focus > 0 && f.personRef && !colleagueTalk) {
      return { boost: 0.15, evidence: 'one person is spoken of in a post about a patient' };
    }
    if (this.focus > 0) return { boost: 0.05, evidence: 'post about a patient' };
    return undefined;
  }

  /** Applies the tie (or its absence) to a score. */
  applyTie(score: Score, pos: number, options: TieOptions = {}): Tie | undefined {
    const t = this.tie(pos, options);
    if (t) score.raise(t.boost, t.evidence);
    return t;
  }

  /** Lowers a score for professional context in the span's clause (welcome, symposium, et al.). */
  applyNotPatient(score: Score, start: number, end: number, weight = 0.2): void {
    const clause = this.structure.clauseAt(start);
    const f = this.facts(start);
    const near = f.notPatient.filter((c) => c.end > clause.start - 30 && c.start < Math.max(clause.end, end) + 30);
    const first = near[0];
    if (first) score.lower(Math.min(0.35, weight * near.length), `not-patient cue: ${first.label}`);
  }

  /**
   * compromise's tags for the words of [start, end), from a parse of the words
   * around them (the clause, at most a few words each side): its tagger looks
   * at neighbours, not at the whole sentence, and a parse costs in proportion
   * to what it reads. A review parses at most NLP_BUDGET stretches; past that
   * the tags are empty and recognizers fall back on their cheap checks (the
   * dictionary, word endings), so a long draft of many posts costs no more
   * parsing than a short one.
   */
  tagsOf(start: number, end: number): Set<string> {
    const tags = new Set<string>();
    const sentence = this.facts(start).span;
    const clause = this.structure.clauseAt(start);
    let from = Math.max(sentence.start, clause.start, start - WINDOW);
    let to = Math.min(sentence.end, Math.max(clause.end, end), end + WINDOW);
    // Whole words only.
    if (from > sentence.start && from > clause.start) from = Math.min(start, this.text.indexOf(' ', from) + 1 || start);
    if (to < sentence.end && to > end) to = Math.max(end, this.text.lastIndexOf(' ', to));
    const key = `${from}:${to}`;
    let terms = this.termsCache.get(key);
    if (!terms) {
      if (this.parses >= NLP_BUDGET) return tags;
      this.parses++;
      terms = [];
      let pos = from;
      for (const t of this.parse(from, to).termList()) {
        pos += t.pre.length;
        terms.push({ start: pos, end: pos + t.text.length, text: t.text, tags: t.tags ?? new Set() });
        pos += t.text.length + t.post.length;
      }
      this.termsCache.set(key, terms);
    }
    for (const t of terms) {
      if (t.end > start && t.start < end) for (const tag of t.tags) tags.add(tag);
    }
    return tags;
  }

  /** Maps a candidate found in the view back to the post's text. */
  toPost(c: Candidate): Candidate {
    if (this.view.identity) return c;
    const [start, end] = this.view.toPost(c.start, c.end);
    return { ...c, start, end };
  }

  isNegated(pos: number): boolean {
    const clause = this.structure.clauseAt(pos);
    // A negation far back in a long clause no longer scopes over this word (and reading it all is quadratic).
    const before = this.text.slice(Math.max(clause.start, pos - 160), pos);
    // "Not every day that…", "not often you see…": the rarity of an event, which says it happened.
    return this.lex.test.negations.test(negationScope(before).replace(RARITY_IDIOM, ''));
  }
}

/**
 * The text with the em dashes between two letters back where normalisation folded them into "-": a name or a
 * place typed against one ("Mrs. Delgado—she walked", "from Pine Bluff—she") is not a hyphenated word, and the
 * recognizers' patterns already read "—" as the break it is. Other dashes stay "-": a spaced one reads as a
 * break either way (and patterns that take " - MRN 004…" along are written for "-"), and one between digits
 * may be a phone number's or a date's ("555—123—4567"). Same length: offsets do not move.
 */
function withEmDashes(text: string, dashes: readonly number[]): string {
  const betweenLetters = dashes.filter((d) => text[d] === '-' && LETTER.test(text[d - 1] ?? '') && LETTER.test(text[d + 1] ?? ''));
  if (betweenLetters.length === 0) return text;
  const chars = text.split('');
  for (const d of betweenLetters) chars[d] = '—';
  return chars.join('');
}

const LETTER = /^\p{L}$/u;

/** The post's em dashes (Structure.clauseDashes) at their offsets in the view, where spaced-out runs are closed up. */
function viewDashes(view: View, dashes: readonly number[]): number[] {
  if (dashes.length === 0) return [];
  const wanted = new Set(dashes);
  const out: number[] = [];
  for (let i = view.text.indexOf('-'); i !== -1; i = view.text.indexOf('-', i + 1)) {
    if (wanted.has(view.toPost(i, i + 1)[0])) out.push(i);
  }
  return out;
}

const RARITY_IDIOM = /\b(?:not|n't)\s+(?:every\s?day|often|every week|something you see every day)\b/gi;

const contexts = new WeakMap<Post, PostContext>();

/** The shared context of a post, built by the first recognizer that asks. */
export function contextOf(post: Post, lex: Lexicon): PostContext {
  let ctx = contexts.get(post);
  if (!ctx) {
    ctx = new PostContext(post, lex);
    contexts.set(post, ctx);
  }
  return ctx;
}
