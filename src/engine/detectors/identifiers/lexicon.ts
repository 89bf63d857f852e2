/**
 * The word lists of rules/lists/ that the identifier recognizers share,
 * compiled once per catalogue into regular-expression sources and tests.
 */
import { phraseSource, WORD_END, WORD_START } from '../../catalog/regex.js';
import { tuned } from '../../catalog/tune.js';
import { CatalogError } from '../../catalog/errors.js';
import type { ListFile } from '../../catalog/schema.js';

export const LIST_NAMES = [
  'patient-cues',
  'care-terms',
  'colleague-roles',
  'credentials',
  'not-patient-cues',
  'person-nouns',
  'place-words',
  'street-words',
  'care-organizations',
  'affiliation-words',
  'occupations',
  'rarity-cues',
  'realtime-cues',
  'patient-consent-cues',
  'regions',
  'negations',
] as const;
export type ListName = (typeof LIST_NAMES)[number];

export interface Lexicon {
  /** The terms of each list, as written. */
  terms: Record<ListName, string[]>;
  /** Alternation source (no boundaries) of each list, longest entries first. */
  source: Record<ListName, string>;
  /** Whole-word test of each list; case-insensitive except where case carries meaning. */
  test: Record<ListName, RegExp>;
  /** Whole-word global matcher of each list, for scanning. */
  scan: Record<ListName, RegExp>;
}

// Lists whose entries are proper-noun parts or acronyms: "PT" is a therapist, "pt" a patient;
// "Falls" ends a town, "falls" is an injury.
const CASE_SENSITIVE: ReadonlySet<ListName> = new Set([
  'credentials',
  'place-words',
  'street-words',
  'care-organizations',
  'affiliation-words',
  'regions',
]);

export function compileLexicon(lists: ReadonlyMap<string, ListFile>, ruleId: string): Lexicon {
  const terms = {} as Record<ListName, string[]>;
  const source = {} as Record<ListName, string>;
  const test = {} as Record<ListName, RegExp>;
  const scan = {} as Record<ListName, RegExp>;
  for (const name of LIST_NAMES) {
    const list = lists.get(name);
    if (!list) throw new CatalogError(`lists/${name}.yml`, ruleId, undefined, 'file is missing (identifier recognizers)');
    terms[name] = list.terms.map((t) => (typeof t === 'string' ? t : t.term));
    const sources = terms[name]
      .map(phraseSource)
      .sort((a, b) => b.length - a.length);
    const alternation = `(?:${sources.join('|')})`;
    source[name] = alternation;
    const flags = CASE_SENSITIVE.has(name) ? 'u' : 'iu';
    // A leading \b (ASCII) instead of a lookbehind: the engine can then skip ahead to word starts,
    // which matters for scanning every post with long lists. Every term starts with a letter or digit.
    const start = sources.every((src) => /^[A-Za-z0-9]/.test(src)) ? '\\b' : WORD_START;
    const bounded = `${start}${alternation}${WORD_END}`;
    test[name] = tuned(new RegExp(bounded, flags));
    scan[name] = tuned(new RegExp(bounded, `g${flags}`));
  }
  return { terms, source, test, scan };
}

const cache = new WeakMap<ReadonlyMap<string, ListFile>, Lexicon>();

/** One compiled lexicon per catalogue, shared by every identifier rule. */
export function lexiconFor(lists: ReadonlyMap<string, ListFile>, ruleId: string): Lexicon {
  let lexicon = cache.get(lists);
  if (!lexicon) {
    lexicon = compileLexicon(lists, ruleId);
    cache.set(lists, lexicon);
  }
  return lexicon;
}

const built = new WeakMap<Lexicon, Map<string, RegExp>>();

/**
 * A pattern built from a lexicon's lists, once per lexicon: recognizers that
 * build their patterns inside a review would otherwise rebuild the long list
 * alternations for every post. The pattern is global, so callers reset
 * lastIndex (scan.ts's `matches` does).
 */
export function once(lex: Lexicon, key: string, build: () => RegExp): RegExp {
  let map = built.get(lex);
  if (!map) {
    map = new Map();
    built.set(lex, map);
  }
  let re = map.get(key);
  if (!re) {
    re = build();
    map.set(key, re);
  }
  return re;
}
