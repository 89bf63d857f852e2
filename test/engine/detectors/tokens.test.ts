import { describe, expect, it } from 'vitest';
import { tokensDetector } from '../../../src/engine/detectors/tokens.js';
import { build, found, postOf } from './detector-post.js';

const detect = build(tokensDetector, { gap: 4 });

describe('api-token detector', () => {
  it('knows the shapes providers give their keys', () => {
    expect(found(detect, 'aws key AKIAQ7ZP4KX2M9LW3RTB oops')).toEqual(['AKIAQ7ZP4KX2M9LW3RTB']);
    expect(found(detect, 'ghp_4fK9sLq2Xv8Rt1mZp0WcYb7NdE3uHj6Ga5Ti')).toEqual(['ghp_4fK9sLq2Xv8Rt1mZp0WcYb7NdE3uHj6Ga5Ti']);
    expect(found(detect, 'bot: xoxb-2213-88812-fgT6yQp2LmZ9')).toEqual(['xoxb-2213-88812-fgT6yQp2LmZ9']);
    expect(found(detect, 'jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTYifQ.dBjftJeZ4CVPmB92')).toHaveLength(1);
  });

  it('finds a random-looking value a few words after "key", "token" or "secret"', () => {
    expect(found(detect, 'here is our test secret: Zq8vR2mN5xK1pL7tW4yB9cD3 enjoy')).toEqual(['Zq8vR2mN5xK1pL7tW4yB9cD3']);
  });

  it('is case-sensitive about shapes, so ordinary words are not keys', () => {
    expect(found(detect, 'Akiana went skiing with the team.')).toEqual([]);
    expect(found(detect, 'Key takeaway: most herniations shrink on their own.')).toEqual([]);
    expect(found(detect, 'Key paper: 10.1016/j.spinee.2023.01.012 is worth a read.')).toEqual([]);
  });

  it('marks what it finds as a secret, whatever the quotation or negation around it', () => {
    const [candidate] = detect(postOf('never share "AKIAQ7ZP4KX2M9LW3RTB"'));
    expect(candidate?.sensitive).toBe('secret');
    expect(candidate?.contextChecked).toBe(true);
  });
});
