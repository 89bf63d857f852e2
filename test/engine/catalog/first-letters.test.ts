import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupedByFirstLetter } from '../../../src/engine/catalog/first-letters.js';
import { compilePattern } from '../../../src/engine/catalog/regex.js';
import { getEngine } from '../../../src/engine/index.js';

describe('groupedByFirstLetter', () => {
  it('groups the choices that start with the same letter, whatever their case when the i flag is set', () => {
    expect(groupedByFirstLetter(/chance\s+of|possibility|certainly|Promise|#1/i).source).toBe('c(?:hance\\s+of|ertainly)|p(?:ossibility|romise)|#1');
  });

  it('leaves patterns whose choices might be iterated, renumbered or gain nothing', () => {
    for (const re of [/chance|certain|x/gi, /(ch)ance|certain|x/i, /c(?<n>h)|ce|x/i, /ab|cd|ef/i, /a|b/i, /ca|cb|/i]) {
      expect(groupedByFirstLetter(re)).toBe(re);
    }
  });

  it('tests true exactly where the pattern as written does', () => {
    const sources = ['chance\\s+of|certainly|c\\b|possibility|promise|#\\s?1', 'b(?:ar|ed)|be|bo+|\\bb\\b|(?:ba|bi)x'];
    const alphabet = fc.constantFrom(...'chanceofertinlypossibiromise#1 barbedboxBbi'.split(''), ' ', 'chance of', 'PROMISE');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }).map((cs) => cs.join('')), fc.constantFrom(...sources), (text, source) => {
        const re = new RegExp(source, 'i');
        expect(groupedByFirstLetter(re).test(text)).toBe(re.test(text));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every catalogue context pattern testing the same on every rule example', () => {
    const engine = getEngine();
    const texts = engine.rules.flatMap((r) => [...r.spec.examples.flag, ...r.spec.examples.pass].map((e) => (typeof e === 'string' ? e : e.text)));
    let grouped = 0;
    const wrong: string[] = [];
    for (const { spec } of engine.rules) {
      const ctx = spec.context;
      for (const source of [...(ctx.requires ?? []), ...(ctx.requiresPost ?? []), ...(ctx.unless ?? []), ...(ctx.unlessPost ?? [])]) {
        const re = compilePattern(source, 'iu');
        const fast = groupedByFirstLetter(re);
        if (fast === re) continue;
        grouped++;
        for (const text of texts) if (fast.test(text) !== re.test(text)) wrong.push(`${spec.id}: ${source} on "${text}"`);
      }
    }
    expect(wrong).toEqual([]);
    expect(grouped).toBeGreaterThan(10);
  });
});
