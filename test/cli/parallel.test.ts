import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AnsweredChunk, Reviewer } from '../../src/cli/batch.js';
import { answerBatch, CHUNK_LINES, threadsFor } from '../../src/cli/parallel.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
const ROOT = join(HERE, '..', '..');

// Answers the way fixtures/echo-worker.mjs does, slowly enough that the workers get chunks.
let reviewedHere = 0;
const pause = new Int32Array(new SharedArrayBuffer(4));
const echo: Reviewer = (text) => {
  reviewedHere++;
  Atomics.wait(pause, 0, 0, 2);
  return { findings: [], rewrite: text };
};

function batch(count: number): Uint8Array[] {
  return Array.from({ length: count }, (_, i) => new TextEncoder().encode(i % 50 === 7 ? '' : JSON.stringify({ id: `p${i}`, text: `post ${i}` })));
}

async function run(lines: Uint8Array[], jobs: number, worker: string): Promise<string[]> {
  const out: string[] = [];
  reviewedHere = 0;
  await answerBatch(lines, jobs, () => echo, (chunk: AnsweredChunk) => out.push(...chunk.answers), { workerFile: fixture(worker), minLines: 10 });
  return out;
}

describe('parallel batch', () => {
  it('gives every thread a share only when the batch is large enough', () => {
    expect(threadsFor(300, 4)).toBe(1);
    expect(threadsFor(1_000, 4)).toBe(1);
    expect(threadsFor(2_000, 4)).toBe(2);
    expect(threadsFor(10_000, 4)).toBe(4);
    expect(threadsFor(10_000, 1)).toBe(1);
  });

  it('answers every line once, in input order, with workers taking chunks', async () => {
    const lines = batch(CHUNK_LINES * 12 + 5);
    const alone = await run(lines, 1, 'echo-worker.mjs');
    const answered = alone.length;
    expect(answered).toBe(lines.length - Math.ceil(lines.length / 50));
    expect(reviewedHere).toBe(answered);
    const shared = await run(lines, 3, 'echo-worker.mjs');
    expect(shared).toEqual(alone);
    expect(reviewedHere).toBeLessThan(answered);
  });

  it('answers the chunk of a worker that died holding it, losing and doubling nothing', async () => {
    const lines = batch(CHUNK_LINES * 6);
    const alone = await run(lines, 1, 'echo-worker.mjs');
    expect(await run(lines, 2, 'crash-worker.mjs')).toEqual(alone);
    expect(reviewedHere).toBe(alone.length);
  });

  it('finishes on the main thread when a worker never starts', async () => {
    const lines = batch(CHUNK_LINES * 4);
    expect(await run(lines, 2, 'silent-worker.mjs')).toEqual(await run(lines, 1, 'echo-worker.mjs'));
  });

  it('the built command answers a batch the same with one thread or two (sharing the rules)', () => {
    const bin = join(ROOT, 'dist', 'cli', 'bin.js');
    expect(existsSync(bin), 'dist/ is missing: run npm ci or npm run build first').toBe(true);
    const posts = Array.from({ length: 540 }, (_, i) =>
      i === 100 ? '{not json' : JSON.stringify({ id: i, text: i % 3 === 0 ? `Mrs. Okafor in bed ${i} had her fusion today` : `Post ${i}: rest, then walk a little more each day.` }),
    );
    const input = `${posts.join('\n')}\n\n`;
    const one = spawnSync(process.execPath, [bin, 'review', '--jsonl', '--jobs', '1'], { input, encoding: 'utf8' });
    const two = spawnSync(process.execPath, [bin, 'review', '--jsonl', '--jobs', '2'], { input, encoding: 'utf8' });
    expect(one.status).toBe(2);
    expect(two.status).toBe(one.status);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout.trim().split('\n')).toHaveLength(540);
  });
});
