import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardCapitals } from '../../../src/engine/catalog/capital-guard.js';

const matchesOf = (source: string, text: string): string[] => [...text.matchAll(new RegExp(source, 'gu'))].map((m) => `${m.index}:${m[0]}`);

describe('guardCapitals', () => {
  it('puts a lookahead for the opening characters in front of a pattern that opens with \\p{Lu}', () => {
    expect(guardCapitals('\\p{Lu}{3},\\s?\\p{Lu}', 'gu')).toBe('(?=[A-Z\\u00C0-\\u{10FFFF}])\\p{Lu}{3},\\s?\\p{Lu}');
    expect(guardCapitals('(?:[Tt]he\\s+)?\\p{Lu}\\w+', 'gu')).toBe('(?=[TtA-Z\\u00C0-\\u{10FFFF}])(?:[Tt]he\\s+)?\\p{Lu}\\w+');
  });

  it('keeps a leading lookbehind first, and guards every branch of a top-level choice', () => {
    expect(guardCapitals('(?<![\\p{L}])\\p{Lu}x', 'gu')).toBe('(?<![\\p{L}])(?=[A-Z\\u00C0-\\u{10FFFF}])\\p{Lu}x');
    expect(guardCapitals('\\p{Lu}x|\\dy', 'gu')).toBe('(?=[A-Z\\u00C0-\\u{10FFFF}\\d])(?:\\p{Lu}x|\\dy)');
  });

  it('leaves patterns it cannot bound, or that gain nothing, as they are', () => {
    for (const source of ['\\p{L}x', '(?:\\p{Lu}|[^a])x', '(?:\\p{Lu})?', '.\\p{Lu}', '\\p{Lu}x']) {
      const flags = source === '\\p{Lu}x' ? 'g' : 'gu';
      expect(guardCapitals(source, flags)).toBe(source);
    }
  });

  it('matches exactly what the original matches, capitals beyond Latin-1 and astral ones included', () => {
    const sources = [
      '\\p{Lu}[\\p{Ll}\'’]{0,40}(?:-\\p{Lu}?[\\p{Ll}\'’]{1,40}){0,2},\\s?(\\p{Lu})\\.',
      '(?:the\\s+)?(?:\\p{Lu}\\p{Ll}+\\s+){1,2}(?:Park|Street)',
      '(?<![\\p{L}])\\p{Lu}{2,}',
      '\\p{Lu}\\.\\s?\\p{Lu}\\.|\\d{3}',
    ];
    const alphabet = fc.constantFrom(...'AaBbZzÀàÉéÞþ ,.-\'’the ParkStreet 12'.split(''), 'Ω', 'Ж', '𝐀', '𐐀', 'ǅ');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 50 }).map((cs) => cs.join('')), fc.constantFrom(...sources), (text, source) => {
        expect(matchesOf(guardCapitals(source, 'gu'), text)).toEqual(matchesOf(source, text));
      }),
      { numRuns: 500 },
    );
  });
});
