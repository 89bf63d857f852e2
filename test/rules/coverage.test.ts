/** The catalogue covers the practice list: every practice text can show has a rule. */
import { describe, expect, it } from 'vitest';
import { getEngine } from '../../src/engine/index.js';

const engine = getEngine();

describe('catalogue coverage', () => {
  it('has a rule for every checkable practice', () => {
    const covered = new Set(engine.rules.map((r) => r.spec.practice));
    const missing = engine.practices.filter((p) => p.checkable && !covered.has(p.id)).map((p) => p.id);
    expect(missing).toEqual([]);
  });

  it('keeps the practices text cannot show as checklist questions', () => {
    const checklist = engine.practices.filter((p) => !p.checkable);
    expect(checklist.length).toBeGreaterThan(0);
    for (const p of checklist) expect(p.checklist, p.id).toMatch(/\?$/);
  });

  it('has rules of every severity, so that the CLI exit status and the eval mean something', () => {
    expect(new Set(engine.rules.map((r) => r.spec.severity))).toEqual(new Set(['error', 'warning', 'suggestion']));
  });
});
