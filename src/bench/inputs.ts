/**
 * Inputs for the benchmark and the fuzzer: the posts of a JSONL corpus, a
 * draft of the largest size the engine accepts built from them, and long
 * drafts of the shapes that make regular expressions slow.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_DRAFT_CHARS, PLATFORMS, type Engine, type Platform } from '../engine/index.js';

export interface Post {
  id: string;
  text: string;
  platform?: Platform;
}

/** The repository root, whether running from src/ (tests) or dist/ (built). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_CORPUS = join(REPO_ROOT, '..', 'shared', 'eval', 'dev.jsonl');

/** Reads `{"id","text","platform"?}` lines; other fields are ignored. */
export function readPosts(path: string): Post[] {
  const posts: Post[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const raw = JSON.parse(line) as { id?: unknown; text?: unknown; platform?: unknown };
      if (typeof raw.text !== 'string') throw new Error(`${path}:${i + 1}: no "text"`);
      const post: Post = { id: String(raw.id ?? i + 1), text: raw.text };
      if ((PLATFORMS as readonly unknown[]).includes(raw.platform)) post.platform = raw.platform as Platform;
      posts.push(post);
    });
  if (posts.length === 0) throw new Error(`${path}: no posts`);
  return posts;
}

/** Every draft a rule's examples say must flag. */
export function flagExamples(engine: Engine): string[] {
  return engine.rules.flatMap((r) => r.spec.examples.flag.map((e) => (typeof e === 'string' ? e : e.text)));
}

/** The first `count` code points of text. */
export function takeChars(text: string, count: number): string {
  let out = '';
  let n = 0;
  for (const ch of text) {
    if (n++ >= count) break;
    out += ch;
  }
  return out;
}

/**
 * A draft of exactly MAX_DRAFT_CHARS characters, full of findings: the
 * pieces (posts, rule examples) in turn, separated by blank lines, repeated
 * as needed and cut at the limit.
 */
export function longDraft(pieces: readonly string[], chars: number = MAX_DRAFT_CHARS): string {
  if (pieces.length === 0) throw new Error('no pieces to build a draft from');
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const piece = pieces[i % pieces.length] as string;
    parts.push(piece);
    length += [...piece].length + 2;
  }
  return takeChars(parts.join('\n\n'), chars);
}

/** Interleaves two lists: a, b, a, b, … then the rest of the longer one. */
export function interleave<T>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i] as T);
    if (i < b.length) out.push(b[i] as T);
  }
  return out;
}

/**
 * Long drafts of the shapes that make regular expressions slow: one
 * unbroken word, digits, alternating word and space, a trigger word
 * repeated, quotes, line breaks, look-alike letters (so the folded path of
 * normalize runs), zero-width characters, emoji sequences, and one character
 * repeated before a word. Each is cut to `chars` characters.
 */
export function adversarialDrafts(chars: number = MAX_DRAFT_CHARS): { name: string; text: string }[] {
  const fill = (unit: string) => takeChars(unit.repeat(Math.ceil(chars / Math.max(1, [...unit].length)) + 1), chars);
  return [
    { name: 'one unbroken word', text: fill('a') },
    { name: 'one long number', text: fill('7') },
    { name: 'letters and dots', text: fill('a.') },
    { name: 'one-letter words', text: fill('a ') },
    { name: 'capitalised words', text: fill('Smith ') },
    { name: 'a trigger word repeated', text: fill('patient ') },
    { name: 'digits and dashes', text: fill('12-') },
    { name: 'quoted words', text: fill('"no" ') },
    { name: 'lines of one word', text: fill('pain\n') },
    { name: 'look-alike letters', text: fill('раtiеnt ') },
    { name: 'zero-width between letters', text: fill('p\u200Ba\u200Bt ') },
    { name: 'emoji ZWJ sequences', text: fill('👩‍⚕️👨‍👩‍👧‍👦 ok ') },
    { name: 'e-mail-like runs', text: fill('a.b@c') },
    { name: 'url-like runs', text: fill('http://x/') },
    // One character over and over, then a word: a pattern that reads to the end of a run from each of its characters is quadratic here.
    { name: 'white space, then a word', text: `${takeChars(' '.repeat(chars), chars - 5)}hello` },
    { name: 'dots, then a word', text: `${takeChars('.'.repeat(chars), chars - 5)}hello` },
    { name: 'ellipses, then a word', text: `${takeChars('…'.repeat(chars), chars - 5)}hello` },
    { name: 'line breaks, then a word', text: `${takeChars('\n'.repeat(chars), chars - 5)}hello` },
  ];
}
