/**
 * A batch on two threads that share each post's rules (src/cli/split.ts):
 * the shares merge into the review one thread gives, the worker's share is
 * the one used, and a worker that dies or never answers costs nothing but
 * time. The built worker itself runs in parallel.test.ts (the CLI end to end).
 */
import { describe, expect, it } from 'vitest';
import { answerBatch } from '../../src/cli/parallel.js';
import { answerSplit, onMainThread } from '../../src/cli/split.js';
import type { AnsweredChunk } from '../../src/cli/batch.js';
import { getEngine, MAX_DRAFT_CHARS } from '../../src/engine/index.js';

const engine = getEngine();
const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
const mine = (i: number) => onMainThread(engine, i);
const theirs = (i: number) => !onMainThread(engine, i);

const POSTS = [
  'Mrs. Okafor in bed 4 had her fusion today and is already walking!',
  'This injection is guaranteed to cure your back pain, no exceptions.',
  'New EHR password for the front desk is Spine2024! until IT resets it.',
  'Great turnout at the spine journal club tonight. Thanks, everyone.',
  'Our patient Raj, 34, from Dalton Falls: herniated L4-5, back at work in 3 weeks, guaranteed results every time.',
];

function batch(count: number): Uint8Array[] {
  const encode = (s: string) => new TextEncoder().encode(s);
  return Array.from({ length: count }, (_, i) => {
    if (i % 37 === 5) return encode('');
    if (i % 41 === 9) return encode('{not json');
    if (i % 43 === 11) return new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]);
    if (i === 20) return encode(JSON.stringify({ id: i, text: 'x'.repeat(MAX_DRAFT_CHARS + 1) }));
    return encode(JSON.stringify({ id: `p${i}`, text: POSTS[i % POSTS.length] }));
  });
}

async function oneThread(lines: Uint8Array[]): Promise<string[]> {
  const out: string[] = [];
  await answerBatch(lines, 1, () => (text, options) => engine.review(text, options), (c: AnsweredChunk) => out.push(...c.answers));
  return out;
}

async function split(lines: Uint8Array[], worker: string, patienceMs?: number): Promise<string[]> {
  const out: string[] = [];
  await answerSplit(lines, () => engine, (c) => out.push(...c.answers), { workerFile: fixture(worker), ...(patienceMs ? { patienceMs } : {}) });
  return out;
}

describe('sharing the rules between two threads', () => {
  it('splits the catalogue: the identifier rules and the profanity rule on the main thread, every other rule on the worker', () => {
    const main = engine.rules.filter((_, i) => mine(i));
    const detectorOf = (r: (typeof main)[number]) => (r.spec.detect.kind === 'detector' ? r.spec.detect.name : r.spec.detect.kind);
    expect(main.filter((r) => detectorOf(r) === 'identifiers').length).toBeGreaterThan(5);
    expect(main.filter((r) => detectorOf(r) !== 'identifiers').map((r) => r.spec.id)).toEqual(['professionalism.profanity']);
    expect(main.length).toBeLessThan(engine.rules.length);
    expect(engine.rules.filter((r) => detectorOf(r) === 'identifiers').every((r) => main.includes(r))).toBe(true);
  });

  it('merges the two shares, cloned as between threads and in either order, into the review one thread gives', () => {
    const texts = [...POSTS];
    for (const { spec } of engine.rules) for (const e of spec.examples.flag) texts.push(typeof e === 'string' ? e : e.text);
    for (const text of texts) {
      const a = structuredClone(engine.locate(text, {}, mine));
      const b = structuredClone(engine.locate(text, {}, theirs));
      const whole = engine.review(text);
      expect(engine.finish(text, [...a, ...b])).toEqual(whole);
      expect(engine.finish(text, [...b, ...a])).toEqual(whole);
    }
  });

  it('answers like one thread when the worker script is absent', async () => {
    const lines = batch(90);
    expect(await split(lines, 'no-such-worker.mjs')).toEqual(await oneThread(lines));
  });

  it('uses the worker’s share of each post', async () => {
    // This worker finds nothing, so only the main thread's rules' findings can be left.
    const lines = batch(40);
    const answers = (await split(lines, 'split-empty-worker.mjs')).map((a) => JSON.parse(a) as { findings?: { rule: string }[] });
    const mainRules = new Set(engine.rules.filter((_, i) => mine(i)).map((r) => r.spec.id));
    const rules = answers.flatMap((a) => a.findings ?? []).map((f) => f.rule);
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.filter((r) => !mainRules.has(r))).toEqual([]);
    expect((await oneThread(lines)).some((a) => (JSON.parse(a) as { findings?: { rule: string }[] }).findings?.some((f) => !mainRules.has(f.rule)))).toBe(true);
  });

  it('finishes alone, losing and doubling nothing, when the worker dies after its first chunk', async () => {
    const lines = batch(150);
    expect(await split(lines, 'split-dying-worker.mjs')).toEqual(await oneThread(lines));
  });

  it('stops waiting for a worker that never answers', async () => {
    const lines = batch(70);
    expect(await split(lines, 'silent-worker.mjs', 50)).toEqual(await oneThread(lines));
  });
});
