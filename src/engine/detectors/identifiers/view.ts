/**
 * People hide identifiers from filters by spacing them out: "5 5 5 - 0 1 2 3",
 * "j o h n". Recognizers read a view of the post where every run of three or
 * more single characters separated by single spaces is closed up, and their
 * spans are mapped back to the post's text. Runs like that almost never occur
 * in ordinary prose, so closing them up costs nothing elsewhere.
 */

// Three or more single non-space characters, each separated by one space; the run may sit
// against punctuation ("(1 1 / 0 2 / 1 9 5 9)", "7 7 3 0, first").
const SPACED_RUN = /(?<![\p{L}\p{N}])\S(?: \S){2,}(?![\p{L}\p{N}])/gu;
// What a run hides is letters and digits; punctuation around one letter ('!" — A patient', "5 - I") hides
// nothing, and closing it up would glue sentences together.
const HIDDEN_CHARS = /[\p{L}\p{N}]/gu;
const MIN_HIDDEN = 3;

export interface View {
  /** The post text with spaced-out runs closed up. */
  readonly text: string;
  /** True when nothing was closed up (text is the post's own). */
  readonly identity: boolean;
  /** Maps a span of `text` back to the post's text. */
  toPost(start: number, end: number): [number, number];
  /** True when [start, end) of `text` lies in a run that was closed up. */
  wasSpaced(start: number, end: number): boolean;
}

export function spacingView(text: string): View {
  if (!/\S \S \S/u.test(text)) return identityView(text);
  let out = '';
  // map[i] = offset in the post of view character i.
  const map: number[] = [];
  const runs: [number, number][] = [];
  let at = 0;
  SPACED_RUN.lastIndex = 0;
  for (const m of text.matchAll(SPACED_RUN)) {
    if ((m[0].match(HIDDEN_CHARS)?.length ?? 0) < MIN_HIDDEN) continue;
    const start = m.index ?? 0;
    for (let i = at; i < start; i++) map.push(i);
    out += text.slice(at, start);
    const runStart = out.length;
    for (let i = start; i < start + m[0].length; i++) {
      if (text[i] === ' ') continue;
      map.push(i);
      out += text[i];
    }
    runs.push([runStart, out.length]);
    at = start + m[0].length;
  }
  if (runs.length === 0) return identityView(text);
  for (let i = at; i < text.length; i++) map.push(i);
  out += text.slice(at);
  const postLength = text.length;
  return {
    text: out,
    identity: false,
    toPost(start, end) {
      const s = start >= map.length ? postLength : (map[start] ?? 0);
      const e = end <= 0 ? s : end > map.length ? postLength : (map[end - 1] ?? postLength - 1) + 1;
      return [s, Math.max(s, e)];
    },
    wasSpaced(start, end) {
      return runs.some(([rs, re]) => start < re && end > rs);
    },
  };
}

function identityView(text: string): View {
  return {
    text,
    identity: true,
    toPost: (start, end) => [start, end],
    wasSpaced: () => false,
  };
}
