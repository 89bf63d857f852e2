/**
 * professionalism.impaired-at-work, beyond its examples (rules/professionalism.yml):
 * "buzzed" is the state, not a phone or pager buzzing nor someone buzzing
 * "my phone", so a clinical word nearby (which a rewrite can bring: "relief
 * for many patients") does not make it impairment.
 */
import { describe, expect, it } from 'vitest';
import { getEngine } from '../../src/engine/index.js';

const engine = getEngine();
const RULE = 'professionalism.impaired-at-work';
const flagged = (text: string) => engine.review(text).findings.filter((f) => f.rule === RULE);

describe(RULE, () => {
  it.each([
    'My pager buzzed all through clinic, so relief for many patients came late today.',
    'Okta buzzed my phone twice during clinic: new login codes for everyone.',
  ])('reads a device buzzing as the verb: %s', (text) => {
    expect(flagged(text)).toEqual([]);
  });

  it.each([
    'Coffee from @buzzed again, the only way I survive clinic.',
    'Shoutout to @drunk for the playlist that got me through my fusion cases.',
    '@tipsy a patient asked about your bakery, great cake at the clinic party!',
  ])('reads a state typed as a handle as an account, not the author: %s', (text) => {
    // The rewrite can put "a patient" next to the handle ("@buzzed Mr. Abara, ..."), so the handle must not count on its own.
    expect(flagged(text)).toEqual([]);
  });

  it('still flags being buzzed before clinical work', () => {
    expect(flagged('Yikes. Still a little buzzed from the gala and my first patient is checked in.')).toHaveLength(1);
  });

  it('leaves a rewrite that puts "patients" after a phone that buzzed with no error', () => {
    const { rewrite } = engine.review('Okta buzzed my phone mid-lecture: 318 552 😂 Guaranteed relief from sciatica in one session.');
    expect(rewrite).toContain('Relief for many patients');
    expect(engine.review(rewrite).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
