import { describe, expect, it } from 'vitest';
import { matches } from '../../../src/engine/detectors/identifiers/scan.js';

const found = (re: RegExp, text: string): string[] => [...matches(re, text)].map((m) => `${m.index}:${m[0]}:${m.slice(1).join(',')}`);
const reference = (re: RegExp, text: string): string[] =>
  [...text.matchAll(new RegExp(re.source, re.flags))].map((m) => `${m.index ?? 0}:${m[0]}:${m.slice(1).join(',')}`);

describe('matches() with a leading lookbehind run as a check', () => {
  const texts = [
    'The nurse and the Other nurse met Theo at Anthem Park.',
    'éThe Über the Éclair, Dale, K. and O’Neil, B. came in',
    '🙂The 𝐀The x The',
    'aThe bThe The',
  ];
  const patterns = [
    /(?<![\p{L}])(?:[Tt]he|[Aa]n?)\s+\p{L}+/gu,
    /(?<![\p{L}\p{N}_.])(\p{Lu}[\p{Ll}'’]{0,40}),\s?(\p{Lu})\./gu,
    /(?<![\p{L}])\p{Lu}\p{Ll}+/gu,
    /(?<![a-z])the/giu,
  ];
  it('finds exactly the matches, groups and positions of the original pattern', () => {
    for (const re of patterns) for (const text of texts) expect(found(re, text)).toEqual(reference(re, text));
  });

  it('leaves a lookbehind that guards only the first branch of an alternation in place', () => {
    const re = /(?<![\p{L}])x|y/gu;
    expect(found(re, 'axby y')).toEqual(reference(re, 'axby y'));
  });

  it('skips a match whose preceding letter is astral without finding it twice', () => {
    const re = /(?<![\p{L}])\p{L}/gu;
    expect(found(re, '𝐀b c 𝐀𝐀')).toEqual(['0:𝐀:', '4:c:', '6:𝐀:']);
    expect(found(re, '𝐀b c 𝐀𝐀')).toEqual(reference(re, '𝐀b c 𝐀𝐀'));
  });
});
