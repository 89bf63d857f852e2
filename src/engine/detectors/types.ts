/** The contract between the engine and a detector. */
import type { Structure } from '../structure.js';
import type { ExcerptKind, Platform, Severity } from '../types.js';
import type { ListFile } from '../catalog/schema.js';
import type { Parse } from '../nlp.js';

/** One draft as detectors see it: the normalised text and its structure. */
export interface Post {
  /** Normalised text (see normalize.ts); all offsets below are into it. */
  readonly text: string;
  readonly structure: Structure;
  readonly platform: Platform;
  /**
   * compromise's parse of text[start, end), cached for the review so detectors
   * share it. Costly: call it only on stretches a cheap prefilter selected.
   */
  readonly parse: Parse;
}

/** Something a detector found; the engine applies context, spans and suggestions. */
export interface Candidate {
  start: number;
  end: number;
  /** The pattern's capture groups, for `$1`… in a suggestion template. */
  groups?: readonly (string | undefined)[];
  /** A replacement chosen by the detector; wins over the rule's template. `null` means none. */
  replacement?: string | null;
  /** A more specific message than the rule's ("Age over 89"). */
  message?: string;
  severity?: Severity;
  confidence?: number;
  evidence?: string[];
  sensitive?: ExcerptKind;
  /**
   * Use the replacement as written: the engine otherwise capitalises it when the
   * replaced text starts with a capital, which is wrong mid-sentence ("see Priya"
   * → "see a patient", not "see A patient").
   */
  keepCase?: boolean;
  /** The detector has weighed negation, quotation and hedging itself. */
  contextChecked?: boolean;
}

export type Detector = (post: Post) => Candidate[];

export interface DetectorSetup {
  /** The rule's `detect.options`, unvalidated: each detector validates its own with zod. */
  options: unknown;
  /** Word lists from rules/lists/, by name. */
  lists: ReadonlyMap<string, ListFile>;
  /** Where the rule is, for error messages. */
  ruleId: string;
}

export type DetectorFactory = (setup: DetectorSetup) => Detector;
