/**
 * Identifiers written the way people outside the dev set write them: UK and
 * Australian numbers, a day of the month on its own, ordinary words used as
 * names, testimonial signatures, no-show replies, banners, notorious
 * incidents; and the look-alikes that must stay quiet (the author's own
 * family, a practice's own line, a team cheered on, a famous quotation).
 */
import { describe, expect, it } from 'vitest';
import { flagged, review, rewriteOf } from './helpers.js';

function counted(text: string): string[] {
  return review(text)
    .findings.filter((f) => f.theme === 'compliance' && f.severity !== 'suggestion')
    .map((f) => `${f.rule}: ${f.text.trim()}`);
}

describe('numbers dialled outside North America', () => {
  it.each([
    ['Her son rang from 07700 900461 to say thanks after her fusion.', '07700 900461'],
    ['My pt left his mobile, 0412 345 678, in case the block wears off early.', '0412 345 678'],
    ["The pt's daughter's landline is 020 7946 0733 if he needs a lift after the injection.", '020 7946 0733'],
  ])('flags %s', (text, number) => {
    expect(flagged(text, 'compliance.patient-phone').join(' | ')).toContain(number);
  });

  it.each([
    'Book at our Leeds clinic on 0113 496 0000.',
    'Our Sydney office: (02) 9123 4567, weekdays 8 to 5.',
    'Pain scores fell from 07 to 02 over 12 weeks in the 2023 cohort.',
  ])('leaves %s', (text) => {
    expect(flagged(text, 'compliance.patient-phone')).toEqual([]);
  });

  it('flags a health-card number by its label', () => {
    expect(flagged('Reminder, the pt needs a new OHIP card: 4321-876-555 expired before his ablation.', 'compliance.record-number').join(' ')).toContain('4321-876-555');
    expect(flagged('We updated how health card numbers are stored in 2024.', 'compliance.record-number')).toEqual([]);
  });
});

describe('a day of the month on its own', () => {
  it('flags "on the 9th" in a reply about the care of the person addressed, and removes it', () => {
    const text = 'Mr. Abara, sorry your nerve block on the 9th ran late; we changed how we book the room.';
    expect(flagged(text, 'compliance.patient-date')).toEqual(['on the 9th']);
    expect(rewriteOf(text).rewrite).not.toContain('9th');
  });

  it.each([
    'Our next journal club is on the 14th at noon.',
    'The 3rd floor lounge reopens on the 21st.',
    'She took the stairs to the 4th floor after her fusion.',
  ])('leaves %s', (text) => {
    expect(flagged(text, 'compliance.patient-date')).toEqual([]);
  });
});

describe("the author's own family", () => {
  it.each([
    'My dad had his decompression last month with a surgeon I trust, and today he walked the lake loop.',
    'My mom had her fusion yesterday at Mercy and she is doing great.',
    'Proud of my husband Dan, three months after his microdiscectomy he ran a 10K.',
  ])('raises no identifier in %s', (text) => {
    expect(counted(text).filter((f) => !f.startsWith('compliance.patient-story-consent'))).toEqual([]);
  });

  it("still reads a patient's mother as the patient's family", () => {
    expect(flagged("My patient Lorna's mom drove her home after her kyphoplasty on March 3.", 'compliance.patient-date').join(' ')).toContain('March 3');
  });
});

describe('ordinary words used as names, and lower-case names', () => {
  it('takes a word set off by a role after it for a name, mid-sentence', () => {
    expect(flagged('So proud 🙌 Brook, starting goalie for the Wildcats, is skating again after his pars fracture.', 'compliance.patient-name')).toEqual(['Brook']);
  });

  it('takes a common lower-case word in a bed slot for a name', () => {
    expect(flagged('hope in 3 north bed 7 walked to the window today, POD3 after her fusion', 'compliance.patient-name')).toEqual(['hope']);
  });

  it.each([
    'The sun rose in the east and so did our clinic volunteers for the 5K.',
    'Go Bulldogs! Proud to be the team physician tonight.',
    'Snacking on Doritos and charting after a long day of clinic.',
    'Hope is not a strategy; evidence is.',
  ])('leaves %s', (text) => {
    expect(flagged(text, 'compliance.patient-name')).toEqual([]);
  });

  it("reads an EHR banner's shouted surname and initial next to record details", () => {
    expect(flagged('ugh the printer jammed [photo: label CALLOWAY, T · MRN 5529017]', 'compliance.patient-name')).toEqual(['CALLOWAY, T']);
    expect(flagged('ICU, I will be there at 7 for the handoff.', 'compliance.patient-name')).toEqual([]);
  });
});

describe('testimonials and replies', () => {
  it('flags a first name signing a testimonial about care, with the town after it', () => {
    const found = counted('"My surgeon got me back on my bike and I have no back pain at all!" — Ingrid from Harwick');
    expect(found.some((f) => f.startsWith('compliance.patient-name: Ingrid'))).toBe(true);
    expect(found.some((f) => f.includes('Harwick'))).toBe(true);
  });

  it('leaves a famous quotation signed with one name', () => {
    expect(counted('"The wound is the place where the light enters you." — Rumi')).toEqual([]);
  });

  it('flags a name with an age in brackets that came in for care, and the age with it', () => {
    const found = counted('Lily (34) from Harwick came to us after two failed epidurals and is now back at the gym.');
    expect(found.some((f) => f.startsWith('compliance.patient-name: Lily'))).toBe(true);
    expect(found.some((f) => f.endsWith(': 34'))).toBe(true);
  });

  it('flags a reply that tells a named person they missed their sessions', () => {
    expect(flagged('Mary, you missed your last two sessions and then left a bad review?', 'compliance.patient-name')).toEqual(['Mary']);
    expect(flagged('Patients who came in with sciatica last year mostly improved with physio.', 'compliance.patient-name')).toEqual([]);
  });
});

describe('identifying combinations', () => {
  it('flags a notorious incident that a patient was hurt in', () => {
    const found = flagged('Fused a 47 yo roofer from our county yesterday, hurt in the Pinecrest warehouse collapse that made the news.', 'compliance.identifying-combination');
    expect(found.join(' | ')).toContain('the Pinecrest warehouse collapse');
  });

  it('flags a public role of the person operated on', () => {
    expect(flagged("Just finished a revision on the mayor's wife. She did great.", 'compliance.identifying-combination')).toEqual(["the mayor's wife"]);
  });

  it('leaves a procedure done on a model', () => {
    expect(counted('We did a two-level ACDF workshop for residents on a cadaver model.')).toEqual([]);
  });
});
