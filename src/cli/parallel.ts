/**
 * A large `--jsonl` batch reviewed on every core: the main thread and
 * `jobs - 1` worker threads take chunks of lines as they come free, and the
 * answers leave in input order. A worker needs about a fifth of a second to
 * load the engine, so small batches stay on the main thread.
 *
 * Workers run the built `batch-worker.js`; where it is absent (the tests run
 * the TypeScript sources), the batch runs on the main thread alone, with the
 * same answers.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { answerLines, type AnsweredChunk, type Reviewer } from './batch.js';
import { isChunkAnswer, type ChunkRequest } from './batch-messages.js';

/** Lines per chunk: small enough to share the tail of a batch evenly, large enough to keep messages few. */
export const CHUNK_LINES = 32;
/** Below this many lines, starting a worker costs more than it saves. */
export const PARALLEL_MIN_LINES = 200;

const WORKER_FILE = new URL('./batch-worker.js', import.meta.url);

export interface BatchOptions {
  /** The worker script (tests give their own). */
  workerFile?: URL;
  /** Below this many lines the batch stays on the main thread. */
  minLines?: number;
}

interface Chunk {
  index: number;
  firstLineNo: number;
  lines: Uint8Array[];
}

function chunksOf(lines: readonly Uint8Array[]): Chunk[] {
  const chunks: Chunk[] = [];
  for (let i = 0; i < lines.length; i += CHUNK_LINES) {
    chunks.push({ index: chunks.length, firstLineNo: i + 1, lines: lines.slice(i, i + CHUNK_LINES) });
  }
  return chunks;
}

/** How many threads a batch of `lineCount` lines gets when `jobs` were asked for: each gets at least half of `minLines`. */
export function threadsFor(lineCount: number, jobs: number, minLines: number = PARALLEL_MIN_LINES): number {
  if (jobs <= 1 || lineCount < minLines) return 1;
  return Math.max(1, Math.min(jobs, Math.floor(lineCount / Math.max(1, minLines / 2))));
}

/**
 * Answers every line, calling `emit` with each chunk's answers in input
 * order. A worker that fails hands its chunk back to the main thread, so a
 * batch never loses a line.
 */
export async function answerBatch(
  lines: readonly Uint8Array[],
  jobs: number,
  reviewer: Reviewer,
  emit: (chunk: AnsweredChunk) => void,
  options: BatchOptions = {},
): Promise<void> {
  const workerFile = options.workerFile ?? WORKER_FILE;
  const chunks = chunksOf(lines);
  const threads = existsSync(fileURLToPath(workerFile)) ? threadsFor(lines.length, jobs, options.minLines) : 1;
  const done: (AnsweredChunk | undefined)[] = new Array(chunks.length);
  let emitted = 0;
  const flush = () => {
    for (; emitted < chunks.length && done[emitted] !== undefined; emitted++) emit(done[emitted] as AnsweredChunk);
  };
  const queue = [...chunks];
  // Chunks a failed worker held: the main thread takes them first.
  const returned: Chunk[] = [];
  const next = () => returned.shift() ?? queue.shift();

  const workers: Worker[] = [];
  let busy = 0;
  let wake: (() => void) | undefined;
  const settle = () => {
    wake?.();
    wake = undefined;
  };
  for (let i = 1; i < threads; i++) {
    const worker = new Worker(workerFile);
    workers.push(worker);
    let held: Chunk | undefined;
    const give = () => {
      held = queue.shift();
      if (held === undefined) return;
      busy++;
      const request: ChunkRequest = { index: held.index, firstLineNo: held.firstLineNo, lines: held.lines };
      worker.postMessage(request);
    };
    worker.on('message', (message: unknown) => {
      if (isChunkAnswer(message) && held !== undefined && message.index === held.index) {
        done[held.index] = { answers: message.answers, failed: message.failed };
        held = undefined;
        busy--;
        flush();
      }
      give();
      settle();
    });
    const fail = () => {
      if (held !== undefined) {
        returned.push(held);
        held = undefined;
        busy--;
      }
      settle();
    };
    worker.on('error', fail);
    worker.on('exit', fail);
  }

  try {
    for (;;) {
      const chunk = next();
      if (chunk !== undefined) {
        done[chunk.index] = answerLines(chunk.lines, chunk.firstLineNo, reviewer);
        flush();
        // Let the workers' answers in, and hand them their next chunks.
        if (workers.length > 0) await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      if (busy === 0 && returned.length === 0) break;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    flush();
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
