/**
 * A large `--jsonl` batch reviewed on three or more cores: the main thread
 * and `jobs - 1` worker threads claim chunks of lines from a shared counter,
 * and the answers leave in input order. A worker needs about a fifth of a
 * second to load the engine, and more to warm up, so small batches stay on
 * the main thread; with two threads the batch shares rules, not posts
 * (split.ts), which does not repeat the warm-up.
 *
 * Workers run the built `batch-worker.js`; where it is absent (the tests run
 * the TypeScript sources), the batch runs on the main thread alone, with the
 * same answers.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { answerChunk, type AnsweredChunk, type Reviewer } from './batch.js';
import { claimChunk, isChunkAnswer, type BatchStart } from './batch-messages.js';

/** Lines per chunk: small enough to share the tail of a batch evenly, large enough to keep messages few. */
export const CHUNK_LINES = 32;
/**
 * Below this many lines a worker costs more than it saves: it needs about a
 * fifth of a second to load, and its first few hundred reviews run slower
 * while V8 compiles patterns and optimises code; meanwhile a single thread
 * already keeps the second core busy with V8's background compiling and
 * garbage collection. Measured on 2 cores: 600 lines 1.33 s on one thread,
 * 1.51 s on two; 1,500 lines about even; 2,000 lines 2.41 s and 2.30 s.
 */
export const PARALLEL_MIN_LINES = 1_500;

/** The worker script of both kinds of parallel batch (this file's and split.ts's). */
export const WORKER_FILE = new URL('./batch-worker.js', import.meta.url);

export interface BatchOptions {
  /** The worker script (tests give their own). */
  workerFile?: URL;
  /** Below this many lines the batch stays on the main thread. */
  minLines?: number;
}

/** How many threads a batch of `lineCount` lines gets when `jobs` were asked for: each gets at least half of `minLines`. */
export function threadsFor(lineCount: number, jobs: number, minLines: number = PARALLEL_MIN_LINES): number {
  if (jobs <= 1 || lineCount < minLines) return 1;
  return Math.max(1, Math.min(jobs, Math.floor(lineCount / Math.max(1, minLines / 2))));
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Answers every line, calling `emit` with each chunk's answers in input
 * order. `getReviewer` is called once the workers are starting, so they load
 * their engines while the main thread loads its own. Once every chunk is
 * claimed, the main thread also answers any still unanswered (a worker's in
 * hand, or one a worker died holding) and the first answer counts, so a batch
 * never waits on a stuck worker and never loses or doubles a line.
 */
export async function answerBatch(
  lines: readonly Uint8Array[],
  jobs: number,
  getReviewer: () => Reviewer | Promise<Reviewer>,
  emit: (chunk: AnsweredChunk) => void,
  options: BatchOptions = {},
): Promise<void> {
  const workerFile = options.workerFile ?? WORKER_FILE;
  const chunkCount = Math.ceil(lines.length / CHUNK_LINES);
  const threads = existsSync(fileURLToPath(workerFile)) ? threadsFor(lines.length, jobs, options.minLines) : 1;
  const done: (AnsweredChunk | undefined)[] = new Array(chunkCount);
  let emitted = 0;
  const flush = () => {
    for (; emitted < chunkCount && done[emitted] !== undefined; emitted++) emit(done[emitted] as AnsweredChunk);
  };
  const answer = (index: number, reviewer: Reviewer) => {
    done[index] = answerChunk(lines, index, CHUNK_LINES, reviewer);
  };

  const shared = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const next = new Int32Array(shared);
  const workers: Worker[] = [];
  const start: BatchStart = { lines: [...lines], chunkLines: CHUNK_LINES, next: shared };
  for (let i = 1; i < threads; i++) {
    const worker = new Worker(workerFile);
    workers.push(worker);
    worker.on('message', (message: unknown) => {
      // The first answer to a chunk counts; a later one (the main thread took it over) is dropped.
      if (isChunkAnswer(message) && message.index >= 0 && message.index < chunkCount && done[message.index] === undefined) {
        done[message.index] = { answers: message.answers, failed: message.failed };
        flush();
      }
    });
    // A worker that fails leaves its chunk unanswered; the main thread takes it below.
    worker.on('error', () => {});
    worker.postMessage(start);
  }

  try {
    const reviewer = await getReviewer();
    for (let index = claimChunk(next, chunkCount); index !== -1; index = claimChunk(next, chunkCount)) {
      answer(index, reviewer);
      flush();
      // Let the workers' answers in, so they leave as soon as their turn comes.
      if (workers.length > 0) await nextTurn();
    }
    // Every chunk is claimed. Those still unanswered are in a worker's hands (or were, if it
    // died): rather than wait on it, the main thread answers them too, and the first answer counts.
    for (let index = 0; index < chunkCount; index++) {
      if (done[index] !== undefined) continue;
      if (workers.length > 0) await nextTurn();
      if (done[index] === undefined) answer(index, reviewer);
      flush();
    }
    flush();
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
