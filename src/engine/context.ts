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
import { tuned } from './catalog/tune.js';

export interface ContextCues {
  negation: RegExp;
  hedge: RegExp;
}

export function compileCues(lists: ReadonlyMap<string, ListFile>): ContextCues {
  const get = (name: string) => {
    const list = lists.get(name);
    if (!list) throw new CatalogError(`lists/${name}.yml`, undefined, undefined, 'file is missing (context cues)');
    // Global flag off: these are only tested, never iterated.
    return tuned(new RegExp(compilePhrases(list.terms).pattern.source, 'iu'));
  };
  return { negation: get('negations'), hedge: get('hedges') };
}

/**
 * How far back in its clause a negation reaches, in characters. A clause of a
 * real post is far shorter; a draft with no punctuation is one clause, and
 * reading all of it again for every match would cost the square of its length.
 */
const NEGATION_REACH = 400;

// "certificate no. 2024-118834", "voted No. 1": the abbreviation of "number", which negates nothing.
const NUMBER_ABBREVIATION = /\bno\.\s{0,2}(?=#?\d)/gi;

/** The words before a match as a negation reads them: without "no." standing for "number". */
export function negationScope(before: string): string {
  return before.includes('.') ? before.replace(NUMBER_ABBREVIATION, '') : before;
}

/** Words of the clause before the match negate it ("we never post patient names"). */
export function isNegated(text: string, structure: Structure, start: number, cues: ContextCues): boolean {
  const clause = structure.clauseAt(start);
  const before = text.slice(Math.max(clause.start, start - NEGATION_REACH), start);
  return cues.negation.test(negationScope(before));
}

// Whether each sentence is hedged, per review (a Structure is built once per review).
const hedgedSentences = new WeakMap<Structure, Map<number, boolean>>();

export function isHedged(text: string, structure: Structure, start: number, cues: ContextCues): boolean {
  const sentence = structure.sentenceAt(start);
  let known = hedgedSentences.get(structure);
  if (!known) {
    known = new Map();
    hedgedSentences.set(structure, known);
  }
  let hedged = known.get(sentence.start);
  if (hedged === undefined) {
    hedged = cues.hedge.test(text.slice(sentence.start, sentence.end));
    known.set(sentence.start, hedged);
  }
  return hedged;
}
