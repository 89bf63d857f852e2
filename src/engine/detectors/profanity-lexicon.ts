/**
 * The word knowledge behind the profanity detector, built once per option
 * set from obscenity's maintained English dataset: its matcher (clinical
 * words removed, look-alikes whitelisted), a cheap prefilter that lets the
 * matcher be skipped on most posts, and the dataset's words with common
 * affixes for reading censored tokens.
 */
import { DataSet, englishDataset, englishRecommendedTransformers, RegExpMatcher, SyntaxKind, type ParsedPattern } from 'obscenity';

export interface LexiconOptions {
  /** Dataset words (obscenity's `originalWord`) to drop. */
  clinical: readonly string[];
  /** Extra whitelisted terms. */
  allow: readonly string[];
}

export interface Lexicon {
  matcher: RegExpMatcher;
  /** A cheap necessary condition for any dataset match: most posts fail it and skip the matcher. */
  prefilter: RegExp;
  /** The dataset the matcher was built from: its term ids name its phrases, not englishDataset's. */
  dataset: DataSet<{ originalWord: string }>;
  /** Word forms (dataset words with common affixes) by length, for reading censored tokens. */
  forms: Map<number, Form[]>;
}

export interface Form {
  form: string;
  word: string;
  /** Letters added to the dataset word: the fewer, the likelier the reading. */
  affix: number;
}

// Affixes people attach to expletives ("bullshit", "fucking", "asshole"): shapes, not words.
const PREFIXES = ['', 'bull', 'horse', 'dip', 'mother', 'dumb', 'jack', 'smart', 'bad', 'cluster', 'god'];
const SUFFIXES = ['', 's', 'es', 'ed', 'er', 'ers', 'ing', 'in', 'y', 'ty', 'ter', 'hole', 'holes', 'head', 'heads', 'hat', 'show', 'bag', 'face', 'wit', 'load', 'storm', 'off'];

const lexicons = new Map<string, Lexicon>();

// obscenity's leetspeak table (resolve-leetspeak): the characters read as each letter.
const LEET_SOURCES: Record<string, string> = { a: '@4', c: '(', e: '3', g: '6', i: '1|!', l: '/', o: '0', s: '$5', t: '7', z: '2' };

// collapseDuplicatesTransformer's custom thresholds in obscenity's English preset.
const KEPT_DOUBLE = new Set(['b', 'e', 'o', 'l', 's', 'g']);

/**
 * Runs are bounded so the prefilter scans in linear time: with unbounded
 * runs, a draft of 40,000 sevens took seconds (each start re-read the whole
 * run). The text it tests has identical runs collapsed to two (see
 * collapseRuns), so a bound of 8 only misses a leetspeak run alternating
 * more than eight different stand-ins for one letter.
 */
const RUN_MAX = 8;

/** Identical characters collapsed to two, as obscenity reads them anyway. */
export function collapseRuns(text: string): string {
  return text.replace(/([^])\1{2,}/g, '$1$1');
}

function charClass(code: number): string {
  const ch = String.fromCharCode(code).toLowerCase();
  const sources = (LEET_SOURCES[ch] ?? '').replace(/[\\\]^-]/g, '\\$&');
  return `[${ch.replace(/[\\\]^-]/g, '\\$&')}${sources}]`;
}

/** Where a wildcard's group goes: numbered once the alternatives are in their final order. */
const WILDCARD = '\u0000';

/**
 * One regular expression that every dataset match must also match on the raw
 * text: each pattern letter may appear as itself or a leetspeak stand-in, one
 * or more times (obscenity collapses repeats), and the pattern's word
 * boundaries are kept. Looser than obscenity, never stricter, and a single
 * scan; the matcher (about 0.1 ms a post) runs only when it passes.
 *
 * Alternatives that open alike are grouped under their first letter
 * (`[b]{1,8}(?:…|…)`): V8 tries the alternatives of a choice one by one at
 * every position, so a hundred and twenty of them cost four times what three
 * dozen first letters do.
 */
function prefilterOf(patterns: readonly ParsedPattern[]): RegExp {
  // A wildcard stands for one character of obscenity's collapsed text: one raw character, repeated.
  const byOpening = new Map<string, string[]>();
  for (const p of patterns) {
    let opening = p.requireWordBoundaryAtStart ? '(?<![a-z])' : '';
    let body = '';
    let last = '';
    let opened = false;
    for (const node of p.nodes) {
      if (node.kind === SyntaxKind.Literal) {
        for (const code of node.chars) {
          const cls = `${charClass(code)}{1,${RUN_MAX}}`;
          // obscenity collapses a run to one letter ("jizz" is read "jiz"), or to two for these.
          if (cls !== last || KEPT_DOUBLE.has(String.fromCharCode(code).toLowerCase())) {
            if (!opened && body === '') opening += cls;
            else body += cls;
          }
          opened = true;
          last = cls;
        }
      } else if (node.kind === SyntaxKind.Wildcard) {
        body += WILDCARD;
        opened = true;
        last = '';
      } else {
        const child = node.childNode;
        body += child.kind === SyntaxKind.Literal ? `(?:${child.chars.map((c) => `${charClass(c)}{1,${RUN_MAX}}`).join('')})?` : `(?:${WILDCARD})?`;
        opened = true;
        last = '';
      }
    }
    const tails = byOpening.get(opening) ?? [];
    tails.push(`${body}${p.requireWordBoundaryAtEnd ? '(?![a-z])' : ''}`);
    byOpening.set(opening, tails);
  }
  const alternatives = [...byOpening].map(([opening, tails]) => (tails.length === 1 ? `${opening}${tails[0] as string}` : `${opening}(?:${tails.join('|')})`));
  let groups = 0;
  const source = alternatives.join('|').replace(/\u0000/g, () => {
    groups++;
    return `([^])\\${groups}{0,${RUN_MAX}}`;
  });
  return new RegExp(source, 'i');
}

export function lexiconFor(options: LexiconOptions): Lexicon {
  const key = JSON.stringify([options.clinical, options.allow]);
  const cached = lexicons.get(key);
  if (cached) return cached;
  const clinical = new Set(options.clinical.map((w) => w.toLowerCase()));
  const words: string[] = [];
  const patterns: ParsedPattern[] = [];
  const dataset = new DataSet<{ originalWord: string }>().addAll(englishDataset).removePhrasesIf((phrase) => {
    const word = phrase.metadata?.originalWord ?? '';
    if (clinical.has(word)) return true;
    if (/^[a-z]+$/.test(word)) words.push(word);
    patterns.push(...phrase.patterns);
    return false;
  });
  const built = dataset.build();
  const matcher = new RegExpMatcher({
    ...built,
    whitelistedTerms: [...(built.whitelistedTerms ?? []), ...options.allow],
    ...englishRecommendedTransformers,
  });
  const forms = new Map<number, Form[]>();
  for (const word of words) {
    for (const p of PREFIXES) {
      for (const s of SUFFIXES) {
        const form = p + word + s;
        const list = forms.get(form.length) ?? [];
        list.push({ form, word, affix: p.length + s.length });
        forms.set(form.length, list);
      }
    }
  }
  const lexicon = { matcher, dataset, forms, prefilter: prefilterOf(patterns) };
  lexicons.set(key, lexicon);
  return lexicon;
}
