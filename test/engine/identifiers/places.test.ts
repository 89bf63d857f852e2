import { describe, expect, it } from 'vitest';
import { flagged, rewriteOf } from './helpers.js';

const RULE = 'compliance.patient-location';

describe('places smaller than a state', () => {
  it.each([
    ['My patient, a retired teacher from Pine Bluff Crossing, is three weeks out from her fusion.', 'from Pine Bluff Crossing'],
    ['Burst fx s/p motorcycle crash on Route 31 last night, fused T11-L1.', 'Route 31'],
    ['She lives on Wren Hollow Lane and walked to her post-op visit!', 'on Wren Hollow Lane'],
    ['He is a 67M, s/p L2-5 laminectomy, lives alone at 214 Orchard Rd, needs home PT.', 'at 214 Orchard Rd'],
    ['Please pray for my patient, in a rollover on I-75 near Dalton; we fused C5-6 last night.', 'near Dalton'],
    ['He drove in from rural Benton County for his post-op visit.', 'Benton County'],
    ['Shoutout to my pt, the driver on the Oak Hollow route, after his fusion.', 'the Oak Hollow'],
    ['My pt mailed her forms from Dayton, OH 45402 after her ACDF.', '45402'],
    ['Anika from the bakery on 5th Street is off her walker after her fusion!', 'on 5th Street'],
    ['Pt was found down at the gas station on Elm & 3rd, brought in with a T12 burst.', 'on Elm & 3rd'],
  ])('flags %s', (text, place) => {
    expect(flagged(text, RULE)).toContain(place);
  });

  it.each([
    'Our new clinic in Brookfield opens Monday; come see us!',
    'I grew up in Millersville and still love the county fair.',
    'Free back-health talk at the Oakdale Public Library community room on Thursday.',
    'Flying to Ohio for the spine meeting this week.',
    'Ran into my attending at the Cedar Hollow grocery store at 10 pm. We said nothing.',
    'Our office at 1200 Lakeview Blvd, Suite 300 is closed Friday. Call for urgent issues.',
    'Heading to Cleveland for the AO Spine course this weekend. Any food recs?',
    'Our patient education class at the Oak Grove Community Center is free and open to all.',
    'I trained under Dr. Kenji Watanabe in Sapporo, and he taught me that the best surgery is sometimes none.',
    'She had her kyphoplasty in March and is dancing again, says my patient.',
  ])('passes %s', (text) => {
    expect(flagged(text, RULE)).toEqual([]);
  });

  it.each([
    ['My patient, a welder from Harlow Springs, is back at work after his fusion.', 'My patient, a welder from our area, is back at work after his fusion.'],
    ['She lives on Wren Hollow Lane and walked to her post-op visit!', 'She lives and walked to her post-op visit!'],
    ['Rollover on Hwy 12 near Oxbend, now s/p T12 fusion.', 'Rollover on a local road nearby, now s/p T12 fusion.'],
  ])('generalises the place: %s', (text, expected) => {
    const { rewrite, errorsAfter } = rewriteOf(text);
    expect(rewrite).toBe(expected);
    expect(errorsAfter).toEqual([]);
  });
});

describe('an em dash typed against a place', () => {
  it('ends the place, and the rewrite keeps the dash', () => {
    const text = 'My patient from Pine Bluff—she is 60—walked today after her fusion.';
    expect(flagged(text, 'compliance.patient-location')).toEqual(['from Pine Bluff']);
    const { rewrite, errorsAfter } = rewriteOf(text);
    expect(rewrite.startsWith('My patient from our area—she is 60—walked')).toBe(true);
    expect(errorsAfter).toEqual([]);
  });
});
