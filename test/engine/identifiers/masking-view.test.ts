import { describe, expect, it } from 'vitest';
import { maskReview, maskWithin, type Finding } from '../../../src/engine/index.js';
import { spacingView } from '../../../src/engine/detectors/identifiers/view.js';
import { severityOf } from '../../../src/engine/detectors/identifiers/score.js';
import { review } from './helpers.js';

describe('masking what the identifier rules find', () => {
  it('shows no patient identifier anywhere in a masked review', () => {
    const text = "Thanks, Mrs. Delgado! We'll call you back at 555 014 2267 about your post-op visit; Delgado family, we love you.";
    const shown = JSON.stringify(maskReview(review(text)));
    expect(shown).not.toMatch(/Delgado|2267/);
    expect(shown).toContain('Mrs. D******');
  });

  it('keeps the first letter of names and nothing of numbers', () => {
    const masked = maskReview(review('Mr. Okoro (MRN 5521907) is s/p C4-6 ACDF.'));
    const name = masked.findings.find((f) => f.rule === 'compliance.patient-name');
    const mrn = masked.findings.find((f) => f.rule === 'compliance.record-number');
    expect(name?.text).toBe('Mr. O****');
    expect(mrn?.text).not.toMatch(/\d/);
  });
});

describe('masking a name found once wherever its parts appear', () => {
  const name: Finding = {
    rule: 'compliance.patient-name', practice: 'C1', theme: 'compliance', severity: 'error',
    start: 4, end: 17, text: ' Bill Navarro', message: 'm', why: 'w', suggestion: ' a patient', sensitive: 'name',
  };
  it('masks the parts as whole words, not inside other words', () => {
    expect(maskWithin('Bill said Navarro and Billings came; Bill Navarro too', [name])).toBe(
      'B*** said N****** and Billings came; B*** N****** too',
    );
  });
});

describe('closing up spaced-out text', () => {
  it('closes runs of single characters and maps spans back', () => {
    const text = 'call 5 5 5 - 0 1 2 3 now';
    const view = spacingView(text);
    expect(view.text).toBe('call 555-0123 now');
    const start = view.text.indexOf('555');
    const [s, e] = view.toPost(start, start + '555-0123'.length);
    expect(text.slice(s, e)).toBe('5 5 5 - 0 1 2 3');
    expect(view.wasSpaced(start, start + 3)).toBe(true);
  });

  it('leaves ordinary text alone', () => {
    const view = spacingView('Plan A is PT, plan B is an injection.');
    expect(view.identity).toBe(true);
  });

  it('leaves punctuation around a single letter alone', () => {
    // Closed up, '!" — A' would glue the quotation to the sentence after it.
    expect(spacingView('"No pain at all!" — A patient from our area.').identity).toBe(true);
  });
});

describe('score to severity', () => {
  it('maps high scores to errors, medium to warnings and drops low ones', () => {
    expect(severityOf(0.85)).toBe('error');
    expect(severityOf(0.7)).toBe('error');
    expect(severityOf(0.5)).toBe('warning');
    expect(severityOf(0.44)).toBeUndefined();
  });
});
