import { describe, expect, it } from 'vitest';
import { flagged, rewriteOf } from './helpers.js';

describe('links and handles pointing at a patient', () => {
  const RULE = 'compliance.patient-link';
  it.each([
    ["Please support my patient's recovery after her spinal cord injury at gofundme.com/f/help-lena-walk", 'gofundme.com/f/help-lena-walk'],
    ["Follow along with Marcy's recovery after her fusion: caringbridge.org/visit/marcyjones", 'caringbridge.org/visit/marcyjones'],
    ['Follow my patient @kaleb_rides as he gets back on the bike after his fusion!', '@kaleb_rides'],
    ['@marisa.trains it was a pleasure treating you, enjoy the half marathon!', '@marisa.trains'],
    ['@carlos_lifts it was an honor to be your surgeon. Enjoy getting back under the bar!', '@carlos_lifts'],
    // Spoken to after other words: removing those words (the rewrite drops the insult) must not be what reveals the handle.
    ['Go to hell @paula_k, our records show you cancelled twice before your scan.', '@paula_k'],
    ['Honestly @paula_k we hear you, but you missed your follow-up visit twice.', '@paula_k'],
  ])('flags %s', (text, link) => {
    expect(flagged(text, RULE).join(' | ')).toContain(link);
  });

  it.each([
    'Thanks to @DrKimSpine for the great grand rounds talk on myelopathy.',
    'Read our back-pain guide at www.valleyspine.org/resources.',
    'Congrats @NASSspine on a great annual meeting!',
    'Follow @NASSspine and @AANSNeuro for guideline updates.',
    '@DrSanjayPatelSpine third time I am explaining this: read past the abstract.',
    '@your desk: three stretches to protect your fusion.',
    'Thanks to @DrKimSpine, your questions about fusion were answered.',
    'Great panel with @nass_spine, we learned a lot about fusion outcomes.',
  ])('passes %s', (text) => {
    expect(flagged(text, RULE)).toEqual([]);
  });
});

describe('full-face photos, images with patient details, biometrics', () => {
  const RULE = 'compliance.face-or-biometric';
  it.each([
    'Swipe to see her smiling face two weeks after her fusion!',
    'Swipe to see his face when he stood up straight after his deformity correction 😭',
    'Check out this x-ray with the name and DOB still on the label.',
    "Here's a screenshot of the chart for the case we discussed.",
    'Before/after pics of my favorite patient after his fusion!',
    'Selfie with my patient on his discharge day after the ACDF!',
    // "no." before a number is "number", not a negation of the picture.
    "Case no. 12 is my patient's x-ray with her name and DOB still on the label.",
  ])('flags %s', (text) => {
    expect(flagged(text, RULE)).not.toEqual([]);
  });

  it.each([
    'Swipe to see her progress two weeks after her fusion (face blurred, shared with permission).',
    "Here's a de-identified x-ray, names removed, showing the pedicle screws.",
    "We never share photos of patients' faces.",
    'Swipe to see the patient-flow dashboards our team built (all demo data).',
    'Our patient education video on sciatica is live, link in comments.',
  ])('passes %s', (text) => {
    expect(flagged(text, RULE)).toEqual([]);
  });

  it('rewrites so that the image is said to be blurred or stripped of details', () => {
    const { rewrite, errorsAfter } = rewriteOf('Check out this x-ray with the name and DOB still on the label.');
    expect(rewrite).toBe('Check out this x-ray with the name and DOB hidden still on the label.');
    expect(errorsAfter).toEqual([]);
  });

  it('reads a picture word typed straight after a number, before the rewrite removes the number', () => {
    // A patient's phone number typed against the word: with the number dropped, the screenshot was first read in the rewrite.
    const text = 'Her cell: 07700900461screenshot of his chart below, tell me this is not the worst med list.';
    expect(flagged(text, RULE)).toEqual(['screenshot of his chart']);
    expect(flagged('3screenshots of the chart from last night, names on the X-ray visible', RULE)).not.toEqual([]);
    expect(rewriteOf(text).errorsAfter).toEqual([]);
  });
});
