/**
 * The `phrases` rule kind: literal phrases and word lists (Vale's
 * "substitution", alex's inconsiderate → considerate), compiled into one
 * alternation per rule so a post is scanned once however long the list.
 */
import { phraseKey, phraseSource, WORD_CHAR, WORD_END, WORD_START } from '../catalog/regex.js';
import { tuned } from '../catalog/tune.js';
import type { Term } from '../catalog/schema.js';
import { matchesNotAfter } from './pattern.js';
import type { Candidate, Detector } from './types.js';

export interface PhraseTable {
  /** Whole words only, on its own. */
  pattern: RegExp;
  /** The same, faster, for a scan that also checks startsWord (phrasesDetector). */
  scan: RegExp;
  /** phraseKey(phrase) → replacement (null: the entry has no replacement of its own). */
  replacements: Map<string, string | null>;
}

export function compilePhrases(terms: readonly Term[]): PhraseTable {
  const replacements = new Map<string, string | null>();
  const sources: string[] = [];
  for (const t of terms) {
    const phrase = typeof t === 'string' ? t : t.term;
    const replace = typeof t === 'string' ? null : (t.replace ?? null);
    replacements.set(phraseKey(phrase), replace);
    sources.push(phraseSource(phrase));
  }
  // Longest first, so "bone on bone" wins over "bone".
  sources.sort((a, b) => b.length - a.length);
  // Phrases that start with an ASCII letter or digit open with \b rather than the word-start
  // lookbehind: V8 then tries only word starts, and a scan costs a third to a fifth as much. \b
  // knows only ASCII letters, so the detector turns down a match right after another letter
  // (see AFTER_WORD_CHAR); the rest keep the lookbehind.
  const ascii = sources.filter((src) => ASCII_WORD_START.test(src));
  const other = sources.filter((src) => !ASCII_WORD_START.test(src));
  const starts = [...(ascii.length > 0 ? [`\\b(?:${ascii.join('|')})`] : []), ...other.map(openedFirst)];
  const scan = tuned(new RegExp(`(?:${starts.join('|')})${WORD_END}`, 'giu'));
  // (?<!\w) says less than WORD_START, which implies it, but V8 tests it far faster, so most positions fail
  // there first: the pattern matches the same, about three times faster over a post.
  const pattern = tuned(new RegExp(`(?<!\\w)${WORD_START}(?:${sources.join('|')})${WORD_END}`, 'giu'));
  return { pattern, scan, replacements };
}

const ASCII_WORD_START = /^[A-Za-z0-9_]/;

/**
 * "#MAGA" as `#(?<![\p{L}\p{N}_]#)MAGA`: the same test of what precedes the
 * phrase, made after its first character matched rather than at every
 * position of the post.
 */
function openedFirst(source: string): string {
  const first = /^(?:\\.|[\s\S])/u.exec(source)?.[0] ?? '';
  return `${first}(?<!${WORD_CHAR}${first})${source.slice(first.length)}`;
}

/** A letter, digit or underscore of any script just before a match: then it does not start a word. */
const AFTER_WORD_CHAR = new RegExp(`${WORD_CHAR}$`, 'u');

export function phrasesDetector(table: PhraseTable): Detector {
  const re = table.scan;
  return (post) => {
    const found: Candidate[] = [];
    const text = post.text;
    for (const m of matchesNotAfter(re, text, AFTER_WORD_CHAR)) {
      const start = m.index;
      const replacement = table.replacements.get(phraseKey(m[0]));
      const candidate: Candidate = { start, end: start + m[0].length };
      if (replacement !== undefined && replacement !== null) candidate.replacement = replacement;
      found.push(candidate);
    }
    return found;
  };
}
