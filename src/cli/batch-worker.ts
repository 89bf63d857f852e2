/**
 * A worker thread of a parallel `--jsonl` batch (parallel.ts): loads the
 * engine, says so with an empty message, then answers each chunk it is sent.
 */
import '../regexp-tier.js';
import { parentPort } from 'node:worker_threads';
import { getEngine } from '../engine/index.js';
import { answerLines } from './batch.js';
import { isChunkRequest, type ChunkAnswer } from './batch-messages.js';

const port = parentPort;
if (port === null) throw new Error('batch-worker.js runs as a worker thread of postcheck review --jsonl');
const engine = getEngine();
port.on('message', (message: unknown) => {
  if (!isChunkRequest(message)) return;
  const { answers, failed } = answerLines(message.lines, message.firstLineNo, (text, options) => engine.review(text, options));
  const answer: ChunkAnswer = { index: message.index, answers, failed };
  port.postMessage(answer);
});
port.postMessage({ ready: true });
