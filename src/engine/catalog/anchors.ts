/**
 * The word starts a pattern needs: a set of letter prefixes such that every
 * match of the pattern begins, somewhere, a word with one of them. `\bswag\b`
 * needs a word starting "swag"; `\b(?:your|ur)\s+(?:back|neck)` needs "your"
 * or "ur"; `[a@4]+ss` needs nothing we can name (undefined). A review skips
 * a pattern none of whose prefixes starts a word of the post (WordStarts).
 *
 * Read from the pattern's tree: a run of literal letters counts when it is
 * sure to start a word, that is when what comes before it in the text cannot
 * be a letter (after `\b`, a lookbehind that refuses letters, white space, a
 * hyphen...). A choice counts when every branch names a prefix.
 */
import { letterRunsOf } from '../letter-runs.js';
import { KEY_LETTERS, letterKey, wordPositionsOf, wordStartsOf } from '../word-starts.js';
import { factsOf } from './pattern-facts.js';
import { parseRegex, type Alternation, type Item } from './regex-tree.js';

/** What a text must have for a pattern to match in it. */
export interface Needs {
  /** Word prefixes, one of which starts a word of any match. */
  readonly words: readonly number[] | null;
  /** Pieces, one of which any match holds: runs of two or three letters (by letterKey), or characters. */
  readonly pieces: Pieces | null;
  /** Word prefixes, one of which starts the word every match begins with. */
  readonly starts: readonly number[] | null;
}

const known = new WeakMap<RegExp, Needs>();

/** What the pattern needs, read from it once. */
export function needsOf(re: RegExp): Needs {
  let needs = known.get(re);
  if (needs === undefined) {
    const facts = factsOf(re.source, re.flags);
    if (facts.needs === undefined) {
      const found = wordAnchorsFound(re.source);
      const words = found ? keysOf(found) : null;
      facts.needs = { words, pieces: pieceAnchors(re.source) ?? null, starts: found?.atMatchStart ? words : null };
    }
    needs = facts.needs;
    known.set(re, needs);
  }
  return needs;
}

/**
 * Whether the pattern may match in the text: false when it needs a word start
 * or a piece (a few letters in a row, a character) that the text does not have. Cheap: what a
 * pattern needs is read once, what a text has once per text.
 */
export function mayMatch(re: RegExp, text: string): boolean {
  return textMayHold(needsOf(re), text);
}

/** re.test(text) for a pattern without the g or y flag, skipped unread where it cannot match. */
export function hasMatch(re: RegExp, text: string): boolean {
  return mayMatch(re, text) && re.test(text);
}

/** mayMatch for a caller that keeps the pattern's needs at hand (one lookup less per question). */
export function textMayHold(needs: Needs, text: string): boolean {
  const pieces = needs.pieces;
  if (pieces !== null) {
    const runs = letterRunsOf(text);
    if (!pieces.letters.some((key) => runs.has(key)) && !pieces.chars.some((c) => text.includes(c))) return false;
  }
  if (needs.words !== null) {
    const starts = wordStartsOf(text);
    if (!needs.words.some((key) => starts.has(key))) return false;
  }
  return true;
}

/** Texts at least this long are read word by word where a pattern allows it; shorter ones are quicker scanned. */
const LONG_TEXT = 2_000;
/** A scan is as quick as trying this many characters' worth of places one by one. */
const CHARS_PER_PLACE = 32;

/**
 * The places where a match can start, when the pattern starts every match at
 * a word it names and the text is long with few such words; undefined when
 * a scan of the whole text is the quicker.
 */
export function matchStarts(needs: Needs, text: string): number[] | undefined {
  if (needs.starts === null || text.length < LONG_TEXT) return undefined;
  const places = wordPositionsOf(text).of(needs.starts);
  return places.length * CHARS_PER_PLACE < text.length ? places : undefined;
}

export interface Pieces {
  /** Runs of two or three letters, by letterKey. */
  readonly letters: readonly number[];
  /** Single characters that are not letters (digits, marks, emoji). */
  readonly chars: readonly string[];
}

/**
 * Pieces one of which every match holds, or undefined when some branch of the
 * pattern holds none for sure. Each branch gives its first run of three
 * literal letters, or else of two, or else its first literal character that
 * is no letter ("organ|CT\\b|#\\s?1" gives "org", "ct", "#").
 */
export function pieceAnchors(source: string): Pieces | undefined {
  const tree = parseRegex(source);
  if (tree === undefined) return undefined;
  const found = piecesOfAlternation(tree);
  if (found === undefined) return undefined;
  const letters = new Set<number>();
  const chars = new Set<string>();
  for (const piece of found) {
    if (/^[a-z]{2,3}$/.test(piece)) letters.add(letterKey(piece));
    else chars.add(piece);
  }
  return { letters: [...letters], chars: [...chars] };
}

function piecesOfAlternation(alt: Alternation): string[] | undefined {
  const out: string[] = [];
  for (const branch of alt.branches) {
    const found = lettersOfBranch(branch, 3, '') ?? lettersOfBranch(branch, 2, '') ?? charOfBranch(branch);
    if (found === undefined) return undefined;
    out.push(...found);
  }
  return out;
}

/**
 * The first `size` literal letters in a row that every match of the branch
 * holds, or a choice of such. `before`: the literal letters right before the
 * branch, which it continues ("h(?:ot|appy)" holds "hot" or "hap").
 */
function lettersOfBranch(items: readonly Item[], size: number, before: string): string[] | undefined {
  let run = before;
  for (const { atom, min, max } of items) {
    // Zero-width: the letters around it are still next to each other.
    if (atom.kind === 'assertion' || (atom.kind === 'group' && atom.lookaround)) continue;
    const letter = atom.kind === 'char' && min >= 1 ? literalLetter(atom.source) : undefined;
    if (letter !== undefined) {
      run += letter;
      if (run.length >= size) return [run.slice(-size)];
      // "o+" ends with an o, whatever came before its last one.
      if (min !== 1 || max !== 1) run = letter;
      continue;
    }
    if (atom.kind === 'group' && min >= 1) {
      const inner = lettersOfAlternation(atom.body, size, min === 1 && max === 1 ? run : '');
      if (inner !== undefined) return inner;
    }
    run = '';
  }
  return undefined;
}

function lettersOfAlternation(alt: Alternation, size: number, before: string): string[] | undefined {
  const out: string[] = [];
  for (const branch of alt.branches) {
    const found = lettersOfBranch(branch, size, before);
    if (found === undefined) return undefined;
    out.push(...found);
  }
  return out;
}

/** The first literal character, not a letter, that every match of the branch holds (or a choice of such). */
function charOfBranch(items: readonly Item[]): string[] | undefined {
  for (const { atom, min } of items) {
    if (min < 1 || atom.kind === 'assertion' || atom.kind === 'backref') continue;
    if (atom.kind === 'group') {
      if (atom.lookaround) continue;
      const inner = atom.body.branches.map(charOfBranch);
      if (inner.every((found) => found !== undefined)) return inner.flat() as string[];
      continue;
    }
    const char = literalNonLetter(atom.source);
    if (char !== undefined) return [char];
  }
  return undefined;
}

/** A literal character that no case folding touches: a digit, a mark, an emoji ("\\." is "."). */
function literalNonLetter(source: string): string | undefined {
  const char = /^\\[^A-Za-z0-9]$/.test(source) ? source.slice(1) : source;
  if ([...char].length !== 1 || char === '.' && !source.startsWith('\\')) return undefined;
  return /[\p{L}\p{M}]/u.test(char) ? undefined : char;
}

/** The keys of the word prefixes every match needs one of, or undefined when the pattern names none. */
export function wordAnchors(source: string): number[] | undefined {
  const found = wordAnchorsFound(source);
  return found && keysOf(found);
}

/** wordAnchors, when the prefixed word is where every match begins: a match can then start only at such a word. */
export function startAnchors(source: string): number[] | undefined {
  const found = wordAnchorsFound(source);
  return found?.atMatchStart ? keysOf(found) : undefined;
}

function keysOf(found: Found): number[] {
  return [...new Set(found.prefixes.map(letterKey))];
}

interface Found {
  prefixes: string[];
  /** Nothing of the match comes before the prefixed word. */
  atMatchStart: boolean;
}

function wordAnchorsFound(source: string): Found | undefined {
  const tree = parseRegex(source);
  return tree && ofAlternation(tree, false, false);
}

function ofAlternation(alt: Alternation, wordStart: boolean, consumed: boolean): Found | undefined {
  const out: Found = { prefixes: [], atMatchStart: true };
  for (const branch of alt.branches) {
    const found = ofBranch(branch, wordStart, consumed);
    if (found === undefined) return undefined;
    out.prefixes.push(...found.prefixes);
    out.atMatchStart &&= found.atMatchStart;
  }
  return out;
}

/**
 * `wordStart`: the character before the branch, if any, is sure not to be a
 * letter, so a letter at its start begins a word. `consumed`: the match may
 * already hold characters before the branch.
 */
function ofBranch(items: readonly Item[], wordStart: boolean, consumedBefore: boolean): Found | undefined {
  let atStart = wordStart;
  let consumed = consumedBefore;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Item;
    const { atom, min } = item;
    if (atom.kind === 'assertion') {
      if (atom.source === '\\b') atStart = true;
      else if (atom.source === '^') atStart = true;
      continue;
    }
    if (atom.kind === 'backref') return undefined;
    if (atom.kind === 'group' && atom.lookaround) {
      if (atom.look === '<!' && refusesLetters(atom.body)) atStart = true;
      continue;
    }
    if (atom.kind === 'char') {
      const letter = literalLetter(atom.source);
      if (letter !== undefined && atStart && min >= 1) {
        let run = letter;
        for (let j = i + 1; j < items.length && run.length < KEY_LETTERS && min === 1 && item.max === 1; j++) {
          const next = items[j] as Item;
          const more = next.atom.kind === 'char' && next.min === 1 ? literalLetter(next.atom.source) : undefined;
          if (more === undefined) break;
          run += more;
          if (next.max !== 1) break;
        }
        return { prefixes: [run], atMatchStart: !consumed };
      }
      atStart = min >= 1 ? !mayBeLetter(atom.source) : atStart && !mayBeLetter(atom.source);
      consumed = true;
      continue;
    }
    // A group: its branches name prefixes, or what follows it might.
    if (min >= 1) {
      const inner = ofAlternation(atom.body, atStart, consumed);
      if (inner !== undefined) return inner;
      atStart = endsWithNonLetter(atom.body);
    } else {
      atStart = atStart && endsWithNonLetter(atom.body);
    }
    consumed = true;
  }
  return undefined;
}

/** A literal ASCII letter, lower-cased; `[Tt]` counts as one too. */
function literalLetter(source: string): string | undefined {
  if (/^[A-Za-z]$/.test(source)) return source.toLowerCase();
  const pair = /^\[([A-Za-z])([A-Za-z])\]$/.exec(source);
  return pair && (pair[1] as string).toLowerCase() === (pair[2] as string).toLowerCase() ? (pair[1] as string).toLowerCase() : undefined;
}

/** Whether a one-character source can match an ASCII letter (or ſ or the Kelvin sign, which fold to letters). */
function mayBeLetter(source: string): boolean {
  if (source.length === 1) return /[A-Za-z.]/.test(source);
  if (source.startsWith('\\')) return !/^\\(?:[sd]|[^A-Za-z0-9])$/.test(source);
  if (!source.startsWith('[') || source.startsWith('[^')) return true;
  // A class: single non-letters, \s, \d, escaped punctuation and digit ranges only.
  const members = source.slice(1, -1).replace(/\\d|\\s|\\[^A-Za-z0-9]|[0-9]-[0-9]/g, '');
  return /[A-Za-z\\]/.test(members) || /.-./.test(members);
}

/** A lookbehind such as (?<!\w), (?<![\p{L}\p{N}_]) or (?<![a-z]): the character before is no letter. */
function refusesLetters(body: Alternation): boolean {
  if (body.branches.length !== 1) return false;
  const [only, ...rest] = body.branches[0] ?? [];
  if (only === undefined || rest.length > 0 || only.atom.kind !== 'char' || only.min !== 1 || only.max !== 1) return false;
  const source = only.atom.source;
  return source === '\\w' || /^\[(?!\^)(?:[^\]]*\\p\{L\}|[^\]]*\\w|(?=[^\]]*a-z)(?=[^\]]*A-Z))[^\]]*\]$/.test(source);
}

function endsWithNonLetter(alt: Alternation): boolean {
  return alt.branches.every((branch) => {
    const last = branch[branch.length - 1];
    return last !== undefined && last.min >= 1 && last.atom.kind === 'char' && !mayBeLetter(last.atom.source);
  });
}

