/**
 * What compromise's dictionary says of each word it knows, reduced to the two
 * questions the recognizers ask: what kind of word is it (a first name, a
 * place, an ordinary word…), and is it a noun or a verb.
 *
 * Loading compromise costs a process about a tenth of a second, and its
 * dictionary is all a review needs of it in nearly every post (a parse is
 * kept for the few sentences the dictionary cannot decide). So `npm run
 * build` writes this table next to the built engine (build-word-table.ts), and
 * a process reads it in a few milliseconds instead. Without the file (tests
 * run from src/) the table is built from compromise, with the same result.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getNlp } from '../../nlp.js';

/** What the dictionary's tags say a word is. Months and weekdays are also told by shape (words.ts). */
export const TAG_KINDS = ['first-name', 'last-name', 'person', 'month', 'weekday', 'place', 'region', 'organization', 'common'] as const;
export type TagKind = (typeof TAG_KINDS)[number];

/**
 * A word with a verb tag is not noun-like even if it also has a noun tag ("walks").
 * Closed-class words (prepositions, conjunctions, determiners, pronouns) are
 * kept apart: they open a clause ("Before her fusion …") and never name anyone.
 */
export const PARTS = ['function', 'verb', 'noun', 'other'] as const;
export type Part = (typeof PARTS)[number];

export interface WordEntry {
  kind: TagKind;
  part: Part;
}

/** Words (lower case) the dictionary knows; a word it does not know is absent. */
export type WordTable = ReadonlyMap<string, WordEntry>;

const FIRST = /^(?:FirstName|MaleName|FemaleName)$/;
const NOUN_TAGS = /^(?:Singular|Plural|Noun|Uncountable|Actor)$/;
const FUNCTION_TAGS = /^(?:Preposition|Determiner|Conjunction|Pronoun|QuestionWord)$/;
const VERB_TAGS = /^(?:Verb|PastTense|PresentTense|Infinitive|Copula|Modal|Gerund|Auxiliary|Adverb)$/;

export function kindOfTags(tags: readonly string[]): TagKind {
  if (tags.some((t) => FIRST.test(t))) return 'first-name';
  if (tags.includes('LastName')) return 'last-name';
  if (tags.includes('Person')) return 'person';
  if (tags.includes('Month')) return 'month';
  if (tags.includes('WeekDay')) return 'weekday';
  if (tags.some((t) => /^(?:City|Country|Place)$/.test(t))) return 'place';
  if (tags.includes('Region')) return 'region';
  if (tags.includes('Organization')) return 'organization';
  return 'common';
}

export function partOfTags(tags: readonly string[]): Part {
  if (tags.some((t) => FUNCTION_TAGS.test(t))) return 'function';
  if (tags.some((t) => VERB_TAGS.test(t))) return 'verb';
  if (tags.some((t) => NOUN_TAGS.test(t))) return 'noun';
  return 'other';
}

type Lexicon = Readonly<Record<string, string | readonly string[] | undefined>>;

/** compromise's dictionary, read through nlp.ts so that compromise is loaded once. */
function compromiseLexicon(): Lexicon {
  const model: unknown = getNlp().model();
  if (typeof model === 'object' && model !== null && 'one' in model) {
    const one: unknown = model.one;
    if (typeof one === 'object' && one !== null && 'lexicon' in one) {
      const lexicon: unknown = one.lexicon;
      if (typeof lexicon === 'object' && lexicon !== null) return lexicon as Lexicon;
    }
  }
  return {};
}

export function tableFromLexicon(lexicon: Lexicon): WordTable {
  const table = new Map<string, WordEntry>();
  for (const [word, entry] of Object.entries(lexicon)) {
    if (entry === undefined) continue;
    const tags = typeof entry === 'string' ? entry.split(',') : entry;
    table.set(word, { kind: kindOfTags(tags), part: partOfTags(tags) });
  }
  return table;
}

/**
 * The file's shape: for each kind and part, its words joined by newlines.
 * A few long strings parse much faster than tens of thousands of short ones.
 */
type Serialised = Record<string, string>;

export function serialiseTable(table: WordTable): string {
  const groups: Record<string, string[]> = {};
  for (const [word, { kind, part }] of table) (groups[`${kind} ${part}`] ??= []).push(word);
  const out: Serialised = {};
  for (const [key, words] of Object.entries(groups)) out[key] = words.join('\n');
  return JSON.stringify(out);
}

/** The table in a file's text, or undefined when the text is not one (a stale or damaged file). */
export function parseTable(json: string): WordTable | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const table = new Map<string, WordEntry>();
  for (const [key, words] of Object.entries(raw)) {
    const [kind, part] = key.split(' ') as [TagKind, Part];
    if (!TAG_KINDS.includes(kind) || !PARTS.includes(part) || typeof words !== 'string') return undefined;
    const entry: WordEntry = { kind, part };
    for (const word of words.split('\n')) if (word !== '') table.set(word, entry);
  }
  return table;
}

export const WORD_TABLE_FILE = join(dirname(fileURLToPath(import.meta.url)), 'word-table.json');

export function buildWordTable(): WordTable {
  return tableFromLexicon(compromiseLexicon());
}

/** The table written at build time, else built from compromise. */
export function loadWordTable(file: string = WORD_TABLE_FILE): WordTable {
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = undefined;
  }
  return (text !== undefined ? parseTable(text) : undefined) ?? buildWordTable();
}
