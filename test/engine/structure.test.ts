import { describe, expect, it } from 'vitest';
import { Structure } from '../../src/engine/structure.js';

const sentencesOf = (text: string) => new Structure(text).sentences.map((s) => text.slice(s.start, s.end));

describe('Structure', () => {
  it('splits sentences at end punctuation and line breaks, not at "Dr."', () => {
    expect(sentencesOf('Thanks to Dr. Lee for the talk. Great day!\nSee you at NASS')).toEqual([
      'Thanks to Dr. Lee for the talk.',
      'Great day!',
      'See you at NASS',
    ]);
  });

  it('splits bullet lists into items', () => {
    expect(sentencesOf('Facts:\n• stay active\n• walk daily')).toEqual(['Facts:', '• stay active', '• walk daily']);
  });

  it('finds the sentence and clause around a position', () => {
    const text = 'We never share names, but here is the code.';
    const s = new Structure(text);
    const pos = text.indexOf('code');
    expect(text.slice(s.sentenceAt(pos).start, s.sentenceAt(pos).end)).toBe(text);
    const clause = s.clauseAt(pos);
    expect(text.slice(clause.start, clause.end)).toBe(' here is the code.');
  });

  it('knows what is inside quotation marks', () => {
    const text = 'Patients say "slipped disc" but the disc did not slip.';
    const s = new Structure(text);
    const at = text.indexOf('slipped');
    expect(s.isQuoted(at, at + 12)).toBe(true);
    expect(s.isQuoted(text.indexOf('did'), text.indexOf('did') + 3)).toBe(false);
  });
});
