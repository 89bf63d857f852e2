import { describe, expect, it } from 'vitest';
import {
  isDigitCode,
  isHighEntropyToken,
  isPasswordLike,
  tokensIn,
  tokensWithin,
} from '../../../src/engine/detectors/secret-shapes.js';

describe('secret shapes', () => {
  it('reads passwords with digits or symbols, and PIN-length digit runs, as passwords', () => {
    for (const value of ['Spine2025', 'L5S1rocks', 'Ridgeview#88', 'p@ssword', '8812']) {
      expect(isPasswordLike(value), value).toBe(true);
    }
  });

  it('does not read clinical and everyday notation as a password', () => {
    for (const value of ['L4-5', 'C5-C6', 'L5S1', 'M54.5', '3/9/88', '7:30', '600mg', '#ad', '@drlee', 'COVID-19', 'regularly', '12']) {
      expect(isPasswordLike(value), value).toBe(false);
    }
  });

  it('reads keypad and one-time codes, with separators, but not measures', () => {
    for (const value of ['4729', '4-4-1-9', '44-19', '0612#', '493117']) expect(isDigitCode(value), value).toBe(true);
    for (const value of ['12.5', '30', '4-', '123', '12345678901']) expect(isDigitCode(value), value).toBe(false);
  });

  it('tells random-looking keys from words, identifiers and DOIs', () => {
    expect(isHighEntropyToken('Zq8vR2mN5xK1pL7tW4yB9cD3')).toBe(true);
    expect(isHighEntropyToken('sk-sched-8Hf2Qw91LmZ0tRv4')).toBe(true);
    expect(isHighEntropyToken('consistencyiskey')).toBe(false);
    expect(isHighEntropyToken('10.1016/j.spinee.2023.01.012')).toBe(false);
    expect(isHighEntropyToken('0000-0002-1825-0097')).toBe(false);
  });

  it('gives each token its offsets without the punctuation around it', () => {
    const text = 'pw is "Spine2025!", ok';
    const [, , value] = tokensIn(text, 0, text.length);
    expect(value?.core).toBe('Spine2025');
    expect(text.slice(value?.start, value?.end)).toBe('Spine2025');
    expect(value?.closesClause).toBe(true);
  });
  it('reads only as many tokens after a label as asked, keeping a token the reach bound cuts out', () => {
    const text = 'pw is ' + 'word '.repeat(500);
    expect(tokensWithin(text, 2, text.length, 1500, 5).map((t) => t.core)).toEqual(['is', 'word', 'word', 'word', 'word']);
    expect(tokensWithin('pw is Spine2025', 2, 15, 8).map((t) => t.core)).toEqual(['is']);
  });
});
