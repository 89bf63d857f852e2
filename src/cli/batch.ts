/**
 * `--jsonl` batch mode: one `{"id","text","platform"?}` per line in, one
 * Review (with its id) per line out, in order. A line that cannot be read
 * answers `{"id", "error"}` and the batch goes on.
 */
import { z } from 'zod';
import type { Review, ReviewOptions } from '../engine/index.js';
import { DraftError } from '../engine/limits.js';
import { PLATFORMS } from '../engine/types.js';
import { decodeUtf8 } from './input.js';

const BatchLineSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
  platform: z.enum(PLATFORMS).optional(),
});

export type BatchAnswer = (Review & { id: string }) | { id: string | null; error: string };

/** A line's draft, as read from its JSON. */
export interface LineDraft {
  id: string;
  text: string;
  options: ReviewOptions;
}

/** A batch line read: its draft, or (when it cannot be read) the answer it gets without a review. */
export type ReadLine = LineDraft | { answer: BatchAnswer };

/** Reads one batch line (not blank); never throws. */
export function readLine(line: string, lineNo: number): ReadLine {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { answer: { id: null, error: `line ${lineNo}: not valid JSON` } };
  }
  const rawId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : null;
  const parsed = BatchLineSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'line';
    return { answer: { id, error: `line ${lineNo}: ${field}: ${issue?.message ?? 'invalid'}` } };
  }
  const { text, platform } = parsed.data;
  return { id: parsed.data.id, text, options: platform ? { platform } : {} };
}

/** A line's answer, given a way to review its draft; never throws. */
export function answerOf(read: ReadLine, lineNo: number, review: (draft: LineDraft) => Review): BatchAnswer {
  if ('answer' in read) return read.answer;
  try {
    return { id: read.id, ...review(read) };
  } catch (err) {
    if (err instanceof DraftError) return { id: read.id, error: `line ${lineNo}: ${err.message}` };
    return { id: read.id, error: `line ${lineNo}: could not be reviewed` };
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

/** A non-blank line of a batch, read (line numbers count from 1). */
export interface NumberedLine {
  lineNo: number;
  read: ReadLine;
}

/** Reads lines `firstLineNo`, `firstLineNo + 1`, … of a batch, leaving out blank ones. */
export function readLines(lines: readonly Uint8Array[], firstLineNo: number): NumberedLine[] {
  const out: NumberedLine[] = [];
  lines.forEach((raw, i) => {
    const lineNo = firstLineNo + i;
    let line: string;
    try {
      line = decodeUtf8(raw, `line ${lineNo}`);
    } catch (err) {
      out.push({ lineNo, read: { answer: { id: null, error: (err as Error).message } } });
      return;
    }
    if (line.trim() !== '') out.push({ lineNo, read: readLine(line, lineNo) });
  });
  return out;
}

/** The answers to read lines, as JSON texts, given a way to review a line's draft. */
export function answerRead(read: readonly NumberedLine[], review: (draft: LineDraft, at: number) => Review): AnsweredChunk {
  const answers: string[] = [];
  let failed = 0;
  read.forEach((line, at) => {
    const answer = answerOf(line.read, line.lineNo, (draft) => review(draft, at));
    if (isFailure(answer)) failed++;
    answers.push(JSON.stringify(answer));
  });
  return { answers, failed };
}

/** Lines of chunk `index` of a batch cut into chunks of `chunkLines` lines, numbered as in the whole batch. */
export function chunkOf(lines: readonly Uint8Array[], index: number, chunkLines: number): NumberedLine[] {
  const first = index * chunkLines;
  return readLines(lines.slice(first, first + chunkLines), first + 1);
}

/**
 * Answers chunk `index` of a batch. The same code runs on the main thread
 * and in the worker threads of a parallel batch, so a batch answers alike
 * whatever its number of jobs.
 */
export function answerChunk(lines: readonly Uint8Array[], index: number, chunkLines: number, reviewer: Reviewer): AnsweredChunk {
  return answerRead(chunkOf(lines, index, chunkLines), (d) => reviewer(d.text, d.options));
}
