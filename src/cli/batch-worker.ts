/**
 * A worker thread of a parallel `--jsonl` batch (parallel.ts): loads the
 * engine, then answers the chunks it claims until none is left.
 */
import '../regexp-tier.js';
import { parentPort } from 'node:worker_threads';
import { getEngine } from '../engine/index.js';
import { answerChunk } from './batch.js';
import { claimChunk, isBatchStart, type ChunkAnswer } from './batch-messages.js';

const port = parentPort;
if (port === null) throw new Error('batch-worker.js runs as a worker thread of postcheck review --jsonl');
const engine = getEngine();
port.once('message', (message: unknown) => {
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
