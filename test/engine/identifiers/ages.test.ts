import { describe, expect, it } from 'vitest';
import { flagged, hits, rewriteOf } from './helpers.js';

const RULE = 'compliance.age-over-89';

describe('ages over 89', () => {
  it.each([
    ['My 96-year-old patient walked out two days after her kyphoplasty.', '96-year-old'],
    ['He turned ninety-one the week after his decompression.', 'ninety-one'],
    ['93F s/p vertebroplasty, pain down from 9 to 2.', '93F'],
    ['the sweetest 97 y/o great-grandma asks if I am eating enough while I check her fracture', '97 y/o'],
    ['My patient, aged 101, asked if she can go dancing after her vertebroplasty.', '101'],
    ['she is 96 and sharp as a tack after her kyphoplasty', '96'],
    ['Happy 90th birthday to my patient Dot, dancing again after her kyphoplasty!', '90th birthday'],
    ['My patient, born in 1929, is home after his kyphoplasty.', '1929'],
    ['One hundred and two years young and walking after her fusion, my favorite patient.', 'One hundred and two'],
  ])('flags %s', (text, age) => {
    expect(flagged(text, RULE)).toContain(age);
  });

  it.each([
    'Patients over 90 can still do well with kyphoplasty when chosen carefully.',
    'Our series included 14 patients aged 90+ and 22 90-year-olds.',
    'In her 90s and still gardening every day.',
    'The 97-year-old in our study cohort was an outlier; most participants were in their 60s.',
    'Pain scores fell 95% and 92 of 100 patients were satisfied after the injection.',
    'Update to firmware v9.93 and restart the scanner.',
  ])('passes %s', (text) => {
    expect(flagged(text, RULE)).toEqual([]);
  });

  it('is an error when the post is about a patient', () => {
    expect(hits('My 96-year-old patient walked out two days after her kyphoplasty.', RULE)[0]?.severity).toBe('error');
  });

  it.each([
    ['My 96-year-old patient walked out after her kyphoplasty.', 'My 90-plus patient walked out after her kyphoplasty.'],
    ['He turned ninety-one the week after his decompression.', 'He turned over 89 the week after his decompression.'],
  ])('says "over 89" instead: %s', (text, expected) => {
    const { rewrite, errorsAfter } = rewriteOf(text);
    expect(rewrite).toBe(expected);
    expect(errorsAfter).toEqual([]);
  });
});

describe('ages over 89 in the rewrite', () => {
  it.each([
    ['She is 97 y/o and walking on POD1 after her fusion.', 'She is 90-plus and walking on POD1 after her fusion.'],
    ['My pt is 93F, s/p L4-5 fusion, walking on POD1', 'My pt is 90-plus F, s/p L4-5 fusion, walking on POD1'],
  ])('does not read its own "90-plus" as an exact age, nor its "F" as a name: %s', (text, expected) => {
    const { rewrite, errorsAfter } = rewriteOf(text);
    expect(rewrite).toBe(expected);
    expect(errorsAfter).toEqual([]);
    expect(flagged(rewrite, 'compliance.patient-name')).toEqual([]);
  });
});
