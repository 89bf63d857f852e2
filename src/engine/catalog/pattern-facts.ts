/**
 * What the checks and tuning passes conclude about a pattern depends on its
 * source and flags alone: whether it can backtrack catastrophically
 * (regex.ts), its tuned form (tune.ts), what a text must hold for it to match
 * (anchors.ts). Working that out for the ~1,500 patterns of the catalogue and
 * the detectors costs a process about 70 ms at start. `npm run build` records
 * the conclusions for every pattern a review uses (build-cache.ts), keyed by
 * flags and source, so a pattern edited since is worked out afresh, and a
 * missing record costs nothing but the work.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Needs } from './anchors.js';

export interface PatternFacts {
  /** Why it could backtrack catastrophically; null when it cannot. */
  problem?: string | null;
  /** The tuned source (tune.ts); null when tuning leaves it as it is. */
  tuned?: string | null;
  /** What a text must hold for it to match (anchors.ts). */
  needs?: Needs;
  /** What compilePattern makes of it (regex.ts): the flags and source it runs with. */
  compiled?: { source: string; flags: string };
  /** Its choices grouped by first letter (first-letters.ts); null when grouping leaves it as it is. */
  grouped?: string | null;
}

export const PATTERN_FACTS_FILE = join(dirname(fileURLToPath(import.meta.url)), 'pattern-facts.json');

let facts: Map<string, PatternFacts> | undefined;

function read(): Map<string, PatternFacts> {
  try {
    const raw: unknown = JSON.parse(readFileSync(PATTERN_FACTS_FILE, 'utf8'));
    if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) return new Map(Object.entries(raw as Record<string, PatternFacts>));
  } catch {
    // No record (tests run from src/) or an unreadable one: everything is worked out.
  }
  return new Map();
}

/** The facts known about a pattern, to read and to complete. */
export function factsOf(source: string, flags: string): PatternFacts {
  facts ??= read();
  const key = `${flags}/${source}`;
  let known = facts.get(key);
  if (known === undefined) {
    known = {};
    facts.set(key, known);
  }
  return known;
}

/** Every fact known in this process, for the build to record. */
export function knownFacts(): Record<string, PatternFacts> {
  return Object.fromEntries(facts ?? []);
}
