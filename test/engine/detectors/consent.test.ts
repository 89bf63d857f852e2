import { describe, expect, it } from 'vitest';
import { patientEncounterDetector } from '../../../src/engine/detectors/consent.js';
import { build, found } from './detector-post.js';

const detect = build(patientEncounterDetector, { people: 'story-people' });

describe('patient-encounter detector', () => {
  it('finds the one person a clinician describes meeting, with a few describing words', () => {
    expect(found(detect, 'Saw a teenage gymnast in clinic today.')).toEqual(['Saw a teenage gymnast']);
    expect(found(detect, 'We operated on a retired mail carrier last week.')).toEqual(['operated on a retired mail carrier']);
    expect(found(detect, 'Had a 9-year-old in the trauma bay last night.')).toEqual(['Had a 9-year-old']);
    expect(found(detect, 'A patient told me this morning she was scared.')).toEqual(['A patient told']);
  });

  it('does not take someone named after the object for the person met', () => {
    expect(found(detect, 'Saw a fantastic talk today by a nurse researcher.')).toEqual([]);
    expect(found(detect, 'Had a great day in clinic with our students.')).toEqual([]);
    expect(found(detect, 'I saw many patients with sciatica this week.')).toEqual([]);
  });
});
