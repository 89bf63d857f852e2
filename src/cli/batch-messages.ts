/** What the main thread and a batch worker say to each other (parallel.ts, batch-worker.ts). */
export interface ChunkRequest {
  index: number;
  firstLineNo: number;
  lines: Uint8Array[];
}

export interface ChunkAnswer {
  index: number;
  answers: string[];
  failed: number;
}

export function isChunkRequest(message: unknown): message is ChunkRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<ChunkRequest>;
  return Number.isInteger(m.index) && Number.isInteger(m.firstLineNo) && Array.isArray(m.lines) && m.lines.every((l) => l instanceof Uint8Array);
}

export function isChunkAnswer(message: unknown): message is ChunkAnswer {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<ChunkAnswer>;
  return Number.isInteger(m.index) && Number.isInteger(m.failed) && Array.isArray(m.answers) && m.answers.every((a) => typeof a === 'string');
}
