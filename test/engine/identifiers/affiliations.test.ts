import { describe, expect, it } from 'vitest';
import { flagged, rewriteOf } from './helpers.js';

const RULE = 'compliance.patient-affiliation';

describe("patients' employers, schools and clubs", () => {
  it.each([
    ['Six weeks after her microdiscectomy she is back on the court for Westbrook Academy!', 'Westbrook Academy'],
    ['My pt works at Halvorsen Lumber and wants to get back to the yard after his fusion.', 'Halvorsen Lumber'],
    ['Shoutout to my patient, the FedEx driver with the bad back, pain-free after his decompression.', 'FedEx'],
    ['She is a 7th grade teacher at Lincoln Middle School and wants to be back after her microdiscectomy.', 'Lincoln Middle School'],
    ['My patient, the only female welder at the Bristow shipyard, is back at work after her ACDF.', 'the Bristow shipyard'],
    ['Before/after pics of my favorite patient (loudest guy at the Elm Creek VFW) after his fusion.', 'the Elm Creek VFW'],
    ['Kevin, so glad you are back to work after the fusion; tell your crew at Dawson Roofing hi!', 'Dawson Roofing'],
    ["Everyone recognized the patient: he's the weatherman on Channel 4! His fusion went great.", 'Channel 4'],
  ])('flags %s', (text, org) => {
    expect(flagged(text, RULE)).toContain(org);
  });

  it.each([
    "Proud to work at Crestview Academy's sports medicine program as their team physician.",
    'Our team ran the 5K for the Lakeside Fire Department charity this weekend.',
    'Spoke to the Rotary Club about back pain myths last night.',
    'Shoutout to Coach Williams and the Central High football team for hosting our injury-prevention clinic!',
    'The ICU nurse and the OR tech were amazing during the fusion today.',
    "Everyone in this county knows St. Brendan's spine team; they do good fusions.",
  ])('passes %s', (text) => {
    expect(flagged(text, RULE)).toEqual([]);
  });

  it('generalises the employer to its kind', () => {
    const { rewrite, errorsAfter } = rewriteOf('Now she is back on the varsity swim team at Greer Pines High after her fusion.');
    expect(rewrite).toBe('Now she is back on the varsity swim team at a local high school after her fusion.');
    expect(errorsAfter).toEqual([]);
  });
});
