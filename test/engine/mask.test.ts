import { describe, expect, it } from 'vitest';
import { maskExcerpt, maskReview, maskWithin } from '../../src/engine/mask.js';
import type { Finding, Review } from '../../src/engine/types.js';

const finding = (text: string, start: number, sensitive?: Finding['sensitive']): Finding => ({
  rule: 'compliance.test',
  practice: 'C1',
  theme: 'compliance',
  severity: 'error',
  start,
  end: start + text.length,
  text,
  message: 'm',
  why: 'w',
  suggestion: 'a patient',
  ...(sensitive ? { sensitive } : {}),
});

describe('masking', () => {
  it('keeps the first letter of each part of a name and the title', () => {
    expect(maskExcerpt('John Smith', 'name')).toBe('J*** S****');
    expect(maskExcerpt('Mrs. Delgado', 'name')).toBe('Mrs. D******');
  });

  it('keeps nothing of numbers, secrets and other identifiers, but keeps their punctuation', () => {
    expect(maskExcerpt('555-014-2267', 'number')).toBe('***-***-****');
    expect(maskExcerpt('Hunter2!', 'secret')).toBe('*******!');
    expect(maskExcerpt('jt@example.org', 'identifier')).toBe('**@*******.***');
  });

  it('hides an identifier wherever it appears, longest first', () => {
    const findings = [finding('John', 30, 'name'), finding('John Smith', 0, 'name')];
    expect(maskWithin('John Smith said John was fine', findings)).toBe('J*** S**** said J*** was fine');
  });

  it('leaves text alone when nothing is sensitive', () => {
    expect(maskWithin('slipped disc', [finding('slipped disc', 0)])).toBe('slipped disc');
  });

  it('masks excerpts, suggestions and the rewrite of a review', () => {
    const text = 'Thanks Ayana, call 555 014 2267 and your slipped disc will heal';
    const review: Review = {
      findings: [
        { ...finding('Ayana', 7, 'name'), suggestion: 'there' },
        { ...finding('555 014 2267', 19, 'number'), suggestion: '' },
        { ...finding('Thanks Ayana, call 555 014 2267', 0), suggestion: 'Thanks Ayana, call us' },
      ],
      rewrite: text,
    };
    const masked = maskReview(review);
    const shown = JSON.stringify(masked);
    expect(shown).not.toContain('Ayana');
    expect(shown).not.toContain('2267');
    expect(masked.findings[2]?.text).toBe('Thanks A****, call *** *** ****');
    expect(masked.findings[2]?.suggestion).toBe('Thanks A****, call us');
  });
});
