/**
 * Context decides whether a match is a problem: "we never share patient
 * details" is a negation, a word in quotation marks is mentioned rather than
 * used, and "many patients improve" is hedged. The cue words are data
 * (rules/lists/negations.yml, rules/lists/hedges.yml).
 */
import { compilePhrases } from './detectors/phrases.js';
import type { ListFile } from './catalog/schema.js';
import { CatalogError } from './catalog/errors.js';
import type { Structure } from './structure.js';

export interface ContextCues {
  negation: RegExp;
  hedge: RegExp;
}

export function compileCues(lists: ReadonlyMap<string, ListFile>): ContextCues {
  const get = (name: string) => {
    const list = lists.get(name);
    if (!list) throw new CatalogError(`lists/${name}.yml`, undefined, undefined, 'file is missing (context cues)');
    // Global flag off: these are only tested, never iterated.
    return new RegExp(compilePhrases(list.terms).pattern.source, 'iu');
  };
  return { negation: get('negations'), hedge: get('hedges') };
}

/** Words of the clause before the match negate it ("we never post patient names"). */
export function isNegated(text: string, structure: Structure, start: number, cues: ContextCues): boolean {
  const clause = structure.clauseAt(start);
  const before = text.slice(clause.start, start);
  return cues.negation.test(before);
}

export function isHedged(text: string, structure: Structure, start: number, cues: ContextCues): boolean {
  const sentence = structure.sentenceAt(start);
  return cues.hedge.test(text.slice(sentence.start, sentence.end));
}
