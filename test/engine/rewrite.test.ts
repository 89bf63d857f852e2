import { describe, expect, it } from 'vitest';
import { applyEdits, compatibleEdits, matchCase, type Edit } from '../../src/engine/rewrite.js';

const edit = (start: number, end: number, priority: number, build: (inner: string) => string): Edit => ({ start, end, priority, build });

describe('rewrite', () => {
  it('applies disjoint edits', () => {
    const text = 'aaa bbb ccc';
    expect(applyEdits(text, [edit(0, 3, 0, () => 'X'), edit(8, 11, 0, () => 'Z')])).toBe('X bbb Z');
  });

  it('applies an inner edit before the outer one that builds on it', () => {
    const text = 'I love Brand X, says John Smith.';
    const at = text.indexOf('John Smith');
    const inner = edit(at, at + 'John Smith'.length, 0, () => 'a patient');
    const outer = edit(0, text.length, 1, (s) => `${s} #ad`);
    expect(applyEdits(text, compatibleEdits([outer, inner]))).toBe('I love Brand X, says a patient. #ad');
  });

  it('applies an edit that keeps its text after one of the same span that replaces it, so neither is lost', () => {
    const text = 'Text me your MRI, thanks Medronix for the trip!';
    const replace = edit(0, text.length, 0, () => 'Please see a clinician who can examine you.');
    const disclose: Edit = { ...edit(0, text.length, 0, (s) => `${s} (Disclosure: …)`), keepsInner: true };
    // Whichever is more important, the disclosure follows the replacement.
    expect(applyEdits(text, compatibleEdits([replace, disclose]))).toBe('Please see a clinician who can examine you. (Disclosure: …)');
    expect(applyEdits(text, compatibleEdits([disclose, replace]))).toBe('Please see a clinician who can examine you. (Disclosure: …)');
  });

  it('keeps the more important of two crossing edits', () => {
    const kept = compatibleEdits([edit(0, 5, 1, () => 'a'), edit(3, 8, 0, () => 'b')]);
    expect(kept).toHaveLength(1);
    expect(kept[0]?.start).toBe(3);
  });

  it('does not leave a double space or a space before punctuation after a deletion', () => {
    expect(applyEdits('the code is 4729 now', [edit(12, 16, 0, () => '')])).toBe('the code is now');
    expect(applyEdits('call me at 555-1234.', [edit(10, 19, 0, () => '')])).toBe('call me at.');
  });

  it('does not leave the comma or space of a deletion that opened a sentence, and capitalises only a pronoun or determiner after it', () => {
    const removed = (text: string, what: string) => {
      const at = text.indexOf(what);
      return applyEdits(text, [edit(at, at + what.length, 0, () => '')]);
    };
    expect(removed('@kim, our records show you missed it.', '@kim')).toBe('Our records show you missed it.');
    expect(removed('Great news. @kim, your scans look fine.', '@kim')).toBe('Great news. Your scans look fine.');
    expect(removed('Morning all\n@kim; thanks for coming', '@kim')).toBe('Morning all\nthanks for coming');
    expect(removed('Log in here today. thanks all', 'Log in here today.')).toBe('thanks all');
    // Made a capital, a word such as "income" would read as a name.
    expect(removed('screw you income, no sleep', 'screw you')).toBe('income, no sleep');
    // Inside a sentence the comma still belongs to it.
    expect(removed('Hey @kim, our records show you missed it.', '@kim')).toBe('Hey, our records show you missed it.');
    const text = '@kim, pw hunter2 works';
    expect(applyEdits(text, [edit(0, 4, 0, () => ''), edit(6, 16, 0, () => '[removed]')])).toBe('[removed] works');
    expect(applyEdits('@kim, @lee, thanks', [edit(0, 4, 0, () => ''), edit(6, 10, 0, () => '')])).toBe('thanks');
    expect(applyEdits('@kim, pw sent', [edit(0, 4, 0, () => ''), edit(6, 8, 0, () => 'code')])).toBe('code sent');
  });

  it('matches the case shape of what it replaces', () => {
    expect(matchCase('Slipped disc', 'disc herniation')).toBe('Disc herniation');
    expect(matchCase('SLIPPED DISC', 'disc herniation')).toBe('DISC HERNIATION');
    expect(matchCase('slipped disc', 'disc herniation')).toBe('disc herniation');
  });
});
