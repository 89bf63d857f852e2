/**
 * What the main thread and a batch worker say to each other (parallel.ts,
 * split.ts, batch-worker.ts). The worker gets the whole batch once. Sharing
 * the posts, every thread then claims the next chunk from a shared counter,
 * so no thread ever waits for another to hand it work. Sharing the rules,
 * the worker sends its share of each chunk's posts in order.
 */
import type { Located } from '../engine/index.js';
export interface BatchStart {
  lines: Uint8Array[];
  chunkLines: number;
  /** One Int32: the index of the next chunk nobody has claimed. */
  next: SharedArrayBuffer;
}

export interface ChunkAnswer {
  index: number;
  answers: string[];
  failed: number;
}

export interface SplitStart {
  split: true;
  lines: Uint8Array[];
  chunkLines: number;
}

export interface SplitShares {
  index: number;
  /** Per line of the chunk: the worker's share of its review, or null (blank, unreadable, not reviewable). */
  shares: (Located[] | null)[];
}

export function isSplitStart(message: unknown): message is SplitStart {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<SplitStart>;
  return m.split === true && Array.isArray(m.lines) && m.lines.every((l) => l instanceof Uint8Array) && Number.isInteger(m.chunkLines);
}

export function isSplitShares(message: unknown): message is SplitShares {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<SplitShares>;
  return Number.isInteger(m.index) && Array.isArray(m.shares) && m.shares.every((s) => s === null || Array.isArray(s));
}

export function isBatchStart(message: unknown): message is BatchStart {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<BatchStart>;
  return Array.isArray(m.lines) && m.lines.every((l) => l instanceof Uint8Array) && Number.isInteger(m.chunkLines) && m.next instanceof SharedArrayBuffer;
}

export function isChunkAnswer(message: unknown): message is ChunkAnswer {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<ChunkAnswer>;
  return Number.isInteger(m.index) && Number.isInteger(m.failed) && Array.isArray(m.answers) && m.answers.every((a) => typeof a === 'string');
}

/** Claims the next chunk: its index, or -1 when every chunk is taken. */
export function claimChunk(next: Int32Array, chunkCount: number): number {
  const index = Atomics.add(next, 0, 1);
  return index < chunkCount ? index : -1;
}
