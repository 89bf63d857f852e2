import { describe, expect, it } from 'vitest';
import { institutionalVoiceDetector } from '../../../src/engine/detectors/institutional-voice.js';
import { build, found } from './detector-post.js';

const detect = build(institutionalVoiceDetector, {});
const run = (draft: string) => found(detect, draft);

describe('institutional-voice detector', () => {
  it('flags a personal post that announces a named institution\'s position', () => {
    expect(run('Harborview Medical Center will NOT be joining the registry. I think it is busywork.')).toEqual([
      'Harborview Medical Center will NOT',
    ]);
    expect(run("Our department has decided to boycott the new portal, and I'm proud of it.")).toHaveLength(1);
  });

  it('takes a personal signature as the author\'s own voice', () => {
    expect(run('St. Agnes Hospital opposes the scope bill.\n\n— Dr. Lena Ortiz')).toHaveLength(1);
    expect(run('St. Agnes Hospital opposes the scope bill.')).toEqual([]);
  });

  it('leaves the institution\'s own account and disclaimed opinions alone', () => {
    expect(run('A message from Harborview Medical Center: we will not be joining the registry this year.')).toEqual([]);
    expect(run('Views my own: Harborview Medical Center should not join the registry, I think.')).toEqual([]);
    expect(run("I'm not speaking for my employer, but Harborview Medical Center will not join, as I understand it.")).toEqual([]);
  });

  it('needs a capitalised institution or the author\'s own employer, and a stance', () => {
    expect(run('The hospital will not validate parking anymore, so I bike.')).toEqual([]);
    expect(run('Harborview Medical Center will open Saturday clinics in May; I will be there.')).toEqual([]);
    expect(run('I think a medical center that will not share data is making a mistake.')).toEqual([]);
  });
});
