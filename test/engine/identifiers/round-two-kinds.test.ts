import { describe, expect, it } from 'vitest';
import { flagged, hits } from './helpers.js';

// Kinds of identifier that writers outside the US, and in chattier voices, use: day-first dates, ordinary words
// used as names, "at 97", ward codes, reply-to-patient phone numbers, towns after "home to", nicknames with a
// workplace, an occupation with its employer, what a photo shows. And a name the post says consented is cleared.

describe('day-first dates tied to care', () => {
  it.each([
    ['Op date 23/11 for my pt, L5-S1 TLIF, all went smoothly.', '23/11'],
    ['Mrs Dlamini had her discectomy on 29/08 and is already back at the school gate.', '29/08'],
    ['She was admitted 17.04.2023 with cauda equina and fused that night.', '17.04.2023'],
    ["My patient's DOB is 21/06/1948 and she still walks 5k a day after her fusion.", '21/06/1948'],
  ])('flags %s', (text, date) => {
    expect(flagged(text, 'compliance.patient-date').join(' | ')).toContain(date);
  });
  it.each([
    'Our spine journal club is on 23/11 at the usual room.',
    'The deadline for NASS abstracts is 14/03, so get writing.',
    'Pain scores dropped from 18/30 to 6/30 in the trial group.',
    'Clinic will be closed on 25/12 and 26/12; for urgent post-op concerns ring our on-call line.',
  ])('leaves alone %s', (text) => {
    expect(hits(text, 'compliance.patient-date')).toEqual([]);
  });
});

describe('names spoken to', () => {
  it.each([
    ['Grace, you smashed it! Three weeks after her L4-5 fusion and walking the dog again.', 'Grace'],
    ['Faith - you did every single exercise. So proud of her after that kyphoplasty.', 'Faith'],
    ['Sorry about the mix-up, Daniel, but your injection on the 14th had to move.', 'Daniel'],
    ['Thanks for the lovely card, Priya, and so glad your ACDF recovery is going well!', 'Priya'],
  ])('flags %s', (text, name) => {
    expect(flagged(text, 'compliance.patient-name')).toContain(name);
  });
  it.each([
    'Hope, for many people with sciatica, is the first thing to go; education helps.',
    'Grace, humility and good listening make a great clinician.',
    'Marco, you asked a great question about fusion at our talk!',
    'Summer, you are going to smash your first week as our new physio!',
    "Sorry we missed your call, Karen, but for privacy reasons we can't discuss anyone's care here.",
  ])('leaves alone %s', (text) => {
    expect(hits(text, 'compliance.patient-name')).toEqual([]);
  });
});

describe('a name the post states consent for', () => {
  it.each([
    "Shared with Rosa's written, social-media-specific consent: her journey after scoliosis surgery.",
    "Tom signed our social media consent form and chose the photos; two years after his fusion he's back surfing.",
    'With permission from Marcus, who had his ACDF last month and is back at the gym.',
  ])('clears %s', (text) => {
    expect(hits(text, 'compliance.patient-name')).toEqual([]);
  });
  it.each([
    ["Posted without Kelsey's consent, sorry: Kelsey is doing great after her fusion.", 'Kelsey'],
    ["Shared with Rosa's written consent. Also pictured: my patient Kelsey, two weeks after her fusion.", 'Kelsey'],
  ])('still flags %s', (text, name) => {
    expect(flagged(text, 'compliance.patient-name')).toContain(name);
  });
});

describe('ages, rooms and phones', () => {
  it('flags "at 97" and "aged 92" in a sentence about one patient', () => {
    expect(flagged('At 94 she came through her kyphoplasty like a champ.', 'compliance.age-over-89')).toContain('94');
    expect(flagged('My patient had her vertebroplasty at 101, and she is back at bingo.', 'compliance.age-over-89')).toContain('101');
  });
  it('leaves angles, percentages and aggregates alone', () => {
    for (const text of [
      'Hold the stretch with your knees at 90 and hips at 90 for thirty seconds.',
      'At 95% confidence, the difference in fusion rates was not significant.',
      'Our oldest patients, aged 90 and over, do surprisingly well with kyphoplasty.',
    ]) {
      expect(hits(text, 'compliance.age-over-89')).toEqual([]);
    }
  });
  it('flags a ward code where a patient is, not a race or a new wing', () => {
    expect(flagged('POD2 and our lovely lady in 612C is up with the walker after her fusion.', 'compliance.room-or-bed')).toContain('in 612C');
    expect(hits('He finished in 12th place in the 10K after his physio block.', 'compliance.room-or-bed')).toEqual([]);
    expect(hits('Our new ward on level 4 has rooms 410A and 412B for day cases.', 'compliance.room-or-bed')).toEqual([]);
  });
  it("flags a number the practice left messages on, in a reply to a patient, not the practice's own", () => {
    expect(flagged('We left you a voicemail on 0412 345 678, Mr Nguyen, about your scan results.', 'compliance.patient-phone').join()).toContain('0412 345 678');
    expect(flagged('Hi Jo, sorry your scan results were delayed. We tried 07700 900461 twice with no answer.', 'compliance.patient-phone')).toContain('07700 900461');
    expect(hits('Hi Sam, glad your fusion went well! For bookings the number is 0161 496 0000.', 'compliance.patient-phone')).toEqual([]);
  });
});

describe('places, workplaces and pictures', () => {
  it.each([
    ['Only in Ballymena: a farmer pinned under his tractor, and now walking after his T12 fixation.', 'compliance.patient-location', 'Ballymena'],
    ['Discharged 3 Jan and back home to Lisburn after the cervical disc replacement.', 'compliance.patient-location', 'Lisburn'],
    ['Little Sean from the corner shop is back stacking shelves after his disc flare!', 'compliance.patient-affiliation', 'the corner shop'],
    ["Treating the head chef at Marlowe's for his slipped disc this week.", 'compliance.patient-affiliation', "Marlowe's"],
    ['Photo from rounds: his face and wristband fully visible, POD1 after his ACDF.', 'compliance.face-or-biometric', 'face and wristband'],
    ['Ignore the chart on my screen, just look at this cute lunch.', 'compliance.face-or-biometric', 'chart on my screen'],
    ['Night shift selfie, census on the second monitor (I blurred most of it).', 'compliance.face-or-biometric', 'census'],
  ])('flags %s', (text, rule, part) => {
    expect(flagged(text, rule).join(' | ')).toContain(part);
  });
  it.each([
    'If a man fell from a ladder in Ballina, would you get a CT?',
    'Home to Glasgow after a brilliant spine conference in London!',
    'Grabbed coffee with Dr. Ana Reyes from the farmers market before her lecture.',
    'Our head physio at Leeds is running the back pain class this week.',
    'Always blur faces and wristbands in frame before posting.',
    'Our Epic training is on the big screen in the auditorium at noon.',
    'Selfie at the nurses station, patient board in the background blurred.',
  ])('leaves alone %s', (text) => {
    const found = ['compliance.patient-location', 'compliance.patient-affiliation', 'compliance.face-or-biometric'].flatMap((r) => hits(text, r));
    expect(found).toEqual([]);
  });
});

describe('spaced-out words that are not names', () => {
  it('reads a spaced-out field label as a label, in a post about a patient', () => {
    const text = 'Mrs. Okafor is walking the halls on POD2 after her ACDF. p a s s w o r d: Coccyx2025 for the lounge tablet';
    expect(flagged(text, 'compliance.patient-name')).toEqual(['Mrs. Okafor']);
  });
});
