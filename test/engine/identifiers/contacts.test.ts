import { describe, expect, it } from 'vitest';
import { flagged, hits, rewriteOf } from './helpers.js';

const PHONE = 'compliance.patient-phone';
const EMAIL = 'compliance.patient-email';

describe("patients' phone and fax numbers", () => {
  it.each([
    ['Mr. Ibsen, we tried you at (555) 201-4432 about your MRI results.', '(555) 201-4432'],
    ['My pt left her cell, 555.310.8890, on the intake form after her injection.', '555.310.8890'],
    ["Pt's daughter asked us to call her at 555-238-4419 with updates after her dad's fusion.", '555-238-4419'],
    ["Pt's fax for records: (555) 330-1288 ext. 4, per his daughter, after his fusion.", '(555) 330-1288 ext. 4'],
    ["My pt's husband left his number +1 555 310 7721 at the nurses station after her TLIF.", '+1 555 310 7721'],
    ["My pt's husband left his number 555\u2013310\u20137721 at the desk after her TLIF.", '555\u2013310\u20137721'],
    ["Call my patient's wife at 5 5 5 - 4 4 1 - 9 0 2 3 if he misses his injection.", '5 5 5 - 4 4 1 - 9 0 2 3'],
    ['My pt gave his cell 5550142267 for reminders after his fusion.', '5550142267'],
  ])('flags %s', (text, number) => {
    expect(flagged(text, PHONE).join(' | ')).toContain(number);
  });

  it.each([
    'Questions? Call our front desk at (555) 014-0199.',
    'For urgent post-op concerns, our 24/7 line is 555-201-7000.',
    'Fax referrals to our office at 555-301-2299.',
    'Text your name and member ID to 555-0166 and we will call you back.',
    'Linda, glad the fusion is holding up! Text me your CT at 555-0178.',
    'Our 2019-2020 outcomes report is out.',
  ])('passes %s', (text) => {
    expect(flagged(text, PHONE)).toEqual([]);
  });

  it('leaves a number untied when the rewrite signs a testimonial "— A patient"', () => {
    const { rewrite, errorsAfter } = rewriteOf('555.310.8890, "Back on my bike, no pain at all!" — Ingrid from Harwick, two weeks after her fusion.');
    expect(rewrite).toContain('— A patient from our area');
    expect(errorsAfter).toEqual([]);
  });

  it('masks a phone number as a number', () => {
    expect(hits('Mr. Ibsen, we tried you at (555) 201-4432 about your MRI results.', PHONE)[0]?.sensitive).toBe('number');
  });
});

describe("patients' e-mail addresses", () => {
  it.each([
    ['Got your note from m.castillo88@mailbox.com about your fusion, glad the pain is down!', 'm.castillo88@mailbox.com'],
    ['My pt wrote from rj dot kowalski at gmail asking about his stimulator battery.', 'rj dot kowalski at gmail'],
    ["Her email is dana_w[at]outlook[dot]com, per the pt's chart after her ablation.", 'dana_w[at]outlook[dot]com'],
    ['j.smith77@yahoo.com is my patient\u2019s email if the foundation wants to reach her after her fusion.', 'j.smith77@yahoo.com'],
  ])('flags %s', (text, address) => {
    expect(flagged(text, EMAIL).join(' | ')).toContain(address);
  });

  it.each([
    'Questions about the webinar? Email info@ridgecrestspine.org.',
    'Send referrals to referrals@valleyspine.com.',
    'If the portal fails, email the disc files to my personal address, dr.okafor.spine@gmail.com.',
    'Doing laps at the nurses station, look at gmail later.',
  ])('passes %s', (text) => {
    expect(flagged(text, EMAIL)).toEqual([]);
  });

  it('removes the address and the preposition that served it', () => {
    const { rewrite, errorsAfter } = rewriteOf('My pt wrote from rj dot kowalski at gmail asking about his stimulator battery.');
    expect(rewrite).toBe('My pt wrote asking about his stimulator battery.');
    expect(errorsAfter).toEqual([]);
  });
});

describe('a number typed with em dashes', () => {
  // Between letters an em dash ends a name (names.test.ts); between digits it still joins a number.
  it('is still a phone number', () => {
    const text = 'Call Mrs. Okafor at 555—123—4567 after her fusion today.';
    expect(flagged(text, 'compliance.patient-phone')).toEqual(['at 555—123—4567']);
    expect(rewriteOf(text).errorsAfter).toEqual([]);
  });
});
