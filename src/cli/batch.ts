/**
 * `--jsonl` batch mode: one `{"id","text","platform"?}` per line in, one
 * Review (with its id) per line out, in order. A line that cannot be read
 * answers `{"id", "error"}` and the batch goes on.
 */
import { z } from 'zod';
import { DraftError, PLATFORMS, type Review, type ReviewOptions } from '../engine/index.js';
import { decodeUtf8 } from './input.js';

const BatchLineSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
  platform: z.enum(PLATFORMS).optional(),
});

export type BatchAnswer = (Review & { id: string }) | { id: string | null; error: string };

export interface BatchResult {
  lines: string[];
  failed: number;
}

/** Reviews one batch line; never throws. */
export function reviewLine(
  line: string,
  lineNo: number,
  reviewer: (text: string, options: ReviewOptions) => Review,
): BatchAnswer {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { id: null, error: `line ${lineNo}: not valid JSON` };
  }
  const rawId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : null;
  const parsed = BatchLineSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'line';
    return { id, error: `line ${lineNo}: ${field}: ${issue?.message ?? 'invalid'}` };
  }
  const { text, platform } = parsed.data;
  try {
    const review = reviewer(text, platform ? { platform } : {});
    return { id: parsed.data.id, ...review };
  } catch (err) {
    if (err instanceof DraftError) return { id: parsed.data.id, error: `line ${lineNo}: ${err.message}` };
    return { id: parsed.data.id, error: `line ${lineNo}: could not be reviewed` };
  }
}

export function isFailure(answer: BatchAnswer): answer is { id: string | null; error: string } {
  return 'error' in answer;
}

export type Reviewer = (text: string, options: ReviewOptions) => Review;

/** A run of consecutive input lines, answered: one JSON text per non-blank line, in order. */
export interface AnsweredChunk {
  answers: string[];
  failed: number;
}

/**
 * Answers lines `firstLineNo`, `firstLineNo + 1`, … of a batch. The same code
 * runs on the main thread and in the worker threads of a parallel batch, so
 * a batch answers alike whatever its number of jobs.
 */
export function answerLines(lines: readonly Uint8Array[], firstLineNo: number, reviewer: Reviewer): AnsweredChunk {
  const answers: string[] = [];
  let failed = 0;
  lines.forEach((raw, i) => {
    const lineNo = firstLineNo + i;
    let line: string;
    try {
      line = decodeUtf8(raw, `line ${lineNo}`);
    } catch (err) {
      failed++;
      answers.push(JSON.stringify({ id: null, error: (err as Error).message }));
      return;
    }
    if (line.trim() === '') return;
    const answer = reviewLine(line, lineNo, reviewer);
    if (isFailure(answer)) failed++;
    answers.push(JSON.stringify(answer));
  });
  return { answers, failed };
}

/** Answers chunk `index` of a batch cut into chunks of `chunkLines` lines, numbering its lines as in the whole batch. */
export function answerChunk(lines: readonly Uint8Array[], index: number, chunkLines: number, reviewer: Reviewer): AnsweredChunk {
  const first = index * chunkLines;
  return answerLines(lines.slice(first, first + chunkLines), first + 1, reviewer);
}
