/**
 * A pattern read into a small tree: enough of JavaScript's syntax with the u
 * flag for the questions the catalogue's checks and tuning ask (which
 * characters a branch can start with, how repeats nest), with each item's
 * place in the source so that a pass can rewrite it.
 */
export interface Alternation {
  branches: Item[][];
}

export interface Item {
  atom: Atom;
  min: number;
  max: number;
  /** Where the atom starts in the source, and where its quantifier ends. */
  start: number;
  end: number;
}

export type Atom =
  | { kind: 'char'; source: string } // one character: literal, class, escape or dot
  | { kind: 'group'; body: Alternation; lookaround: boolean; look?: '=' | '!' | '<=' | '<!' }
  | { kind: 'assertion'; source: string } // ^ $ \b \B
  | { kind: 'backref' };

class Reader {
  at = 0;
  constructor(readonly source: string) {}
  peek(offset = 0): string {
    return this.source[this.at + offset] ?? '';
  }
  done(): boolean {
    return this.at >= this.source.length;
  }
}

function parseAlternation(r: Reader): Alternation {
  const branches: Item[][] = [[]];
  while (!r.done() && r.peek() !== ')') {
    if (r.peek() === '|') {
      r.at++;
      branches.push([]);
      continue;
    }
    const start = r.at;
    const atom = parseAtom(r);
    const [min, max] = parseQuantifier(r);
    (branches[branches.length - 1] as Item[]).push({ atom, min, max, start, end: r.at });
  }
  return { branches };
}

function parseAtom(r: Reader): Atom {
  const start = r.at;
  const ch = r.peek();
  if (ch === '(') {
    r.at++;
    let lookaround = false;
    let look: '=' | '!' | '<=' | '<!' | undefined;
    if (r.peek() === '?') {
      const next = r.peek(1);
      if (next === ':') r.at += 2;
      else if (next === '=' || next === '!') {
        r.at += 2;
        lookaround = true;
        look = next;
      } else if (next === '<' && (r.peek(2) === '=' || r.peek(2) === '!')) {
        look = r.peek(2) === '=' ? '<=' : '<!';
        r.at += 3;
        lookaround = true;
      } else if (next === '<') {
        const close = r.source.indexOf('>', r.at);
        r.at = close === -1 ? r.source.length : close + 1;
      } else r.at += 1;
    }
    const body = parseAlternation(r);
    if (r.peek() === ')') r.at++;
    return look === undefined ? { kind: 'group', body, lookaround } : { kind: 'group', body, lookaround, look };
  }
  if (ch === '[') {
    r.at++;
    if (r.peek() === '^') r.at++;
    while (!r.done() && r.peek() !== ']') r.at += r.peek() === '\\' ? 2 : 1;
    r.at++;
    return { kind: 'char', source: r.source.slice(start, r.at) };
  }
  if (ch === '^' || ch === '$') {
    r.at++;
    return { kind: 'assertion', source: ch };
  }
  if (ch === '\\') {
    const next = r.peek(1);
    r.at += 2;
    if (next === 'b' || next === 'B') return { kind: 'assertion', source: `\\${next}` };
    if (/[1-9]/.test(next)) {
      while (/\d/.test(r.peek())) r.at++;
      return { kind: 'backref' };
    }
    if (next === 'k' && r.peek() === '<') {
      const close = r.source.indexOf('>', r.at);
      r.at = close === -1 ? r.source.length : close + 1;
      return { kind: 'backref' };
    }
    if ((next === 'p' || next === 'P' || next === 'u') && r.peek() === '{') {
      const close = r.source.indexOf('}', r.at);
      r.at = close === -1 ? r.source.length : close + 1;
    } else if (next === 'u') r.at += 4;
    else if (next === 'x') r.at += 2;
    else if (next === 'c') r.at += 1;
    return { kind: 'char', source: r.source.slice(start, r.at) };
  }
  // A literal (a whole code point, so an astral character is one atom).
  const cp = r.source.codePointAt(r.at) ?? 0;
  r.at += cp > 0xffff ? 2 : 1;
  return { kind: 'char', source: r.source.slice(start, r.at) };
}

function parseQuantifier(r: Reader): [number, number] {
  let min = 1;
  let max = 1;
  const ch = r.peek();
  if (ch === '*') [min, max] = [0, Infinity];
  else if (ch === '+') [min, max] = [1, Infinity];
  else if (ch === '?') [min, max] = [0, 1];
  else if (ch === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(r.source.slice(r.at));
    if (!m) return [1, 1];
    min = Number(m[1]);
    max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    r.at += m[0].length - 1;
  } else return [1, 1];
  r.at++;
  if (r.peek() === '?') r.at++; // lazy: the same paths, tried in another order
  return [min, max];
}

// The safety checks and the tuning passes read each pattern in turn, one after another: the last tree is kept for
// them. (Keeping every tree costs more than reading again: they would all live on into the old generation.)
let last: { source: string; tree: Alternation | undefined } | undefined;

/** The tree of a pattern, or undefined when it cannot be read. Shared between callers: never to be changed. */
export function parseRegex(source: string): Alternation | undefined {
  if (last?.source === source) return last.tree;
  let tree: Alternation | undefined;
  try {
    tree = parseAlternation(new Reader(source));
  } catch {
    tree = undefined;
  }
  last = { source, tree };
  return tree;
}

/** Characters that can start a match of items[from..], and whether they can all match nothing. */
export interface First {
  sources: string[];
  any: boolean; // unknown (a back-reference): could be anything
  nullable: boolean;
}

export function firstOf(items: readonly Item[], from = 0): First {
  const out: First = { sources: [], any: false, nullable: true };
  for (let i = from; i < items.length; i++) {
    const { atom, min } = items[i] as Item;
    if (atom.kind === 'assertion' || (atom.kind === 'group' && atom.lookaround)) continue;
    if (atom.kind === 'backref') {
      out.any = true;
      out.nullable = false;
      return out;
    }
    let nullable = min === 0;
    if (atom.kind === 'char') out.sources.push(atom.source);
    else {
      const inner = firstOfAlternation(atom.body);
      out.sources.push(...inner.sources);
      out.any ||= inner.any;
      nullable ||= inner.nullable;
    }
    if (!nullable) {
      out.nullable = false;
      return out;
    }
  }
  return out;
}

export function firstOfAlternation(alt: Alternation): First {
  const out: First = { sources: [], any: false, nullable: false };
  for (const branch of alt.branches) {
    const f = firstOf(branch);
    out.sources.push(...f.sources);
    out.any ||= f.any;
    out.nullable ||= f.nullable;
  }
  return out;
}
