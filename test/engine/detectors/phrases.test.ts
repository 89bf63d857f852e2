import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePhrases, phrasesDetector } from '../../../src/engine/detectors/phrases.js';
import { found, postOf } from './detector-post.js';

const detect = phrasesDetector(compilePhrases(['free sample', 'sample', 'b c', 'c d', { term: 'bone on bone', replace: 'worn joint' }, 'bone', '#ad']));
const strict = compilePhrases(['free sample', 'sample', 'b c', 'c d', 'bone on bone', 'bone', '#ad']).pattern;
const strictly = (text: string) => [...text.matchAll(strict)].map((m) => m[0]);

describe('phrases', () => {
  it('finds whole words only, whatever the script of the letter before', () => {
    expect(found(detect, 'A free sample, then another sample.')).toEqual(['free sample', 'sample']);
    expect(found(detect, 'xfree samplex')).toEqual([]);
    expect(found(detect, 'éfree samplex and Ωsample')).toEqual([]);
    expect(found(detect, 'éfree sample')).toEqual(['sample']);
    expect(found(detect, '🙂free sample')).toEqual(['free sample']);
    expect(found(detect, '2sample _sample')).toEqual([]);
  });

  it('after turning down a match for the letter before it, still finds one that starts inside it', () => {
    expect(found(detect, 'éb c d')).toEqual(['c d']);
  });

  it('prefers the longest phrase and keeps its replacement', () => {
    const post = 'They told me it was bone on bone.';
    expect(found(detect, post)).toEqual(['bone on bone']);
  });

  it('finds phrases that start with a mark only at a word start', () => {
    expect(found(detect, 'Loving this brace #ad')).toEqual(['#ad']);
    expect(found(detect, 'x#ad')).toEqual([]);
  });

  it('matches what the plain whole-word pattern matches', () => {
    for (const text of ['A free sample, then another sample.', 'xfree samplex', 'éfree sample and Ωsample', 'ſample Ksample', '🙂free sample', 'éb c d', 'bone on bone', 'x#ad #ad']) {
      expect(found(detect, text)).toEqual(strictly(postOf(text).text));
    }
  });

  it('matches what the plain whole-word pattern matches, on any mix of phrase pieces and neighbours', () => {
    const piece = fc.constantFrom('free', 'sample', 'bone', 'on', 'b', 'c', 'd', '#ad', ' ', '-', 'é', 'Ω', 'x', '2', '_', '🙂', 'ſ', '.', '\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const text = pieces.join('');
        expect(found(detect, text)).toEqual(strictly(postOf(text).text));
      }),
      { numRuns: 300, seed: Number(process.env.FC_SEED ?? 20261123) },
    );
  });
});
