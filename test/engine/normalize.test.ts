import { describe, expect, it } from 'vitest';
import { foldChar, MAX_SPACE_RUN, normalize } from '../../src/engine/normalize.js';

describe('normalize', () => {
  it('leaves plain ASCII as it is, offsets unchanged', () => {
    const n = normalize('door code 4729');
    expect(n.text).toBe('door code 4729');
    expect(n.toOriginal(5, 9)).toEqual([5, 9]);
  });

  it('removes zero-width characters and maps spans back around them', () => {
    const original = 'pass\u200Bword: hunter2';
    const n = normalize(original);
    expect(n.text).toBe('password: hunter2');
    const [s, e] = n.toOriginal(0, 8);
    expect(original.slice(s, e)).toBe('pass\u200Bword');
  });

  it('folds Cyrillic and Greek look-alikes to Latin letters', () => {
    expect(normalize('р\u0430ssw\u043Erd').text).toBe('password');
    expect(normalize('\u039Fxycodone').text).toBe('Oxycodone');
  });

  it('folds non-ASCII digits, full-width forms, dashes and curly quotes', () => {
    expect(normalize('٤٧٢٩').text).toBe('4729');
    expect(normalize('４７２９').text).toBe('4729');
    expect(normalize('555–123—4567').text).toBe('555-123-4567');
    expect(normalize('“slipped disc”').text).toBe('"slipped disc"');
    expect(normalize('𝐩𝐚𝐬𝐬𝐰𝐨𝐫𝐝').text).toBe('password');
  });

  it('maps a span over characters that became several back to the whole original', () => {
    const original = 'the ﬁx is in';
    const n = normalize(original);
    expect(n.text).toBe('the fix is in');
    const [s, e] = n.toOriginal(4, 7);
    expect(original.slice(s, e)).toBe('ﬁx');
  });

  it('keeps emoji and maps spans after them (surrogate pairs) correctly', () => {
    const original = '💪🏽 slipped disc';
    const n = normalize(original);
    const at = n.text.indexOf('slipped');
    const [s, e] = n.toOriginal(at, at + 'slipped disc'.length);
    expect(original.slice(s, e)).toBe('slipped disc');
  });

  it('folds single characters', () => {
    expect(foldChar('\u00A0')).toBe(' ');
    expect(foldChar('\uFEFF')).toBe('');
    expect(foldChar('\u0661')).toBe('1');
  });

  it('cuts a long run of white space, and still maps spans across it to the text as typed', () => {
    const typed = `Mrs. Okafor${' '.repeat(30_000)}\n\n\n${'\t'.repeat(50)}is in bed 4`;
    const n = normalize(typed);
    expect(n.text).not.toMatch(new RegExp(`\\s{${MAX_SPACE_RUN + 1}}`));
    const bed = n.text.indexOf('bed 4');
    expect(typed.slice(...n.toOriginal(bed, bed + 5))).toBe('bed 4');
    expect(n.toOriginal(0, n.text.length)).toEqual([0, typed.length]);
    expect(normalize('short  runs\n\nstay').text).toBe('short  runs\n\nstay');
  });
});
