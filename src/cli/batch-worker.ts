/**
 * A worker thread of a parallel `--jsonl` batch: loads the engine, then
 * either answers the chunks it claims until none is left (parallel.ts), or
 * works out its share of the rules for every chunk in order (split.ts).
 */
import '../regexp-tier.js';
import './jit-budget.js';
import { parentPort } from 'node:worker_threads';
import { getEngine } from '../engine/index.js';
import { answerChunk, chunkOf } from './batch.js';
import { claimChunk, isBatchStart, isSplitStart, type ChunkAnswer, type SplitShares } from './batch-messages.js';
import { locateShares, onWorker } from './split.js';

const port = parentPort;
if (port === null) throw new Error('batch-worker.js runs as a worker thread of postcheck review --jsonl');
const engine = getEngine();
port.once('message', (message: unknown) => {
  if (isSplitStart(message)) {
    const { lines, chunkLines } = message;
    const share = (i: number) => onWorker(engine, i);
    for (let index = 0; index < Math.ceil(lines.length / chunkLines); index++) {
      const answer: SplitShares = { index, shares: locateShares(engine, chunkOf(lines, index, chunkLines), share) };
      port.postMessage(answer);
    }
    return;
  }
  if (!isBatchStart(message)) return;
  const { lines, chunkLines } = message;
  const next = new Int32Array(message.next);
  const chunkCount = Math.ceil(lines.length / chunkLines);
  for (let index = claimChunk(next, chunkCount); index !== -1; index = claimChunk(next, chunkCount)) {
    const { answers, failed } = answerChunk(lines, index, chunkLines, (text, options) => engine.review(text, options));
    const answer: ChunkAnswer = { index, answers, failed };
    port.postMessage(answer);
  }
});
