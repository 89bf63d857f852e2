/**
 * Every recognizer sees through the usual disguises: zero-width characters
 * inside words, Cyrillic and Greek look-alike letters, full-width and other
 * non-ASCII digits, and (for numbers and names) characters spaced out one by
 * one. The engine folds the first three (normalize.ts); the recognizers'
 * spacing view closes up the last.
 */
import { describe, expect, it } from 'vitest';
import { flagged } from './helpers.js';

const ZWSP = '\u200b';
const LOOK_ALIKE: Record<string, string> = { a: '\u0430', e: '\u0435', o: '\u043e', p: '\u0440', c: '\u0441', x: '\u0445' };

/** Puts a zero-width space after every second letter of the secret. */
function zeroWidth(text: string, secret: string): string {
  return text.replace(secret, [...secret].map((ch, i) => (i % 2 === 1 && /\p{L}|\p{N}/u.test(ch) ? ch + ZWSP : ch)).join(''));
}
/** Swaps Latin letters of the secret for Cyrillic ones that look the same. */
function lookAlike(text: string, secret: string): string {
  return text.replace(secret, [...secret].map((ch) => LOOK_ALIKE[ch] ?? ch).join(''));
}
/** Writes the digits of the secret full-width (０-９). */
function fullWidth(text: string, secret: string): string {
  return text.replace(secret, secret.replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d))));
}
/** Spaces out every character of the secret: "5 5 5 - 0 1 2 3". */
function spaced(text: string, secret: string): string {
  return text.replace(secret, [...secret.replace(/\s/g, '')].join(' '));
}

const CASES: readonly { rule: string; text: string; secret: string; spacing: boolean }[] = [
  { rule: 'compliance.patient-name', text: 'Mrs. Okafor is walking laps on POD2 after her ACDF.', secret: 'Okafor', spacing: false },
  { rule: 'compliance.patient-location', text: 'My patient, a welder from Harlow Springs, is back at work after his fusion.', secret: 'Harlow', spacing: false },
  { rule: 'compliance.patient-affiliation', text: 'My pt works at Halvorsen Lumber and wants to get back after his fusion.', secret: 'Halvorsen', spacing: false },
  { rule: 'compliance.patient-date', text: 'Pt (DOB 11/02/1959) is s/p L3-S1 fusion.', secret: '11/02/1959', spacing: true },
  { rule: 'compliance.age-over-89', text: 'My 96-year-old patient walked out after her kyphoplasty.', secret: '96', spacing: false },
  { rule: 'compliance.patient-phone', text: "Pt's daughter asked us to call her at 555-238-4419 after her dad's fusion.", secret: '555-238-4419', spacing: true },
  { rule: 'compliance.patient-email', text: 'My pt wrote from kowalski77@mailbox.com about his stimulator.', secret: 'kowalski77', spacing: false },
  { rule: 'compliance.social-security-number', text: 'Insurance needs the pt SSN: 412-55-9087 before her fusion.', secret: '412-55-9087', spacing: true },
  { rule: 'compliance.record-number', text: 'OR board this morning: L4-5 TLIF, MRN 7730021, first case.', secret: '7730021', spacing: true },
  { rule: 'compliance.room-or-bed', text: 'The sweet lady in bed 22 asked for pudding after her kyphoplasty.', secret: '22', spacing: false },
  { rule: 'compliance.licence-number', text: 'Her passport number is 583920174 if the clinic needs it after her ACDF.', secret: '583920174', spacing: true },
  { rule: 'compliance.vehicle-identifier', text: "The crash pt's truck, plate 7KXB291, was in the ED lot after his fusion.", secret: '7KXB291', spacing: false },
  { rule: 'compliance.device-identifier', text: 'His stimulator generator S/N 88231-XK0 needs a check after the revision.', secret: '88231', spacing: false },
  { rule: 'compliance.patient-link', text: 'Follow my patient @kaleb_rides as he gets back on the bike after his fusion!', secret: 'kaleb', spacing: false },
  { rule: 'compliance.ip-address', text: "The pt's IP 98.207.44.12 posted the review about his laminectomy.", secret: '98.207.44.12', spacing: false },
  { rule: 'compliance.face-or-biometric', text: 'Swipe to see her smiling face two weeks after her fusion!', secret: 'face', spacing: false },
  { rule: 'compliance.identifying-combination', text: 'Great case: 52M, the only blacksmith in the county, fused L4-5 after his anvil fell.', secret: 'blacksmith', spacing: false },
  { rule: 'compliance.confirms-patient', text: 'Thanks, Ms. Varga, we are so glad your laminectomy went well!', secret: 'laminectomy', spacing: false },
  { rule: 'compliance.real-time-care', text: 'Right now in OR 4 doing a three-level fusion, wish us luck!', secret: 'Right now', spacing: false },
];

describe('disguised identifiers', () => {
  for (const c of CASES) {
    describe(c.rule, () => {
      it('flags the plain text', () => {
        expect(flagged(c.text, c.rule)).not.toEqual([]);
      });
      it('flags it with zero-width characters inside', () => {
        expect(flagged(zeroWidth(c.text, c.secret), c.rule)).not.toEqual([]);
      });
      it('flags it with look-alike letters', () => {
        expect(flagged(lookAlike(c.text, c.secret), c.rule)).not.toEqual([]);
      });
      it('flags it with full-width digits', () => {
        expect(flagged(fullWidth(c.text, c.secret), c.rule)).not.toEqual([]);
      });
      if (c.spacing) {
        it('flags it spaced out character by character', () => {
          expect(flagged(spaced(c.text, c.secret), c.rule)).not.toEqual([]);
        });
      }
    });
  }

  it('maps a disguised finding back onto what the author typed', () => {
    const text = zeroWidth('Mrs. Okafor is walking laps on POD2 after her ACDF.', 'Okafor');
    const [excerpt] = flagged(text, 'compliance.patient-name');
    expect(excerpt?.replace(/\u200b/g, '')).toBe('Mrs. Okafor');
  });
});
