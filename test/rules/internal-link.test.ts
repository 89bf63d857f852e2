/**
 * security.internal-link's rewrite, beyond its examples (rules/security.yml):
 * an address typed straight after "@" is replaced whole, so the rewrite
 * leaves neither a bare scheme nor an "@our" that reads as a handle.
 */
import { describe, expect, it } from 'vitest';
import { getEngine } from '../../src/engine/index.js';

const engine = getEngine();

describe('security.internal-link', () => {
  it('takes an "@" typed before the address along with it', () => {
    const text = 'Night team, bookmark @https://epic-hs.northvalleyhealth.org/launch for when the desktop icon fails.';
    const review = engine.review(text);
    expect(review.findings.filter((f) => f.rule === 'security.internal-link').map((f) => f.text)).toEqual([
      '@https://epic-hs.northvalleyhealth.org/launch',
    ]);
    expect(review.rewrite).toBe('Night team, bookmark our internal system for when the desktop icon fails.');
    expect(engine.review(review.rewrite).findings).toEqual([]);
  });

  it('takes the scheme along when a word is typed against the "@" before it, and leaves that "@" with the word', () => {
    const text = 'Swamped@https://epic-hs.northvalleyhealth.org/launch is down again, three lams to go.';
    const review = engine.review(text);
    expect(review.findings.filter((f) => f.rule === 'security.internal-link').map((f) => f.text)).toEqual([
      'https://epic-hs.northvalleyhealth.org/launch',
    ]);
    expect(review.rewrite).toBe('Swamped@our internal system is down again, three lams to go.');
    expect(engine.review(review.rewrite).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('still leaves an e-mail address on a clinical system alone', () => {
    expect(engine.review('Questions? Write to jdoe@epic.hospital.org any time.').findings.filter((f) => f.rule === 'security.internal-link')).toEqual([]);
  });
});
