/**
 * A pattern that is only ever tested (does the text hold a match at all?),
 * never iterated, may list its choices in any order. The catalogue's post
 * gates are long lists of cue words ("chance\s+of|possibility\s+of|no\s+risks|
 * …"); with the choices that start with the same letter grouped under it
 * ("c(?:hance\s+of)|p(?:ossibility\s+of)|n(?:o\s+risks|…)"), V8 tries each
 * letter once at a position instead of every choice, and the gates run about
 * a sixth faster. Patterns with capturing groups or back-references are left
 * as they are: reordering would renumber them.
 */
import { factsOf } from './pattern-facts.js';
import { parseRegex } from './regex-tree.js';

export function groupedByFirstLetter(re: RegExp): RegExp {
  const facts = factsOf(re.source, re.flags);
  if (facts.grouped === undefined) facts.grouped = groupedSource(re);
  if (facts.grouped === null) return re;
  try {
    return new RegExp(facts.grouped, re.flags);
  } catch {
    return re;
  }
}

/** The grouped source, or null when grouping leaves the pattern as it is. */
function groupedSource(re: RegExp): string | null {
  if (re.global || re.sticky || /\((?!\?)|\(\?<[^=!]|\\[1-9k]/.test(re.source)) return null;
  const tree = parseRegex(re.source);
  if (tree === undefined || tree.branches.length < 3) return null;
  const byLetter = new Map<string, { letter: string; rests: string[] }>();
  const others: string[] = [];
  const caseless = re.ignoreCase;
  for (const branch of tree.branches) {
    const first = branch[0];
    const last = branch[branch.length - 1];
    if (first === undefined || last === undefined) return null; // an empty choice matches anywhere: nothing to gain
    const source = re.source.slice(first.start, last.end);
    const letter = first.atom.kind === 'char' && first.min === 1 && first.max === 1 && /^[A-Za-z]$/.test(first.atom.source) ? first.atom.source : undefined;
    if (letter === undefined) {
      others.push(source);
      continue;
    }
    const key = caseless ? letter.toLowerCase() : letter;
    let group = byLetter.get(key);
    if (group === undefined) byLetter.set(key, (group = { letter, rests: [] }));
    group.rests.push(re.source.slice(first.end, last.end));
  }
  if (byLetter.size === tree.branches.length - others.length) return null; // no two choices share a letter
  const grouped = [...byLetter.values()].map(({ letter, rests }) => (rests.length === 1 ? letter + rests[0] : `${letter}(?:${rests.join('|')})`));
  return [...grouped, ...others].join('|');
}
