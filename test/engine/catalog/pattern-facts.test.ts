import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pieceAnchors, startAnchors, wordAnchors } from '../../../src/engine/catalog/anchors.js';
import { guardCapitals } from '../../../src/engine/catalog/capital-guard.js';
import type { PatternFacts } from '../../../src/engine/catalog/pattern-facts.js';
import { groupedByFirstLetter } from '../../../src/engine/catalog/first-letters.js';
import { backtrackProblem, compilePattern } from '../../../src/engine/catalog/regex.js';
import { fastWordBoundaries } from '../../../src/engine/catalog/word-boundary.js';

// The record `npm run build` writes next to the built engine (the suite runs after the build in CI).
const RECORD = join(__dirname, '..', '..', '..', 'dist', 'engine', 'catalog', 'pattern-facts.json');

describe('the build’s record of pattern facts', () => {
  it.skipIf(!existsSync(RECORD))('holds, for every pattern, what the checks and tuning passes conclude from its source', () => {
    const record = JSON.parse(readFileSync(RECORD, 'utf8')) as Record<string, PatternFacts>;
    const entries = Object.entries(record);
    expect(entries.length).toBeGreaterThan(1000);
    const wrong: string[] = [];
    for (const [key, facts] of entries) {
      const slash = key.indexOf('/');
      const flags = key.slice(0, slash);
      const source = key.slice(slash + 1);
      if (facts.problem !== undefined && facts.problem !== (backtrackProblem(source, flags) ?? null)) wrong.push(`problem: ${key}`);
      if (facts.tuned !== undefined) {
        const tuned = guardCapitals(fastWordBoundaries(source, flags), flags);
        if (facts.tuned !== (tuned === source ? null : tuned)) wrong.push(`tuned: ${key}`);
      }
      if (facts.needs !== undefined) {
        const needs = { words: wordAnchors(source) ?? null, pieces: pieceAnchors(source) ?? null, starts: startAnchors(source) ?? null };
        if (JSON.stringify(needs) !== JSON.stringify(facts.needs)) wrong.push(`needs: ${key}`);
      }
      // The suite runs the sources, which find no record: these are worked out afresh.
      if (facts.compiled !== undefined) {
        const re = compilePattern(source, flags);
        if (re.source !== facts.compiled.source || re.flags !== facts.compiled.flags) wrong.push(`compiled: ${key}`);
      }
      if (facts.grouped !== undefined) {
        const re = new RegExp(source, flags);
        const grouped = groupedByFirstLetter(re);
        if ((grouped === re ? null : grouped.source) !== facts.grouped) wrong.push(`grouped: ${key}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
