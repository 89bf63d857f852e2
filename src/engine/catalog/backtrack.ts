/**
 * The second half of the catastrophic-backtracking check (safe-regex2 does
 * the first: nested quantifiers). A repeated group whose alternatives can
 * start with the same character, such as `(x|x)*y`, `(a|aa)+$` or
 * `(\w|\d)+$`, gives the engine two ways to consume each character, so a
 * failing match tries 2^n paths even though no quantifier is nested.
 *
 * The pattern is read into a small tree (enough of JavaScript's syntax with
 * the u flag for this question); which characters an atom can match is
 * decided by the JavaScript engine itself, by testing a probe alphabet.
 */
import { firstOf, firstOfAlternation, parseRegex as parse, type Alternation, type Atom, type First, type Item } from './regex-tree.js';

/** Repeats of more than this many times count as unbounded. */
const MAX_HARMLESS_REPEAT = 10;

/** Sources of the characters a branch must start with, one per position, as far as they are fixed. */
function fixedPrefix(items: readonly Item[]): string[] {
  const out: string[] = [];
  for (const { atom, min, max } of items) {
    if (atom.kind === 'assertion' || (atom.kind === 'group' && atom.lookaround)) continue;
    if (atom.kind !== 'char' || min !== max || min > 8) break;
    for (let k = 0; k < min; k++) out.push(atom.source);
  }
  return out;
}

// Characters to test two sets against: all of Latin-1 and the blocks next to
// it, a sample of the rest of Unicode, and the odd ones case-insensitive
// matching and \s bring in. Built on first need, since most patterns never ask.
let probes: string[] | undefined;
function getProbes(): string[] {
  if (!probes) {
    const cps = new Set<number>();
    for (let cp = 0; cp <= 0x2ff; cp++) cps.add(cp);
    for (let cp = 0x300; cp <= 0xffff; cp += 61) cps.add(cp);
    for (let cp = 0x10000; cp <= 0x10ffff; cp += 997) cps.add(cp);
    const odd = [0x1680, 0x180e, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff, 0x17f, 0x212a, 0x212b, 0x1e9e, 0x3c2, 0x390, 0x3b0];
    for (let cp = 0x2000; cp <= 0x200a; cp++) cps.add(cp);
    for (const cp of odd) cps.add(cp);
    for (let cp = 0xd800; cp <= 0xdfff; cp += 0x3ff) cps.add(cp);
    probes = [...cps].map((cp) => String.fromCodePoint(cp));
  }
  return probes;
}

/** The character an atom's source stands for when it is a plain literal ("a", "😀", "\\."). */
function literal(source: string): string | undefined {
  if (source === '.') return undefined;
  if (source.length === 1 || (source.length === 2 && (source.codePointAt(0) ?? 0) > 0xffff)) return source;
  if (source.length === 2 && source[0] === '\\' && /[^\p{L}\p{N}\s_]/u.test(source[1] as string)) return source[1];
  return undefined;
}

/**
 * Character sets of atoms, compared by testing the probe alphabet. Each
 * set's members are found once (a bitmap over the probes) and kept for every
 * later pattern with the same flags: the catalogue reuses a few classes
 * (\s, \w, [\w-], [^.!?\n]) in hundreds of patterns.
 */
class CharSets {
  private readonly matchers = new Map<string, RegExp>();
  private readonly members = new Map<string, Uint8Array>();
  private readonly pairs = new Map<string, boolean>();
  private constructor(private readonly flags: string) {}

  private static readonly byFlags = new Map<string, CharSets>();

  static for(flags: string): CharSets {
    let sets = CharSets.byFlags.get(flags);
    if (!sets) {
      sets = new CharSets(flags);
      CharSets.byFlags.set(flags, sets);
    }
    return sets;
  }

  private matcher(source: string): RegExp {
    let re = this.matchers.get(source);
    if (!re) {
      try {
        re = new RegExp(`^(?:${source})$`, this.flags);
      } catch {
        re = /^[^]$/u; // not readable alone: assume it can be anything
      }
      this.matchers.set(source, re);
    }
    return re;
  }

  private membersOf(source: string): Uint8Array {
    let bits = this.members.get(source);
    if (!bits) {
      const re = this.matcher(source);
      const probes = getProbes();
      bits = new Uint8Array(probes.length);
      for (let i = 0; i < probes.length; i++) if (re.test(probes[i] as string)) bits[i] = 1;
      this.members.set(source, bits);
    }
    return bits;
  }

  /** Whether every character of `a` (among the probes) is in `b`. */
  within(a: string, b: string): boolean {
    if (a === b) return true;
    const [ma, mb] = [this.membersOf(a), this.membersOf(b)];
    for (let i = 0; i < ma.length; i++) if (ma[i] === 1 && mb[i] !== 1) return false;
    return true;
  }

  /** Whether some character is in both sets. */
  intersect(a: string, b: string): boolean {
    if (a === b) return true;
    // A literal character is in the other set or not: one test, no probing.
    const la = literal(a);
    if (la !== undefined) return this.matcher(b).test(la);
    const lb = literal(b);
    if (lb !== undefined) return this.matcher(a).test(lb);
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    let hit = this.pairs.get(key);
    if (hit === undefined) {
      const ma = this.membersOf(a);
      const mb = this.membersOf(b);
      hit = false;
      for (let i = 0; i < ma.length; i++) {
        if (ma[i] === 1 && mb[i] === 1) {
          hit = true;
          break;
        }
      }
      this.pairs.set(key, hit);
    }
    return hit;
  }

  anyIntersect(as: readonly string[], bs: readonly string[]): boolean {
    return as.some((a) => bs.some((b) => this.intersect(a, b)));
  }
}

/** Whether two alternatives of a repeated group can both match at the same place. */
function branchesOverlap(a: readonly Item[], b: readonly Item[], sets: CharSets): boolean {
  const pa = fixedPrefix(a);
  const pb = fixedPrefix(b);
  // "foo|fab": both must start with fixed characters that part ways at the second.
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (!sets.intersect(pa[i] as string, pb[i] as string)) return false;
  }
  const fa = firstOf(a);
  const fb = firstOf(b);
  if (fa.nullable || fb.nullable || fa.any || fb.any) return true;
  return sets.anyIntersect(fa.sources, fb.sources);
}

/**
 * Whether repeats nest in a way that can backtrack catastrophically:
 * unbounded repeats inside unbounded ones (`(a+)+`, star height 2), or a small
 * bounded repeat of a body whose inner unbounded repeat is not fenced off from
 * what follows it: `(?:\w+){1,5}x` can cut one run of letters in n^5 ways,
 * while `(?:[\w-]+\s){0,3}` cannot, since every \w+ must stop at a space.
 * Repeats of at most MAX_HARMLESS_REPEAT times count as bounded; an optional
 * group (`(?:\s+of)?`) is not a repeat at all, though safe-regex2 counts every
 * quantifier alike. Undefined when the pattern cannot be read.
 */
export function nestedRepeats(source: string, flags = 'iu'): boolean | undefined {
  // Nesting needs a group that repeats: most patterns have none.
  if (!/\)(?:[*+]|\{\d)/.test(source)) return false;
  const tree = parse(source);
  if (!tree) return undefined;
  const height = (alt: Alternation): number => {
    let h = 0;
    for (const branch of alt.branches) {
      for (const { atom, max } of branch) {
        const inner = atom.kind === 'group' ? height(atom.body) : 0;
        h = Math.max(h, inner + (max > MAX_HARMLESS_REPEAT ? 1 : 0));
      }
    }
    return h;
  };
  if (height(tree) > 1) return true;
  const sets = CharSets.for(checkFlags(flags));
  let found = false;
  const visit = (alt: Alternation): void => {
    for (const branch of alt.branches) {
      for (const { atom, max } of branch) {
        if (found || atom.kind !== 'group') continue;
        if (!atom.lookaround && max > 1 && max <= MAX_HARMLESS_REPEAT && !fenced(atom.body, firstOfAlternation(atom.body), sets)) {
          found = true;
          return;
        }
        visit(atom.body);
      }
    }
  };
  visit(tree);
  return found;
}

/**
 * Whether every unbounded repeat in `alt` must stop where the next character
 * cannot continue it: what follows it (within its sequence, else `after`,
 * here the next repetition's start) shares no character with it.
 */
function fenced(alt: Alternation, after: First, sets: CharSets): boolean {
  for (const branch of alt.branches) {
    for (let i = 0; i < branch.length; i++) {
      const { atom, max } = branch[i] as Item;
      const rest = firstOf(branch, i + 1);
      const follow: First = rest.nullable
        ? { sources: [...rest.sources, ...after.sources], any: rest.any || after.any, nullable: after.nullable }
        : rest;
      if (atom.kind === 'group' && !atom.lookaround) {
        if (!fenced(atom.body, follow, sets)) return false;
        continue;
      }
      if (atom.kind !== 'char' || max <= MAX_HARMLESS_REPEAT) continue;
      if (follow.any || follow.nullable || follow.sources.some((f) => sets.intersect(atom.source, f))) return false;
    }
  }
  return true;
}

function checkFlags(flags: string): string {
  const run = flags.replace(/[gy]/g, '');
  return run.includes('u') ? run : `${run}u`;
}

/** A closing parenthesis followed by a quantifier that can repeat: `)*`, `)+`, `){2,}`, `){1,30}`, `){12}`. */
const REPEATED_GROUP = /\)(?:[*+]|\{\d*,\d*\}|\{\d{2,}\})/;

/**
 * The source of the first repeated group whose alternatives overlap, or
 * undefined when there is none. `flags` are those the pattern runs with
 * (case-insensitivity makes "a|A" overlap).
 */
export function findAmbiguousRepeat(source: string, flags = 'iu'): string | undefined {
  // Most patterns repeat no group at all: nothing to look for (this runs for every pattern at start-up).
  if (!REPEATED_GROUP.test(source)) return undefined;
  const tree = parse(source);
  if (!tree) return undefined;
  const sets = CharSets.for(checkFlags(flags));
  let found: string | undefined;
  // An alternation anywhere inside a repeated group is tried once per
  // repetition: if two of its alternatives overlap, the paths multiply.
  const visit = (alt: Alternation, repeated: boolean): void => {
    if (found !== undefined) return;
    if (repeated && alt.branches.length > 1) {
      const bs = alt.branches;
      for (let i = 0; i < bs.length && found === undefined; i++) {
        for (let j = i + 1; j < bs.length && found === undefined; j++) {
          if (branchesOverlap(bs[i] as Item[], bs[j] as Item[], sets)) found = describe(alt);
        }
      }
    }
    for (const branch of alt.branches) {
      for (const item of branch) {
        if (found !== undefined || item.atom.kind !== 'group') continue;
        if (item.atom.lookaround) {
          // A lookaround is atomic: once it has answered, a repeat around it
          // never backtracks into it, so only repeats inside it count.
          visit(item.atom.body, false);
          continue;
        }
        const many = item.max > MAX_HARMLESS_REPEAT;
        // (a?){25}: every repetition may take a character or nothing.
        const first = firstOfAlternation(item.atom.body);
        if (many && first.nullable && (first.sources.length > 0 || first.any)) found = `${describe(item.atom.body)} (can match nothing)`;
        visit(item.atom.body, repeated || many);
      }
    }
  };
  visit(tree, false);
  return found;
}

function describe(body: Alternation): string {
  const show = (items: readonly Item[]): string => items.map((i) => (i.atom.kind === 'char' ? i.atom.source : '…')).join('');
  return body.branches.map(show).join('|');
}

/** Longest run a pattern may open with (URL labels are at most 63 characters). */
export const MAX_LEADING_RUN = 64;


/**
 * The repeat a pattern opens with when it has no upper bound (or one above
 * MAX_LEADING_RUN), else undefined. A scan tries the pattern at every
 * position: `\b[a-z0-9-]+\.com` on a draft of 40,000 digits and dashes reads
 * to the end of the run from each of them, and a review took 1.3 s. Bounded
 * (`[a-z0-9-]{1,63}\.com`), each try reads at most the bound.
 */
export function leadingRun(source: string, flags = 'iu'): string | undefined {
  // A pattern with no unbounded quantifier cannot open with one.
  if (!/[+*]|\{\d+,\d*\}/.test(source)) return undefined;
  const tree = parse(source);
  if (!tree) return undefined;
  const sets = CharSets.for(checkFlags(flags));
  // Only word characters: after \b such a repeat starts where a word does and cannot run past its end.
  const wordOnly = (atom: Atom): boolean => {
    if (atom.kind === 'char') return sets.within(atom.source, '\\w');
    if (atom.kind !== 'group' || atom.lookaround) return false;
    return atom.body.branches.every((branch) => branch.every((item) => item.atom.kind === 'assertion' || wordOnly(item.atom)));
  };
  const anchored = !flags.includes('m');
  const visit = (alt: Alternation, afterWordStart: boolean, top: boolean, outerNotAfter?: string): string | undefined => {
    for (const branch of alt.branches) {
      // `^\s+x` (no m flag) is tried at the start only.
      if (anchored && branch[0]?.atom.kind === 'assertion' && branch[0].atom.source === '^') continue;
      let atWordStart = afterWordStart;
      // The class a negative lookbehind just before the run keeps out: `(?<![\w.-])[a-z.-]+`.
      let notAfter: string | undefined = outerNotAfter;
      for (let i = 0; i < branch.length; i++) {
        const { atom, min, max } = branch[i] as Item;
        if (atom.kind === 'assertion' || (atom.kind === 'group' && atom.lookaround)) {
          atWordStart ||= atom.kind === 'assertion' && atom.source === '\\b';
          if (atom.kind === 'group' && atom.look === '<!') notAfter = singleClass(atom.body);
          continue;
        }
        // `\bw+` or `(?<![\w.-])[a-z.-]+`: tried only where a run of its characters starts, and it
        // reads that run once. Linear.
        // White space: normalize.ts cuts its runs to MAX_SPACE_RUN characters, so a run of it is short.
        // Asked only of an unbounded repeat: probing a class costs thousands of tests, and most openings are bounded.
        const runStart = () =>
          (atWordStart && wordOnly(atom)) ||
          (atom.kind === 'char' && ((notAfter !== undefined && sets.within(atom.source, notAfter)) || sets.within(atom.source, '\\s')));
        // `\s+` with nothing required after it matches the whole run at its first character.
        const endsMatch = () => top && firstOf(branch, i + 1).nullable;
        if (max > MAX_LEADING_RUN && !runStart() && !endsMatch()) return atom.kind === 'char' ? `${atom.source} repeated without bound` : 'a group repeated without bound';
        if (atom.kind === 'group') {
          const inner = visit(atom.body, atWordStart, false, notAfter);
          if (inner !== undefined) return inner;
        }
        const optional = min === 0 || (atom.kind === 'group' && firstOfAlternation(atom.body).nullable);
        if (!optional) break;
        // Past an optional part, the run may start where that part would have ended.
        atWordStart = false;
        notAfter = undefined;
      }
    }
    return undefined;
  };
  return visit(tree, false, true);
}

/** The class of a body that is one character: `[\w.-]` in `(?<![\w.-])`. */
function singleClass(body: Alternation): string | undefined {
  const only = body.branches.length === 1 ? body.branches[0] : undefined;
  const item = only?.length === 1 ? only[0] : undefined;
  return item && item.atom.kind === 'char' && item.min === 1 && item.max === 1 ? item.atom.source : undefined;
}
