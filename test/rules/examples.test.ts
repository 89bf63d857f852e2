/**
 * Runs every example of every rule in rules/ (textlint's rule tester, as
 * data): each `flag` draft must raise the rule (and, when an expected rewrite
 * is given, the rule's own suggestions must turn the draft into it); each
 * `pass` draft must not raise it.
 */
import { describe, expect, it } from 'vitest';
import { applyEdits, compatibleEdits, type Edit } from '../../src/engine/rewrite.js';
import { getEngine } from '../../src/engine/index.js';

const engine = getEngine();

function exampleText(e: string | { text: string }): string {
  return typeof e === 'string' ? e : e.text;
}

/** The draft with only this rule's suggestions applied. */
function ruleRewrite(text: string, ruleId: string): string {
  const review = engine.review(text);
  const edits: Edit[] = review.findings
    .filter((f) => f.rule === ruleId && f.suggestion !== null)
    .map((f) => ({ start: f.start, end: f.end, priority: 0, build: () => f.suggestion as string }));
  return applyEdits(text, compatibleEdits(edits));
}

for (const { spec } of engine.rules) {
  describe(`${spec.id} (${spec.file})`, () => {
    for (const example of spec.examples.flag) {
      const text = exampleText(example);
      it(`flags: ${text.slice(0, 70)}`, () => {
        const hits = engine.review(text).findings.filter((f) => f.rule === spec.id);
        expect(hits, `expected ${spec.id} to flag`).not.toHaveLength(0);
        if (typeof example !== 'string' && example.rewrite !== undefined) {
          expect(ruleRewrite(text, spec.id)).toBe(example.rewrite);
        }
      });
    }
    for (const text of spec.examples.pass) {
      it(`passes: ${text.slice(0, 70)}`, () => {
        const hits = engine.review(text).findings.filter((f) => f.rule === spec.id);
        expect(hits.map((f) => f.text)).toEqual([]);
      });
    }
  });
}

describe('rewrites of the flag examples', () => {
  for (const { spec } of engine.rules) {
    for (const example of spec.examples.flag) {
      const text = exampleText(example);
      it(`${spec.id}: the rewrite of "${text.slice(0, 50)}" reviews with no error`, () => {
        const { rewrite } = engine.review(text);
        const errors = engine.review(rewrite).findings.filter((f) => f.severity === 'error');
        expect(errors.map((f) => `${f.rule}: ${f.text}`)).toEqual([]);
      });
    }
  }
});
