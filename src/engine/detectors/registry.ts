/**
 * Detectors written in code, by the name a rule's `detect.name` uses. Add a
 * detector here when a pattern cannot express the check (scoring, checksums,
 * sentence structure).
 */
import type { DetectorFactory } from './types.js';
import { profanityDetector } from './profanity.js';

export const DETECTORS: Readonly<Record<string, DetectorFactory>> = {
  profanity: profanityDetector,
};
