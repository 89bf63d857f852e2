/**
 * A `--jsonl` batch on two threads that share each post's rules rather than
 * the posts: the main thread runs the identifier rules and the profanity
 * rule, a worker the rest, and the main thread merges the two shares of each post into its Review
 * (Engine.locate and Engine.finish), the same Review one thread gives.
 *
 * Why not half the posts each: a process spends about as long getting ready
 * as reviewing its first thousand posts — loading the engine, compiling its
 * ~1,500 patterns on first use, optimising its code — and a thread that takes
 * half the posts repeats all of it. A thread that takes half the rules
 * compiles and optimises only its half. The identifier rules are about 40% of
 * a review and share one reading of the post, so they stay together, on the
 * main thread, which also merges and writes. That left the worker the longer
 * share: once V8's optimiser stopped taking a core's worth of time
 * (jit-budget.ts), the main thread waited for it about a tenth of a
 * 2,000-post batch. The profanity rule (about 5% of a review) evens them:
 * 2,000 posts 1.36 s against 1.40 s, 4,000 posts 2.11 s against 2.20 s, 600
 * the same. Moving more (also the insecure-channel or the individual-advice
 * rule) tips the balance the other way and is slower.
 *
 * The worker reads the same lines and sends its share of each chunk as soon
 * as it has it; the main thread works out its own share of a chunk before it
 * waits for the worker's. If the worker fails, or falls far behind (a share
 * the main thread could have worked out three times over, and two seconds
 * more), the main thread works out the rest itself: a batch never waits on a
 * stuck worker, and answers alike either way.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Engine, Located } from '../engine/index.js';
import { answerRead, chunkOf, type AnsweredChunk, type NumberedLine } from './batch.js';
import { isSplitShares, type SplitStart } from './batch-messages.js';
import { CHUNK_LINES, WORKER_FILE } from './parallel.js';

/**
 * From two lines, the worker pays: most of a short batch's time goes on
 * getting ready (compiling patterns, optimising code), which the two threads
 * halve. Measured with the bundled command: 20 lines 0.50 s against 0.63 s on
 * one thread, 120 lines 0.60 s against 0.79 s; a single line is 10 ms faster
 * without it.
 */
export const SPLIT_MIN_LINES = 2;

/** How long the main thread waits for a share beyond three times its own, before working it out itself. */
const PATIENCE_MS = 2_000;

export type SplitEngine = Pick<Engine, 'rules' | 'locate' | 'finish'>;

/** The detectors whose rules the main thread runs. */
const MAIN_THREAD_DETECTORS: ReadonlySet<string> = new Set(['identifiers', 'profanity']);

/** Whether the main thread runs rule `index` of the catalogue; the worker runs the others. */
export function onMainThread(engine: Pick<Engine, 'rules'>, index: number): boolean {
  const detect = engine.rules[index]?.spec.detect;
  return detect?.kind === 'detector' && MAIN_THREAD_DETECTORS.has(detect.name);
}

/** Whether the worker runs rule `index`: every rule the main thread does not. */
export function onWorker(engine: Pick<Engine, 'rules'>, index: number): boolean {
  return !onMainThread(engine, index);
}

/** A share per read line of a chunk: null for a line that is unreadable or could not be located. */
export type ChunkShares = (Located[] | null)[];

/** One share of every read line of a chunk (see chunkOf). */
export function locateShares(engine: SplitEngine, read: readonly NumberedLine[], share: (ruleIndex: number) => boolean): ChunkShares {
  return read.map(({ read: line }) => {
    if ('answer' in line) return null;
    try {
      return engine.locate(line.text, line.options, share);
    } catch {
      // The main thread meets the same problem, and answers it as one thread would.
      return null;
    }
  });
}

export interface SplitOptions {
  /** The worker script (tests give their own). */
  workerFile?: URL;
  /** How long to wait for a share beyond three times the main thread's own (tests: less). */
  patienceMs?: number;
}

/**
 * Answers every line, calling `emit` with each chunk's answers in input order.
 * Where the worker script is absent (the tests run the TypeScript sources),
 * the main thread works out both shares, with the same answers.
 */
export async function answerSplit(
  lines: readonly Uint8Array[],
  getEngine: () => SplitEngine | Promise<SplitEngine>,
  emit: (chunk: AnsweredChunk) => void,
  options: SplitOptions = {},
): Promise<void> {
  const workerFile = options.workerFile ?? WORKER_FILE;
  const chunkCount = Math.ceil(lines.length / CHUNK_LINES);
  const theirs: (ChunkShares | undefined)[] = new Array(chunkCount);
  let wake: (() => void) | undefined;
  let worker: Worker | undefined;
  const giveUp = () => {
    void worker?.terminate();
    worker = undefined;
    wake?.();
  };
  if (existsSync(fileURLToPath(workerFile))) {
    worker = new Worker(workerFile);
    worker.on('message', (message: unknown) => {
      if (!isSplitShares(message) || message.index < 0 || message.index >= chunkCount) return;
      theirs[message.index] = message.shares;
      wake?.();
    });
    worker.on('error', giveUp);
    worker.on('exit', giveUp);
    const start: SplitStart = { split: true, lines: [...lines], chunkLines: CHUNK_LINES };
    worker.postMessage(start);
  }

  try {
    // Loaded after the worker has started, so that both threads load at once.
    const engine = await getEngine();
    const mine = (i: number) => onMainThread(engine, i);
    const notMine = (i: number) => onWorker(engine, i);
    for (let index = 0; index < chunkCount; index++) {
      const t0 = performance.now();
      const read = chunkOf(lines, index, CHUNK_LINES);
      const own = locateShares(engine, read, mine);
      const patience = 3 * (performance.now() - t0) + (options.patienceMs ?? PATIENCE_MS);
      if (theirs[index] === undefined && worker !== undefined) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(giveUp, patience);
          wake = () => {
            if (theirs[index] === undefined && worker !== undefined) return;
            clearTimeout(timer);
            wake = undefined;
            resolve();
          };
          wake();
        });
      }
      const other = theirs[index];
      theirs[index] = undefined;
      emit(
        answerRead(read, ({ text, options }, at) => {
          // A share that is missing could not be worked out: working it out again meets the same problem.
          const mineNow = own[at] ?? engine.locate(text, options, mine);
          const theirsNow = other?.[at] ?? engine.locate(text, options, notMine);
          return engine.finish(text, [...mineNow, ...theirsNow]);
        }),
      );
    }
  } finally {
    wake = undefined;
    const w = worker;
    worker = undefined;
    await w?.terminate();
  }
}
