/**
 * What compromise knows about single words, without parsing: its lexicon says
 * whether a capitalised word is a first name, a surname or an ordinary English
 * word. A lookup costs nothing; a parse (nlp.ts) is kept for the few sentences
 * where the lexicon cannot decide.
 */
import { loadWordTable, type WordEntry, type WordTable } from './word-table.js';

export type WordKind =
  | 'first-name'
  | 'last-name'
  | 'person'
  | 'place'
  | 'region'
  | 'organization'
  | 'month'
  | 'weekday'
  | 'common'
  | 'unknown';

let table: WordTable | undefined;

/**
 * Loads the dictionary now. Every review with a capitalised word needs it, so
 * the identifier rules load it when the engine is built rather than inside the
 * first review.
 */
export function loadWords(): void {
  table ??= loadWordTable();
}

function entryOf(word: string): WordEntry | undefined {
  table ??= loadWordTable();
  return table.get(word.toLowerCase());
}

// The dictionary misses some ("March" is a verb there); calendar words are checked by shape first.
const MONTH = /^(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Christmas|Xmas|Easter|Thanksgiving|Halloween|Hanukkah|Ramadan|Passover)\.?$/;
const WEEKDAY = /^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat)\.?$/;

export function wordKind(word: string): WordKind {
  if (MONTH.test(word)) return 'month';
  if (WEEKDAY.test(word)) return 'weekday';
  return entryOf(word)?.kind ?? 'unknown';
}

/** A word the dictionary knows as part of people's names. */
export function isNameWord(word: string): boolean {
  const kind = wordKind(word);
  return kind === 'first-name' || kind === 'last-name' || kind === 'person';
}

/** A word that reads as part of a person's name (known name, or unknown to the dictionary). */
export function mayBeName(word: string): boolean {
  if (isNameWord(word)) return true;
  if (wordKind(word) !== 'unknown') return false;
  // Unknown inflections of ordinary words ("Honestly", "Swiping") are not names.
  return !/(?:ly|ing|ed|ness|ment|tion|ful|less|ous|ive|able)$/i.test(word);
}

/** "Before", "As", "Every": a preposition, conjunction, determiner or pronoun, which opens a clause and names no one. */
export function isFunctionWord(word: string): boolean {
  return entryOf(word)?.part === 'function';
}

/**
 * A handle looks like one: lower case, digits, underscores or dots, or camel case
 * ("@NASSspine"); a capitalised English word ("@Never") is a typo for a space, and
 * a function word ("@your place") is "at".
 */
export function handleShaped(handle: string): boolean {
  const name = handle.slice(1);
  if (isFunctionWord(name)) return false;
  if (/[\d_.]/.test(name) || /^\p{Ll}/u.test(name) || /\p{Ll}\p{Lu}/u.test(name)) return true;
  return wordKind(name) !== 'common';
}

/** "will", "said", "may": a word the dictionary knows first as a verb (modal, tense or infinitive). */
export function isVerbWord(word: string): boolean {
  return entryOf(word)?.part === 'verb';
}

/** "Big Gary", "Lil Mike": a nickname whose first word is an ordinary one. */
export function isNickname(words: readonly string[]): boolean {
  return (
    words.length === 2 &&
    /^(?:Big|Little|Lil|Old|Young|Uncle|Aunt|Auntie|Grandma|Grandpa|Granny|Nana|Papa|Pops|Miss|Mama|Coach)$/.test(words[0] as string) &&
    /^\p{Lu}\p{Ll}/u.test(words[1] as string) &&
    !['month', 'weekday', 'place', 'region'].includes(wordKind(words[1] as string))
  );
}

/**
 * A lower-case word that reads as a noun after "patient": "patient
 * education", "patient assistance fund". Then "patient" is part of a compound,
 * not a person ("my patient walked" is).
 */
export function isNounLike(word: string): boolean {
  const entry = entryOf(word);
  if (entry !== undefined) return entry.part === 'noun';
  return /(?:ance|ence|ion|ment|ness|ity|ship|ure|ery|ory|ism|ist|ate|al|cy|age|ing)$/.test(word.toLowerCase());
}
