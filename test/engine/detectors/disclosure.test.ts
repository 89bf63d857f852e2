import { describe, expect, it } from 'vitest';
import { disclosureDetector } from '../../../src/engine/detectors/disclosure.js';
import { build, postOf } from './detector-post.js';

const detect = build(disclosureDetector, {
  praise: ['praise'],
  products: ['product-nouns'],
  brands: ['product-brands'],
  connections: ['material-connections'],
  disclosures: ['disclosures'],
  disclosure: '(Disclosure: I have a financial relationship with {brand}.)',
});

const run = (draft: string) => {
  const post = postOf(draft);
  return detect(post).map((c) => ({ severity: c.severity, replacement: c.replacement }));
};

describe('undisclosed-connection detector', () => {
  it('finds a praised brand by its shape: CamelCase, a listed brand, or a name before a kind of product', () => {
    expect(run('The CoreAlign brace is a game changer.')).toMatchObject([{ severity: 'warning' }]);
    expect(run('Honestly the Stryker Mako robot is the best.')).toHaveLength(1);
    expect(run('I love the Veltrix expandable cage for L5-S1.')).toHaveLength(1);
  });

  it('names the brand in the disclosure it suggests', () => {
    expect(run('Obsessed with my Theragun. Use code DOC20 for 20% off!')).toEqual([
      { severity: 'error', replacement: '$0 (Disclosure: I have a financial relationship with Theragun.)' },
    ]);
  });

  it('does not take an everyday word typed in random capitals for a CamelCase brand', () => {
    const draft = 'My side project, the FlexiFuse SI implant, got cleared. PHYsiOs aRE jUst AS iMporTAnt In GettINg PeopLE mOvinG, it is the best.';
    expect(run(draft)).toEqual([{ severity: 'error', replacement: '$0 (Disclosure: I have a financial relationship with FlexiFuse.)' }]);
    expect(run('Honestly GettINg PeopLE mOvinG is the best part of the job.')).toEqual([]);
  });

  it('makes a sign of a connection an error, and names the company from "the X team" when nothing else does', () => {
    const [finding] = run('Back from an all expenses paid weekend with the Orvana team. Their new stimulator is the best.');
    expect(finding).toEqual({ severity: 'error', replacement: '$0 (Disclosure: I have a financial relationship with Orvana.)' });
  });

  it('does not take "our internal system", how the rewrite names an internal link, for a product', () => {
    const hospitality = 'Thanks to the Hartwell Hospital team for having me out to speak at grand rounds!';
    expect(run(`${hospitality} our internal system still loads from the ward PCs.`)).toEqual([]);
    // A product named as such still counts.
    expect(run(`${hospitality} their navigation system is the best.`)).toHaveLength(1);
  });

  it('accepts a clear disclosure anywhere in the post, including a free product named in it', () => {
    expect(run('#ad I love the CoreAlign brace.')).toEqual([]);
    expect(run('Disclosure: I consult for Veltrix. Their expandable cage is the best I have used.')).toEqual([]);
    expect(run('They sent me this Theragun for free and I love it.')).toEqual([]);
  });

  it('reads a connection hinted in any wording, and finds the company where the tie is shown', () => {
    expect(run('Flown out to Lisbon by the Medronix folks to learn their new cervical disc, best implant on the market.')).toMatchObject([{ severity: 'error' }]);
    expect(run('Back from Cabo courtesy of Spinova, their stim platform is unreal.')).toMatchObject([{ severity: 'error' }]);
    expect(run('Proud #ambassador for Corelign posture braces, every desk worker needs one.')).toMatchObject([
      { severity: 'error', replacement: expect.stringContaining('Corelign') },
    ]);
    expect(run('My little side project just got cleared: the FlexiFuse SI implant. Best option out there.')).toMatchObject([{ severity: 'error' }]);
    expect(run('Loving my free Backrite chair for long clinic days!')).toMatchObject([{ severity: 'error' }]);
  });

  it('leaves ties to charities, family and photo credits alone when no product is endorsed', () => {
    expect(run('Proud Movember ambassador this year, grow that mo for men\'s health!')).toEqual([]);
    expect(run('Photo courtesy of Jaspreet, our amazing new front desk lead.')).toEqual([]);
    expect(run('Flown out to Denver by my sister for her birthday, best weekend ever.')).toEqual([]);
  });

  it('does not accept "sp", "collab" or "#ambassador" as a disclosure (FTC)', () => {
    expect(run('Highly recommend the Veltrix expandable cage. #sp #collab')).toMatchObject([{ severity: 'error' }]);
    expect(run('Love my new HyperFlex massage gun #ambassador')).toMatchObject([{ severity: 'error' }]);
  });

  it('leaves praise of people, places, hospitals and methods alone', () => {
    expect(run('Best of luck to everyone presenting at NASS!')).toEqual([]);
    expect(run('I love the McKenzie method for some patients.')).toEqual([]);
    expect(run('Love the Lakeshore Health team and our new system.')).toEqual([]);
    expect(run('Walking is the best exercise for most back pain.')).toEqual([]);
  });

  it('does not read a pain score as praise or a video call as a brand', () => {
    expect(run('POV: he rates his back pain 10/10 while FaceTiming his cousin.')).toEqual([]);
    expect(run('The ZenCore pillow is a 10/10 for my neck.')).toHaveLength(1);
  });

  it('counts hosted visits as a connection and finds a brand named with a model number', () => {
    const [finding] = run('A year with the Corvex 3D navigation system and I love it. Thanks to Corvex for hosting me at their lab tour.');
    expect(finding).toEqual({ severity: 'error', replacement: '$0 (Disclosure: I have a financial relationship with Corvex.)' });
  });
});
