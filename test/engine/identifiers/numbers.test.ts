import { describe, expect, it } from 'vitest';
import { validSsn } from '../../../src/engine/detectors/identifiers/recognizers/ssn.js';
import { validVin } from '../../../src/engine/detectors/identifiers/recognizers/vehicles.js';
import { flagged, hits, rewriteOf } from './helpers.js';

describe('social security numbers', () => {
  const RULE = 'compliance.social-security-number';
  it('rejects numbers that cannot be SSNs, as Presidio does', () => {
    expect(validSsn('412559087')).toBe(true);
    for (const bad of ['000559087', '666559087', '912559087', '412009087', '412550000', '111111111', '123456789', '078051120']) {
      expect(validSsn(bad), bad).toBe(false);
    }
  });

  it.each([
    ['Insurance needs the pt SSN: 412-55-9087 before her fusion can be approved.', '412-55-9087'],
    ['Prior auth filled in, social 523 71 4410, for the L5-S1 case.', 'social 523 71 4410'],
    ['His SS# is 287654391, so billing can finish.', '287654391'],
    ['Pt number for billing: 4 1 2 - 5 5 - 9 0 8 7 after her fusion', '4 1 2 - 5 5 - 9 0 8 7'],
  ])('flags %s', (text, ssn) => {
    expect(flagged(text, RULE).join(' | ')).toContain(ssn);
  });

  it.each(['Never post a social security number, not even the last four.', 'Test record only: 000-12-3456.', 'Area 666: 666-12-4455 is never issued.'])(
    'passes %s',
    (text) => {
      expect(flagged(text, RULE)).toEqual([]);
    },
  );
});

describe('record, account, plan and member numbers', () => {
  const RULE = 'compliance.record-number';
  it.each([
    ['OR board this morning: L4-5 TLIF, MRN 7730021, first case.', 'MRN 7730021'],
    ["Billing, the pt's member ID is XJH448812903 for the ablation claim.", 'XJH448812903'],
    ['Chart #55-1902 is the fusion we discussed at M&M.', '55-1902'],
    ['MRN: 4491-2277 / Acct 88120933 on the sticker, first case tomorrow.', 'Acct 88120933'],
    ['Claim # 2024-55812 for the pt with the stimulator.', '2024-55812'],
  ])('flags %s', (text, value) => {
    expect(flagged(text, RULE).join(' | ')).toContain(value);
  });

  it.each([
    "Text us your name and member ID and we'll call you back.",
    'Our MRN system migrated to the new EHR this weekend.',
    'Case #3 of the day was a two-level ACDF.',
    'Apply at careers.ridgeviewspine.org (req #SP-2291).',
    'Text your full name, DOB and insurance member ID to 555-0166.',
  ])('passes %s', (text) => {
    expect(flagged(text, RULE)).toEqual([]);
  });

  it('is always an error and masked as a number', () => {
    const [f] = hits('OR board this morning: L4-5 TLIF, MRN 7730021, first case.', RULE);
    expect(f?.severity).toBe('error');
    expect(f?.sensitive).toBe('number');
  });

  it('drops a label that stands alone, keeps one that is part of the sentence', () => {
    expect(rewriteOf('OR board this morning: L4-5 TLIF, MRN 7730021, first case.').rewrite).toBe('OR board this morning: L4-5 TLIF, first case.');
    expect(rewriteOf("Billing, the pt's member ID is XJH448812903 for the ablation claim.").rewrite).toBe(
      "Billing, the pt's member ID for the ablation claim.",
    );
  });
});

describe('room and bed numbers', () => {
  const RULE = 'compliance.room-or-bed';
  it.each([
    ['The sweet lady in bed 22 asked for pudding after her kyphoplasty.', 'in bed 22'],
    ['My pt in room 418 is finally walking after his decompression.', 'in room 418'],
    ['Mrs. Q in 7C is s/p L2 corpectomy and asking to go home.', 'in 7C'],
    ['the drunk guy in trauma bay 2 tonight tried to fight the CT tech', 'in trauma bay 2'],
    ['the guy in 14 (MVC, T12 burst) asked if he can ride his motorcycle home', 'in 14'],
    ['rm 412 pt has been asking for a cheeseburger since POD0', 'rm 412'],
  ])('flags %s', (text, room) => {
    expect(flagged(text, RULE)).toContain(room);
  });

  it.each(['Our talk is in Room B of the convention center at 2 pm.', 'Meeting in room 204 for the resident journal club.', 'OR 3 is getting new lights this weekend.'])(
    'passes %s',
    (text) => {
      expect(flagged(text, RULE)).toEqual([]);
    },
  );
});

describe('certificate and licence numbers', () => {
  const RULE = 'compliance.licence-number';
  it.each([
    ["The pt's driver's license D4412-88731 was still in his jeans after the fusion.", 'D4412-88731'],
    ['Her passport number is 583920174 if the travel clinic needs it after her ACDF.', '583920174'],
    ["My patient's death certificate no. 2024-118834 listed the spinal abscess.", '2024-118834'],
  ])('flags %s', (text, value) => {
    expect(flagged(text, RULE).join(' | ')).toContain(value);
  });

  it.each([
    'Licensed in Ohio, license #PT-12345, accepting new patients.',
    'Renewed my medical license 2040815 today, feeling official.',
    "Bring your driver's license and insurance card to your first visit.",
  ])('passes %s', (text) => {
    expect(flagged(text, RULE)).toEqual([]);
  });
});

describe('vehicle identifiers', () => {
  const RULE = 'compliance.vehicle-identifier';
  it('checks the VIN check digit', () => {
    expect(validVin('1HGCM82633A004352')).toBe(true);
    expect(validVin('1HGCM82634A004352')).toBe(false);
    expect(validVin('1HGCM8263IA004352')).toBe(false); // I is not used in VINs
  });

  it.each([
    ["The crash pt's truck, plate 7KXB291, was still in the ED lot after his fusion.", 'plate 7KXB291'],
    ["Police brought the VIN 1HGCM82633A004352 for the MVC patient's chart.", '1HGCM82633A004352'],
    ['Whoever owns license plate ABC-1234, your patient is asking for you.', 'license plate ABC-1234'],
  ])('flags %s', (text, value) => {
    expect(flagged(text, RULE)).toContain(value);
  });

  it.each(['Product code ABCDEFGH123456789 is on back order.', 'Parking garage level 2 is open for patients.', 'Our new van seats six.'])(
    'passes %s',
    (text) => {
      expect(flagged(text, RULE)).toEqual([]);
    },
  );
});

describe('device serial and lot numbers', () => {
  const RULE = 'compliance.device-identifier';
  it.each([
    ['Implant sticker from today: cage LOT 4471-A9, placed at L4-5 for my pt.', 'LOT 4471-A9'],
    ['His stimulator generator S/N 88231-XK0 needs a check after the revision.', 'S/N 88231-XK0'],
    ['UDI (01)00884521123457(21)A1234 from her pedicle screw box.', '(01)00884521123457(21)A1234'],
  ])('flags %s', (text, value) => {
    expect(flagged(text, RULE)).toContain(value);
  });

  it.each([
    'Found a great parking lot 3 blocks from the convention center.',
    'A lot of 2024 graduates are starting fellowship this summer.',
    'REF 998-120 is the catalogue number of the cage we trialled at the cadaver lab.',
  ])('passes %s', (text) => {
    expect(flagged(text, RULE)).toEqual([]);
  });
});

describe('IP addresses', () => {
  const RULE = 'compliance.ip-address';
  it.each([
    ["The review came from the same IP as my patient's portal login, 73.114.8.201, after his fusion.", '73.114.8.201'],
    ["The pt's IP 98.207.44.12 posted the review about his laminectomy.", '98.207.44.12'],
  ])('flags %s', (text, ip) => {
    expect(flagged(text, RULE)).toContain(ip);
  });

  it.each(['Update to firmware version 10.2.3.4 before Monday.', 'Use 8.8.8.8 as the DNS server if the guest Wi-Fi is slow.', 'PACS at 10.20.30.40 is down again.'])(
    'passes %s',
    (text) => {
      expect(flagged(text, RULE)).toEqual([]);
    },
  );
});
