/**
 * Shapes of identifiers that drafts by other authors use and the first
 * version of the recognizers missed: names tied to care by a relative clause
 * or shown in a result, bare ages over 89, residences, patients' handles,
 * relative dates, personal e-mail, public roles, images with visible details;
 * and the look-alikes that must pass (colleagues' dates, broadcast mentions,
 * a practice's own address, posts not about a patient).
 */
import { describe, expect, it } from 'vitest';
import { flagged, hits, review, rewriteOf } from './helpers.js';

describe('names tied to care without an honorific', () => {
  it.each([
    ['Such a kind letter from Bernadette Quill, whose laminectomy we did in the spring.', 'Bernadette Quill'],
    ['Osvaldo Prentiss, who we operated on in January, sent a photo from his daughter’s wedding.', 'Osvaldo Prentiss'],
    ['Look at Winifred two weeks after her kyphoplasty, already gardening again!', 'Winifred'],
    ['Here is Lachlan after his microdiscectomy, finally sleeping through the night.', 'Lachlan'],
    ['Side-by-side x-rays of Thaddeus’s scoliosis correction, 62° down to 9°.', 'Thaddeus'],
    ['Zoraida six months after surgery, back behind the bakery counter.', 'Zoraida'],
  ])('flags the name in %s', (text, name) => {
    expect(flagged(text, 'compliance.patient-name')).toContain(name);
  });

  it('keeps the excerpt to the name itself and the replacement in lower case mid-sentence', () => {
    const [finding] = hits('Such a kind letter from Bernadette Quill, whose laminectomy we did in the spring.', 'compliance.patient-name');
    expect(finding?.text).toBe('Bernadette Quill');
    expect(finding?.suggestion).toBe('a patient');
    expect(rewriteOf('Look at Winifred two weeks after her kyphoplasty, already gardening again!').rewrite).toBe(
      'Look at a patient two weeks after her kyphoplasty, already gardening again!',
    );
  });

  it('does not take a person for a place after "of" or "from"', () => {
    expect(flagged('Side-by-side x-rays of Thaddeus’s scoliosis correction, 62° down to 9°.', 'compliance.patient-location')).toEqual([]);
  });

  it.each([
    'Most people are back at a desk job three weeks after a microdiscectomy.',
    'Walking Tuesday and Thursday after surgery helps recovery.',
    'Thanks to Dr. Okoro, who we invited to grand rounds, for the talk on fusion rates.',
  ])('passes %s', (text) => {
    expect(hits(text, 'compliance.patient-name')).toEqual([]);
  });
});

describe('bare ages over 89 in apposition', () => {
  it.each([
    ['Mrs. Haldane, 97, was up in a chair the morning after her vertebroplasty.', '97'],
    ['My longtime patient Mr. Ferreira dropped in after his injection, 93 and sharp as ever.', '93'],
  ])('flags %s', (text, age) => {
    expect(flagged(text, 'compliance.age-over-89')).toEqual([age]);
  });

  it('generalises the age', () => {
    expect(rewriteOf('Mrs. Haldane, 97, was up in a chair the morning after her vertebroplasty.').rewrite).toContain('over 89');
  });

  it.each([
    'Our outcomes: scores of 88, 91 and 95 at one year after fusion.',
    'Our spine center turned 25, 91 staff and counting!',
    'Of 120 kyphoplasty patients, 94 went home the same day.',
  ])('passes %s', (text) => {
    expect(hits(text, 'compliance.age-over-89')).toEqual([]);
  });
});

describe('residences tied to a patient', () => {
  it.each([
    ['Rounded on my patient at Heron Lake Memory Care after her compression fracture.', 'Heron Lake Memory Care'],
    ['My pt is back at Birchwood Skilled Nursing & Rehab after his fusion.', 'Birchwood Skilled Nursing & Rehab'],
  ])('flags %s', (text, place) => {
    expect(flagged(text, 'compliance.patient-affiliation')).toContain(place);
  });

  it('passes a talk at a residence', () => {
    expect(hits('Gave a fall-prevention talk at Heron Lake Memory Care this week.', 'compliance.patient-affiliation')).toEqual([]);
  });
});

describe('handles', () => {
  it('flags the handle of a person thanked for a result after their surgery', () => {
    const [finding] = hits('Big shoutout to @rosie.rides_9 for finishing the century ride a year after her ACDF with us!', 'compliance.patient-link');
    expect(finding?.text).toContain('@rosie.rides_9');
  });

  it.each([
    '@channel the OR schedule for the fusion list changed, see the board.',
    '@everyone reminder: post-op huddle at 7.',
    'Log out after every shift.)@Always lock the workstation before you leave the room.',
    'Thanks @nina_lifts for covering my clinic while I was at the conference.',
  ])('passes %s', (text) => {
    expect(hits(text, 'compliance.patient-link')).toEqual([]);
  });
});

describe('relative dates of a patient event', () => {
  it.each([
    ['He died this morning, a month after his spinal cord injury.', 'this morning'],
    ['So glad your dad’s laminectomy yesterday went smoothly.', 'yesterday'],
    ['My patient was discharged over the weekend after her TLIF.', 'over the weekend'],
  ])('flags %s', (text, date) => {
    expect(flagged(text, 'compliance.patient-date')).toEqual([date]);
  });

  it.each([
    'Great journal club yesterday on fusion outcomes.',
    'Had a patient ask me today whether yoga is safe for back pain.',
    'Our clinic is closed today for the holiday.',
    'In memory of Dr. Ines Carvalho, our founding partner, who died on May 9.',
  ])('passes %s', (text) => {
    expect(hits(text, 'compliance.patient-date')).toEqual([]);
  });
});

describe('personal e-mail addresses', () => {
  it('flags the address of a named patient', () => {
    const [finding] = hits('Forwarding the MRI report to Mr. Oyelaran at dayo.oyelaran63@hotmail.com tonight.', 'compliance.patient-email');
    expect(finding?.text).toContain('dayo.oyelaran63@hotmail.com');
  });

  it.each(['Questions about your visit? Email appointments@ridgeviewspine.org.', 'Call us or email hello@ourbackclinic.com to book.'])(
    'passes %s',
    (text) => {
      expect(hits(text, 'compliance.patient-email')).toEqual([]);
    },
  );
});

describe('public roles tied to a patient', () => {
  it.each([
    ['Decompressed the fire chief’s daughter this morning, she is already up walking.', 'the fire chief’s daughter'],
    ['My patient, the town’s head football coach, is back on the sideline after his ACDF.', 'head football coach'],
    ['The gentleman in bed 9 after his kyphoplasty is the evening weatherman.', 'the evening weatherman'],
  ])('flags %s', (text, role) => {
    expect(flagged(text, 'compliance.identifying-combination').join(' | ')).toContain(role);
  });

  it.each([
    'The mayor cut the ribbon at our new spine center today.',
    'Thanks to the police chief for speaking at our safety fair.',
  ])('passes %s', (text) => {
    expect(hits(text, 'compliance.identifying-combination')).toEqual([]);
  });

  it('rewrites the role to a neutral description that re-reviews clean', () => {
    const { rewrite, errorsAfter } = rewriteOf('Decompressed the fire chief’s daughter this morning, she is already up walking.');
    expect(rewrite).toContain('a member of our community');
    expect(errorsAfter).toEqual([]);
  });
});

describe('images described with their details visible', () => {
  it('flags an image whose label is still readable', () => {
    expect(hits('CT of the week, full name and DOB still visible on the side.', 'compliance.face-or-biometric')).toHaveLength(1);
  });

  it('passes once the details are said to be removed', () => {
    const { rewrite, errorsAfter } = rewriteOf('CT of the week, full name and DOB still visible on the side.');
    expect(errorsAfter).toEqual([]);
    expect(review(rewrite).findings.filter((f) => f.rule === 'compliance.face-or-biometric')).toEqual([]);
  });
});

describe('general anecdotes', () => {
  it('does not take a remark passed on as a lesson for a patient story', () => {
    expect(hits('Had an 80-something patient tell me today that her daily walk is non-negotiable.', 'compliance.patient-encounter-consent')).toEqual([]);
  });

  it('still flags a story with details of the person', () => {
    expect(
      hits('Had a patient tell me this morning that she lost her job after her injury last spring.', 'compliance.patient-encounter-consent'),
    ).not.toEqual([]);
  });
});
