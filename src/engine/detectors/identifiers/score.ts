/**
 * Presidio's recognizer score, kept with its reasons: a recognizer starts
 * from a base score for the shape it matched, context raises or lowers it,
 * and every change leaves a short piece of evidence so that a finding can say
 * why it fired. Evidence names cues ("patient cue: s/p"), never the
 * identifier itself, because it is shown wherever the finding is.
 */
import type { ExcerptKind, Severity } from '../../types.js';
import type { Candidate } from '../types.js';

/**
 * Scores at or above these give an error or a warning. Below the warning line
 * a candidate is dropped rather than shown as a suggestion: a name or date that
 * is probably not a patient's is noise, and noise teaches people to ignore the
 * tool.
 */
export const THRESHOLDS = { error: 0.7, warning: 0.45 } as const;

export class Score {
  private value: number;
  private readonly reasons: string[] = [];
  private vetoed = false;

  constructor(base: number, why: string) {
    this.value = base;
    this.reasons.push(why);
  }

  raise(by: number, why: string): this {
    if (by <= 0) return this;
    this.value += by;
    this.reasons.push(why);
    return this;
  }

  lower(by: number, why: string): this {
    if (by <= 0) return this;
    this.value -= by;
    this.reasons.push(`against: ${why}`);
    return this;
  }

  /** Context that settles it: this is not a patient's identifier at all. */
  veto(why: string): this {
    this.vetoed = true;
    this.reasons.push(`against: ${why}`);
    return this;
  }

  get confidence(): number {
    // Rounded so that 0.3 + 0.35 - 0.2 lands on the threshold it was meant to reach.
    return this.vetoed ? 0 : Math.max(0, Math.min(1, Math.round(this.value * 100) / 100));
  }

  get evidence(): string[] {
    return [...this.reasons];
  }

  has(why: string): boolean {
    return this.reasons.some((r) => r.startsWith(why));
  }
}

export function severityOf(confidence: number): Severity | undefined {
  if (confidence >= THRESHOLDS.error) return 'error';
  if (confidence >= THRESHOLDS.warning) return 'warning';
  return undefined;
}

export interface Scored {
  start: number;
  end: number;
  score: Score;
  /** How displays mask the excerpt; absent when the excerpt is context (any identifier inside is masked by its own finding). */
  sensitive?: ExcerptKind;
  /** Generalised wording for the span (null: none can be proposed). */
  replacement: string | null;
  message?: string;
}

/** The candidate for a scored span, or nothing when the score is too low to mention. */
export function toCandidate(s: Scored): Candidate | undefined {
  const confidence = s.score.confidence;
  const severity = severityOf(confidence);
  if (!severity) return undefined;
  const candidate: Candidate = {
    start: s.start,
    end: s.end,
    severity,
    confidence,
    evidence: s.score.evidence,
    replacement: s.replacement,
    contextChecked: true,
  };
  if (s.sensitive) candidate.sensitive = s.sensitive;
  if (s.message) candidate.message = s.message;
  return candidate;
}

/** A number the rewrite simply removes (phones, records, licences, serials): nothing of it is kept. */
export function droppedNumber(edit: { start: number; end: number }, score: Score, message: string): Candidate | undefined {
  return toCandidate({ start: edit.start, end: edit.end, score, sensitive: 'number', replacement: '', message });
}
