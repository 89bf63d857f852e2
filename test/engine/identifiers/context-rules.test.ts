import { describe, expect, it } from 'vitest';
import { flagged, hits, review, rewriteOf } from './helpers.js';

describe('identifying combinations (C2)', () => {
  const RULE = 'compliance.identifying-combination';
  it.each([
    'Great case: 52M, the only blacksmith in the county, fused L4-5 after his anvil fell on him.',
    'My patient is a 38-year-old firefighter, the first woman captain in her district, back at work after her ACDF.',
    'The 85-year-old retired mayor of our little town is home after his kyphoplasty, and the whole diner knows it.',
  ])('flags %s', (text) => {
    expect(hits(text, RULE)).not.toEqual([]);
  });

  it.each([
    'A patient in her 40s asked me about the risks of fusion.',
    'Shared with his permission, a retired carpenter in his 70s is walking again after his decompression.',
    'Most of our patients are in their 50s and 60s when they first see us.',
    'Had a young mom in clinic this week who cried when I said she did not need surgery.',
  ])('passes %s', (text) => {
    expect(flagged(text, RULE)).toEqual([]);
  });

  it('explains which details combine', () => {
    const [f] = hits('Great case: 52M, the only blacksmith in the county, fused L4-5 after his anvil fell on him.', RULE);
    expect(f?.message).toMatch(/age.*occupation.*rarity|age, occupation, rarity/);
    expect(f?.evidence?.[0]).toMatch(/^details that combine: /);
  });

  it('generalises the age and the rarity so the combination no longer identifies', () => {
    const { rewrite, errorsAfter } = rewriteOf('Great case: 52M, the only blacksmith in the county, fused L4-5 after his anvil fell on him.');
    expect(rewrite).toBe('Great case: 50s M, a blacksmith in the county, fused L4-5 after his anvil fell on him.');
    expect(errorsAfter).toEqual([]);
  });
});

describe('confirming that someone is a patient (C5)', () => {
  const RULE = 'compliance.confirms-patient';
  it.each([
    'Thanks, Ms. Varga, we are so glad your laminectomy went well!',
    'Dear Tobias, sorry about the wait at your follow-up visit; we are fixing our scheduling.',
    '@jules_k it was a pleasure treating you, enjoy the trails!',
    'Hi Ayesha! So sorry you had trouble reaching us about your post-op visit.',
    'Thx 4 the review Brandon!!! glad ur back feels better after the RFA',
  ])('flags %s', (text) => {
    expect(hits(text, RULE)).not.toEqual([]);
  });

  it.each([
    "Thank you for your review! For privacy reasons we can't discuss anyone's care here; please call our office.",
    'We never confirm who our patients are, even when you ask us to.',
    'Thanks, Marco, for the great question about posture at our talk!',
    'Congratulations Jenna on your first solo ACDF today!',
    'Welcome back, Dr. Singh! Your patients missed you.',
    // "@" before a word that is no handle reads "at" (or is what a deleted word left behind).
    '@Your desk: three stretches to protect your fusion.',
    '@your desk: three stretches to protect your fusion.',
  ])('passes %s', (text) => {
    expect(flagged(text, RULE)).toEqual([]);
  });

  it('stops confirming once the name is gone from the rewrite', () => {
    const { rewrite, errorsAfter } = rewriteOf('Thanks, Ms. Varga, we are so glad your laminectomy went well!');
    expect(rewrite).toBe('Thanks, we are so glad your laminectomy went well!');
    expect(errorsAfter).toEqual([]);
  });
});

describe('posting from inside care in real time (C7)', () => {
  const RULE = 'compliance.real-time-care';
  it.each([
    'Right now in OR 4 doing a three-level fusion, wish us luck!',
    'Live from the OR, a tricky revision today!',
    "📍 St. Anne's Hospital OR, closing on a 2-level ACDF",
    'Currently scrubbed in on a 72M with cauda equina, OR 5, wish us luck',
    'Just closed on my 92 yo patient in bed 4, she did great',
  ])('flags %s', (text) => {
    expect(hits(text, RULE)).not.toEqual([]);
  });

  it.each([
    'We never post from the OR during a case.',
    'Live from the spine symposium in Denver, great first session.',
    'Just finished a great book on pain science.',
    'Just finished a 12-hour day in the OR and all three patients are doing well in recovery.',
    '📍 Millbrook Public Library: free back-health talk tonight!',
    'A day in the life: 7:00 OR, assisting on a C5-C6 ACDF; 12:30 lunch; 1:00 clinic.',
  ])('passes %s', (text) => {
    expect(flagged(text, RULE)).toEqual([]);
  });

  it('reads how far a case is from a live cue as the rewrite will, without the cues it removes', () => {
    // The ACDF is 66 characters past "As we speak"; once "livestreaming" is removed it is 52.
    const text = 'As we speak the coffee is gone and the music is loud, livestreaming my third ACDF of the day!';
    expect(flagged(text, RULE)).toEqual(['As we speak', 'livestreaming']);
    expect(rewriteOf(text).errorsAfter).toEqual([]);
  });

  it("rewrites the live moment to a time that does not date the patient's care", () => {
    // "earlier today" would itself be a date of care (compliance.patient-date) in a post about a patient.
    const { rewrite, errorsAfter } = rewriteOf('Right now in OR 4 doing a three-level fusion on my patient, wish us luck!');
    expect(rewrite).toBe('Recently in OR 4 doing a three-level fusion on my patient, wish us luck!');
    expect(errorsAfter).toEqual([]);
  });
});

describe('what every identifier finding carries', () => {
  const texts = [
    'Mrs. Okafor (DOB 3/2/1941, MRN 5521907) is POD2 after her ACDF in bed 12; call her son at 555-201-4432.',
    'Meet Tomasz K., 58, a welder from Harlow Springs, pain-free after his fusion. #patientstory',
  ];

  it.each(texts)('has a confidence, evidence and masking kind: %s', (text) => {
    const findings = review(text).findings.filter((f) => f.practice === 'C1');
    expect(findings.length).toBeGreaterThan(1);
    for (const f of findings) {
      expect(f.confidence).toBeGreaterThan(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
      expect(f.evidence?.length).toBeGreaterThan(0);
      expect(f.sensitive).toMatch(/^(?:name|number|identifier)$/);
      // Evidence is shown wherever the finding is: it never repeats the identifier.
      const identifier = f.text.replace(/^[\s,;:(—–-]+|[\s,;:)—–-]+$/g, '').toLowerCase();
      for (const e of f.evidence ?? []) expect(e.toLowerCase()).not.toContain(identifier);
    }
  });

  it.each(texts)('rewrites without any identifier and without errors: %s', (text) => {
    const { rewrite, errorsAfter } = rewriteOf(text);
    for (const f of review(text).findings.filter((x) => x.practice === 'C1' && x.sensitive)) {
      expect(rewrite).not.toContain(f.text.replace(/^[\s,;:—–-]+|[\s,;:—–-]+$/g, '').replace(/^(?:at|from|in|on|near)\s+/, ''));
    }
    expect(errorsAfter).toEqual([]);
  });
});
