/**
 * The `phrases` rule kind: literal phrases and word lists (Vale's
 * "substitution", alex's inconsiderate → considerate), compiled into one
 * alternation per rule so a post is scanned once however long the list.
 */
import { phraseKey, phraseSource, WORD_END, WORD_START } from '../catalog/regex.js';
import type { Term } from '../catalog/schema.js';
import { forEachMatch } from './pattern.js';
import type { Candidate, Detector } from './types.js';

export interface PhraseTable {
  pattern: RegExp;
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
  const pattern = new RegExp(`${WORD_START}(?:${sources.join('|')})${WORD_END}`, 'giu');
  return { pattern, replacements };
}

export function phrasesDetector(table: PhraseTable): Detector {
  return (post) => {
    const found: Candidate[] = [];
    forEachMatch(table.pattern, post.text, (m) => {
      const start = m.index;
      const replacement = table.replacements.get(phraseKey(m[0]));
      const candidate: Candidate = { start, end: start + m[0].length };
      if (replacement !== undefined && replacement !== null) candidate.replacement = replacement;
      found.push(candidate);
    });
    return found;
  };
}
