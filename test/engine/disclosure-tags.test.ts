import { describe, expect, it } from 'vitest';
import { disclosureTagPattern, disclosureTagsIn, keepingDisclosures } from '../../src/engine/disclosure-tags.js';

const list = { description: 'd', source: 's', terms: ['#ad', '(ad)', '[ad]', 'paid partnership', { term: '#gifted' }] };
const tags = disclosureTagPattern(list);

describe('disclosure tags kept by a suggestion that replaces their sentence', () => {
  it('are the hashtags and bracketed terms of the list, found whole and in any case', () => {
    expect(disclosureTagsIn('Log in here today (#AD), #gifted by them (ad) [ad]', tags)).toBe('#AD #gifted (ad) [ad]');
    expect(disclosureTagsIn('#adhd #bad ##ad2 a paid partnership', tags)).toBe('');
  });

  it('follow a replacement, stand alone for a removal, and are not added twice', () => {
    expect(keepingDisclosures('', 'Verify your account now #ad', tags)).toBe('#ad');
    expect(keepingDisclosures('See a clinician.', 'Take 800 mg #ad', tags)).toBe('See a clinician. #ad');
    expect(keepingDisclosures('See a clinician. #ad', 'Take 800 mg #ad', tags)).toBe('See a clinician. #ad');
    expect(keepingDisclosures('See a clinician.', 'Take 800 mg', tags)).toBe('See a clinician.');
  });

  it('are none when the catalogue lists none', () => {
    expect(disclosureTagPattern(undefined)).toBeUndefined();
    expect(disclosureTagPattern({ ...list, terms: ['paid partnership'] })).toBeUndefined();
    expect(keepingDisclosures('', 'Verify your account #ad', undefined)).toBe('');
  });
});
