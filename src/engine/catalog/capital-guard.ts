/**
 * V8 cannot skip ahead over text that cannot start a match when a pattern
 * opens with `\p{Lu}`: it tests the whole Unicode class at every position,
 * and the identifiers' patterns for capitalised names scan each post that way.
 * A lookahead for a small superset of the opening characters lets it skip
 * again (two to three times faster), and matches exactly the same, since every
 * match starts with one of them.
 */
import { firstOfAlternation, parseRegex } from './regex-tree.js';

// Uppercase letters below U+00C0 are A-Z only; above, the class takes everything.
const UPPER_OR_BEYOND_LATIN1 = 'A-Z\\u00C0-\\u{10FFFF}';
const UPPERCASE = /^\\p\{Lu\}$|^\[\\p\{Lu\}\]$/;
const PLAIN_LITERAL = /^[A-Za-z0-9 ,'’.@#&]$/;
const CHEAP_ESCAPE = /^\\[dswDSW.(),'’]$/;
// A class of plain characters, ranges and \d, \s, \w, not negated and with no hyphen at either end (which,
// joined to another member, would read as a range): its members go into the guard as they are.
const PLAIN_CLASS = /^\[(?![\^-])(?:[^\\\]]|\\[dsw])+(?<!-)\]$/;

/** The source with a lookahead for its opening characters in front, when it opens with \p{Lu} under the u flag. */
export function guardCapitals(source: string, flags: string): string {
  if (!flags.includes('u') || !source.includes('\\p{Lu}')) return source;
  const tree = parseRegex(source);
  if (tree === undefined) return source;
  const first = firstOfAlternation(tree);
  if (first.nullable || first.any || !first.sources.some((s) => UPPERCASE.test(s))) return source;
  const members: string[] = [];
  for (const s of first.sources) {
    if (UPPERCASE.test(s)) members.push(UPPER_OR_BEYOND_LATIN1);
    else if (PLAIN_LITERAL.test(s)) members.push(s === '.' ? '\\.' : s);
    else if (CHEAP_ESCAPE.test(s)) members.push(s);
    else if (PLAIN_CLASS.test(s)) members.push(s.slice(1, -1));
    else return source;
  }
  const guard = `(?=[${[...new Set(members)].join('')}])`;
  if (tree.branches.length > 1) return `${guard}(?:${source})`;
  // After a leading lookbehind, which scan.ts takes off and checks on its own (it must stay first to be found).
  const branch = tree.branches[0] ?? [];
  let at = 0;
  for (const item of branch) {
    if (item.atom.kind !== 'group' || (item.atom.look !== '<!' && item.atom.look !== '<=')) break;
    at = item.end;
  }
  return `${source.slice(0, at)}${guard}${source.slice(at)}`;
}
