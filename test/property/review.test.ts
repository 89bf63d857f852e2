/**
 * Properties of review() over generated drafts (see src/bench/properties.ts
 * for what is checked and how drafts are made). A few hundred cases here;
 * `npm run fuzz` runs the same properties on 100,000.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseArbitraries, checkCase, disguise, type Kind, type Reviewer } from '../../src/bench/properties.js';
import { DraftError, getEngine, MAX_DRAFT_CHARS, type Review } from '../../src/engine/index.js';

const engine = getEngine();
const arbitraries = caseArbitraries(engine);

// Not a speed target (those live in the bench report): only a guard that no input hangs a review.
const HANG_GUARD_MS = 10_000;

// A fixed seed keeps the suite deterministic (the same cases on every machine); `npm run fuzz`
// explores new seeds, and FC_SEED=<n> npm test replays another set here.
const SEED = Number(process.env.FC_SEED ?? 20261123);

const RUNS: Record<Kind, number> = {
  unicode: 60,
  graphemes: 30,
  control: 30,
  'right-to-left': 30,
  emoji: 30,
  'zero-width': 40,
  'look-alike': 40,
  'post-like': 80,
  blank: 20,
  huge: 8,
  runs: 8,
};

describe('review() on any draft', () => {
  for (const [index, [kind, numRuns]] of (Object.entries(RUNS) as [Kind, number][]).entries()) {
    it(`${kind}: reviews or rightly refuses, spans hold, sorted, deterministic, rewrite clean`, () => {
      fc.assert(
        fc.property(arbitraries[kind], (c) => {
          const checked = checkCase(engine, c);
          expect(checked.ms).toBeLessThan(HANG_GUARD_MS);
        }),
        // Shrinking a 40,000-character counter-example re-reviews it hundreds of times: report it as found.
        { numRuns, seed: SEED + index, endOnFailure: kind === 'huge' },
      );
    });
  }
});

describe('the properties catch what they claim to', () => {
  // A fake engine that breaks one promise at a time, each on a review with no
  // finding of its own: every broken promise must be reported.
  const text = 'Nothing much to say about this one.';
  const clean = { findings: [], rewrite: text };
  const finding = { rule: 'x.y', practice: 'C1', theme: 'compliance' as const, severity: 'warning' as const, message: 'm', why: 'w', suggestion: null };
  const fake = (review: (t: string) => Review): Reviewer => ({ review });
  const check = (e: Reviewer) => () => checkCase(e, { kind: 'test', text, options: {} });

  it('reports a span that does not match its text', () => {
    expect(check(fake(() => ({ ...clean, findings: [{ ...finding, start: 3, end: 10, text: 'wrong' }] })))).toThrow(/is not text\.slice/);
  });
  it('reports a span outside the text', () => {
    const f = { ...finding, start: 3, end: text.length + 1, text: text.slice(3) };
    expect(check(fake(() => ({ ...clean, findings: [f] })))).toThrow(/not inside/);
  });
  it('reports a span that cuts a surrogate pair', () => {
    const t = 'a 😷 b';
    const f = { ...finding, start: 0, end: 3, text: t.slice(0, 3) };
    expect(() => checkCase(fake(() => ({ findings: [f], rewrite: t })), { kind: 'test', text: t, options: {} })).toThrow(/cuts a surrogate pair/);
  });
  it('reports findings out of order', () => {
    const findings = [{ ...finding, start: 9, end: 12, text: text.slice(9, 12) }, { ...finding, start: 0, end: 2, text: text.slice(0, 2) }];
    expect(check(fake(() => ({ ...clean, findings })))).toThrow(/before the previous finding/);
  });
  it('reports a theme that was not asked for', () => {
    const f = { ...finding, start: 0, end: 2, text: text.slice(0, 2) };
    expect(() => checkCase(fake(() => ({ ...clean, findings: [f] })), { kind: 'test', text, options: { themes: ['security'] } })).toThrow(/was not asked for/);
  });
  it('reports a review that changes from one call to the next', () => {
    let n = 0;
    expect(check(fake(() => ({ ...clean, rewrite: `${text}${n++}` })))).toThrow(/two different reviews/);
  });
  it('reports an exception other than DraftError', () => {
    expect(check(fake(() => { throw new TypeError('boom'); }))).toThrow(/review threw TypeError: boom/);
  });
  it('reports a refusal the draft did not deserve', () => {
    expect(check(fake(() => { throw new DraftError('empty', 'empty'); }))).toThrow(/refused as empty/);
    expect(check(fake(() => { throw new DraftError('too-long', 'too long'); }))).toThrow(/refused as too long/);
  });
  it('reports a rewrite that still has an error', () => {
    const f = { ...finding, severity: 'error' as const, start: 0, end: 7, text: text.slice(0, 7), suggestion: 'Little' };
    // The suggestion is never applied: the rewrite is the draft, so the error stays.
    expect(check(fake((t) => (t === text ? { findings: [f], rewrite: text } : clean)))).toThrow(/rewrite still has error findings/);
  });
  it('does not demand a clean rewrite when an error had no suggestion', () => {
    const f = { ...finding, severity: 'error' as const, start: 0, end: 7, text: text.slice(0, 7), suggestion: null };
    expect(checkCase(fake(() => ({ findings: [f], rewrite: text })), { kind: 'test', text, options: {} }).rewriteChecked).toBe(false);
  });
});

describe('limits at the edges', () => {
  it('reviews a draft of exactly the limit in characters though it has far more UTF-16 units', () => {
    const text = '𝐩𝐚𝐭 '.repeat(MAX_DRAFT_CHARS / 4);
    expect(text.length).toBeGreaterThan(MAX_DRAFT_CHARS);
    expect(checkCase(engine, { kind: 'edge', text, options: {} }).outcome).toBe('reviewed');
  });
  it('refuses one character over the limit as too long', () => {
    const text = `${'a '.repeat(MAX_DRAFT_CHARS / 2)}b`;
    expect(checkCase(engine, { kind: 'edge', text, options: {} })).toMatchObject({ outcome: 'refused', problem: 'too-long' });
  });
  it('refuses a draft over the limit with no words at all as empty or too long, never reviews it', () => {
    const text = '@'.repeat(MAX_DRAFT_CHARS + 9);
    expect(checkCase(engine, { kind: 'edge', text, options: {} }).outcome).toBe('refused');
  });
  it('refuses invisible-only drafts as empty', () => {
    expect(checkCase(engine, { kind: 'edge', text: '\u200B\u200D\u2060 \n\t', options: {} })).toMatchObject({ outcome: 'refused', problem: 'empty' });
  });
  it('disguise keeps a draft the same length in characters or adds only invisible ones', () => {
    const out = disguise('patient', [1, 1, 1]);
    expect(out.replace(/[\u200B-\u200D\u2060\uFEFF\u00AD\u034F\u180E\uFE0F]/gu, '')).toBe('patient');
  });
});
