import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/engine/normalize.js';
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

  it('breaks a clause at an emoji or an unspaced ellipsis before a capital', () => {
    const clauseOf = (text: string, word: string) => {
      const c = new Structure(text).clauseAt(text.indexOf(word));
      return text.slice(c.start, c.end);
    };
    expect(clauseOf('Come see us tonight \u{1F60F} Pt is s/p fusion.', 'tonight')).toBe('Come see us tonight ');
    expect(clauseOf('Long day..Pt is s/p L3-S1 fusion.', 'day')).toBe('Long day');
    expect(clauseOf('Long day..Pt is s/p L3-S1 fusion.', 'fusion')).toBe('Pt is s/p L3-S1 fusion.');
    // Before a lower-case word the sentence goes on.
    expect(clauseOf('Love this 🙂 she walked today.', 'today')).toBe('Love this 🙂 she walked today.');
    expect(clauseOf('Version 2..3 is out.', 'out')).toBe('Version 2..3 is out.');
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

  it('breaks a clause at an em dash with no space around it, though folding made it a hyphen', () => {
    const { text, clauseDashes } = normalize('I never thought I would say it\u2014this brace cures sciatica, and it is well-known.');
    const s = new Structure(text, clauseDashes);
    const clauseOf = (word: string) => {
      const c = s.clauseAt(text.indexOf(word));
      return text.slice(c.start, c.end);
    };
    expect(clauseOf('cures')).toBe('this brace cures sciatica');
    expect(clauseOf('well-known')).toBe(' and it is well-known.');
    // "--" is how an em dash is typed; an en dash between words is a range.
    const typed = new Structure('I never said it--this brace cures sciatica.');
    expect(typed.clauseAt(typed.text.indexOf('cures')).start).toBe(typed.text.indexOf('this'));
    const range = normalize('Her L4\u20135 fusion healed.');
    expect(new Structure(range.text, range.clauseDashes).clauseAt(0)).toEqual({ start: 0, end: range.text.length });
  });

  it('does not break a clause inside a number, nor at the commas around one set into the clause', () => {
    const clauseOf = (text: string, word: string) => {
      const c = new Structure(text).clauseAt(text.indexOf(word));
      return text.slice(c.start, c.end);
    };
    expect(clauseOf('Her IP address 2001:0db8:85a3::7334 shows in the log after her injection.', 'injection')).toBe(
      'Her IP address 2001:0db8:85a3::7334 shows in the log after her injection.',
    );
    expect(clauseOf('My pt left her cell today, 555.310.8890, on the form after her injection.', 'today')).toBe(
      'My pt left her cell today, 555.310.8890, on the form after her injection.',
    );
    expect(clauseOf('Seen at 10:30, home by noon.', 'Seen')).toBe('Seen at 10:30');
  });

  it('grows a match to its sentence without taking one quotation mark of a pair', () => {
    // The quotation opens inside the sentence and closes in the next one: the stretch stops before it.
    const text = 'Log in here with your credentials today."Wedding season! 4 gins in" she wrote.';
    const s = new Structure(text);
    const sentence = s.sentenceAt(0);
    expect(text.slice(sentence.start, sentence.end)).toContain('Wedding season!');
    const kept = s.keepQuotesWhole(sentence.start, sentence.end, 0, text.indexOf(' today'));
    expect(text.slice(kept.start, kept.end)).toBe('Log in here with your credentials today.');
    // A quoted match stays inside its marks, even when its sentence ends on the closing one.
    const quoted = 'Sam said "my back hurts. Push for an epidural." today';
    const q = new Structure(quoted);
    const at = quoted.indexOf('Push');
    const inner = q.sentenceAt(at);
    const end = quoted.indexOf('." today') + 2;
    expect(quoted.slice(inner.start, inner.end)).toBe('Push for an epidural."');
    const grown = q.keepQuotesWhole(inner.start, inner.end, inner.start, end);
    expect(quoted.slice(grown.start, grown.end)).toBe('Push for an epidural.');
  });

  it('knows what is inside quotation marks', () => {
    const text = 'Patients say "slipped disc" but the disc did not slip.';
    const s = new Structure(text);
    const at = text.indexOf('slipped');
    expect(s.isQuoted(at, at + 12)).toBe(true);
    expect(s.isQuoted(text.indexOf('did'), text.indexOf('did') + 3)).toBe(false);
  });
});
