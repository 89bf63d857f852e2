import { describe, expect, it } from 'vitest';
import { flagged, hits, rewriteOf } from './helpers.js';

const RULE = 'compliance.patient-date';

describe("dates of a patient's care or birth", () => {
  it.each([
    ['My patient was admitted on January 9 with cauda equina and fused the same night.', 'January 9'],
    ['Pt (DOB 11/02/1959) is s/p L3-S1 fusion.', 'DOB 11/02/1959'],
    ['Kyle R. (D.O.B. 3/9/88) tried to fight the CT tech, s/p T12 fx.', '3/9/88'],
    ['Two years ago today I did her kyphoplasty, and she still sends me a card.', 'Two years ago today'],
    ['Shoutout to my pt from Wednesday who walked out of PACU after his laminectomy.', 'Wednesday'],
    ['Her surgery was on the 3rd of March, and she is hiking again.', 'the 3rd of March'],
    ['He was admitted on Christmas Eve after falling off his roof; we fused T12-L2.', 'Christmas Eve'],
    ['Happy birthday to my patient, born on the fourth of July 1931, back to gardening after her kyphoplasty!', 'the fourth of July 1931'],
    ['DOS 2/2, now 6 weeks out and he is back at the gym.', '2/2'],
    ['Discharged 11/30 after her kyphoplasty and already back at bridge club.', '11/30'],
  ])('flags %s', (text, date) => {
    expect(flagged(text, RULE).join(' | ')).toContain(date);
  });

  it.each([
    'Join us Thursday, May 8 at 6 pm for a free talk on back pain.',
    'Our office will be closed on the Fourth of July.',
    'Residents, the fusion outcomes journal club moved to 4/17.',
    'Rate your pain 7/10? Gentle walking usually helps. Strength 5/5 in both legs is reassuring.',
    'Match Day was 3/21 and I am still grinning.',
    'Presenting our 2-yr outcomes at the symposium, Sat Oct 11, 2:40pm, Room B. 212 pts.',
    'Our PT runs the post-op fusion class every Wednesday at 4 pm.',
    'Every year on March 3 I think about my first patient as an intern.',
  ])('passes %s', (text) => {
    expect(flagged(text, RULE)).toEqual([]);
  });

  it('treats a date of birth as an error whatever else the post says', () => {
    expect(hits('Pt (DOB 11/02/1959) is s/p L3-S1 fusion.', RULE)[0]?.severity).toBe('error');
  });

  it.each([
    ['My patient was admitted on January 9 with cauda equina.', 'My patient was admitted with cauda equina.'],
    ['My patient was fused on March 2, 2019 and is still pain-free.', 'My patient was fused in 2019 and is still pain-free.'],
    ['Two years ago today I did her kyphoplasty.', 'About two years ago I did her kyphoplasty.'],
    ['Reminder to my pt — your post-op appointment moved to Thursday!', 'Reminder to my pt — your post-op appointment moved to a new date!'],
    ['Happy birthday to my patient, born on the fourth of July 1931, back to gardening after her kyphoplasty!', 'Happy birthday to my patient, born more than 89 years ago, back to gardening after her kyphoplasty!'],
  ])('keeps at most the year: %s', (text, expected) => {
    const { rewrite, errorsAfter } = rewriteOf(text);
    expect(rewrite).toBe(expected);
    expect(errorsAfter).toEqual([]);
  });
});

describe('relative days beside a number the rewrite removes', () => {
  it.each([
    'My pt left her cell today, 555.310.8890, on the intake form after her injection.',
    'Swiped in with my badge today since mine is broken 😅 her IP address 2001:0db8:85a3::7334 shows up in the pt portal log after her injection.',
  ])('reads the clause as the rewrite will, without the number: %s', (text) => {
    // The number is part of its clause; its rewrite takes it out, and must not leave a date the first review let pass.
    expect(flagged(text, 'compliance.patient-date')).toEqual(['today']);
    expect(rewriteOf(text).errorsAfter).toEqual([]);
  });
});

describe('relative days beside a parenthesis the rewrite removes', () => {
  it.each([
    'Come see us tonight \u{1F60F} Pt (DOB 11/02/1959) is s/p L3-S1 fusion.',
    'Late clinic tonight..Pt (DOB 11/02/1959) is s/p L3-S1 fusion and doing great.',
  ])('keeps the day out of the next sentence once the parenthesis is gone: %s', (text) => {
    // The emoji or the ellipsis ends what came before; only the parenthesis did so in the first review.
    expect(flagged(text, 'compliance.patient-date')).toEqual(['(DOB 11/02/1959)']);
    expect(rewriteOf(text).errorsAfter).toEqual([]);
  });
});
