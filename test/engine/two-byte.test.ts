import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { twoByteForm } from '../../src/engine/two-byte.js';

describe('twoByteForm', () => {
  it('keeps every string unit for unit, lone surrogates and the empty string included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(twoByteForm(s)).toBe(s);
      }),
      { numRuns: 300 },
    );
    expect(twoByteForm('')).toBe('');
  });
});
