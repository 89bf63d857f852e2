import { describe, expect, it } from 'vitest';
import { secretsDetector } from '../../../src/engine/detectors/secrets.js';
import { build, found } from './detector-post.js';

const password = build(secretsDetector, {
  value: 'password',
  gap: 5,
  labels: ['\\b(?:pass(?:word|code)|p[a@]ssw[o0]rd|pw)s?(?![\\w@-])', '\\bp[a@]ss(?=\\s*[:=]|\\s+is\\b)'],
});
const code = build(secretsDetector, {
  value: 'digits',
  gap: 5,
  labels: ["\\b(?:door|mfa|badge)\\s+(?:code|pin)\\b", "\\bcode(?:'s|\\s+is|\\s*[:=])"],
});
const login = build(secretsDetector, { value: 'password', pair: true, gap: 12, labels: ['\\blogin\\b'] });

describe('labelled-secret detector', () => {
  it('finds the secret itself, not the label, in the ways people write it', () => {
    expect(found(password, 'new pw is Radiology#2025 if anyone needs it')).toEqual(['Radiology#2025']);
    expect(found(password, 'pass: Lumbar#44. Coffee is in the back.')).toEqual(['Lumbar#44']);
    expect(found(password, 'the p@ssw0rd for the shared drive is 8812 until Friday')).toEqual(['8812']);
    expect(found(password, 'The Wi-Fi password is bluebird.')).toEqual(['bluebird']);
  });

  it('finds a password typed with zero-width characters once the text is folded', () => {
    expect(found(password, 'pass\u200Bword: Spine\u200B2025')).toEqual(['Spine2025']);
  });

  it('leaves advice about passwords and example passwords alone', () => {
    expect(found(password, 'Change your password regularly and use MFA.')).toEqual([]);
    expect(found(password, 'A strong password looks like a phrase, for example CorrectHorse42.')).toEqual([]);
    expect(found(password, 'Use a password manager.')).toEqual([]);
    expect(found(password, 'My password is strong.')).toEqual([]);
    expect(found(password, 'Season pass holders park free.')).toEqual([]);
  });

  it('takes two sentences glued at a closing bracket for a missing space, not a password', () => {
    // Removing "finally!)Next" as a secret would also remove the next sentence's first word.
    expect(found(password, 'Password reset went through (finally!)Next up, coffee.')).toEqual([]);
    expect(found(password, 'IT reset my password, now in the state!)E/M code review.')).toEqual([]);
    expect(found(password, 'pass: Lumbar#44!)')).toEqual(['Lumbar#44']);
  });

  it('stops a password where the next sentence was typed against it, so its rewrite keeps that sentence whole', () => {
    // Taking "Never" along would make the rewrite ask for what the sentence forbade ("[removed] DM your records").
    expect(found(password, 'pw is Lumbar#44.@Never DM your records to anyone.')).toEqual(['Lumbar#44']);
    expect(found(password, 'pw is Lumbar#44&amp;Never DM your records to anyone.')).toEqual(['Lumbar#44']);
    expect(found(password, 'pw is Lumbar#44<@U123>Never DM your records to anyone.')).toEqual(['Lumbar#44']);
    expect(found(password, 'New p@ssw0rd!Right now I am in OR 4.')).toEqual([]);
    // What the rewrite leaves when it removes the word after such a mark.
    expect(found(password, 'the password is shared so she can post.@ ok')).toEqual([]);
    // A password that goes on with digits or symbols is one token.
    expect(found(password, 'pw is Disc!2026 now')).toEqual(['Disc!2026']);
    expect(found(password, 'pw is Lumbar44!@ for the lounge')).toEqual(['Lumbar44!@']);
  });

  it('takes neither half of a login pair from words glued by sentence marks', () => {
    expect(found(login, 'login for the party: RidgeStaff / Lamina2026!Drinks at six')).toEqual(['Lamina2026']);
    expect(found(login, 'the login, saves time/care,along!-invited?level')).toEqual([]);
  });

  it('reads a label inside a web address as naming the page, not what follows it in the address', () => {
    expect(found(login, 'Reset it at https://ridgeview.org/login?user=jdoe/Spine2025 tonight')).toEqual([]);
    const epic = build(secretsDetector, { value: 'password', pair: true, gap: 12, labels: ['\\bepic\\b'] });
    expect(found(epic, "https://epic-hs.northvalleyhealth.org/launch'laser.loads@recording")).toEqual([]);
    // After the address the label still counts.
    expect(found(login, 'Log in at https://ridgeview.org/login with ward5 / Ward5pass! today')).toEqual(['Ward5pass']);
  });

  it('reads what follows a label that goes on past a word that looks like an address', () => {
    // "token.Keypad" reads as a host name; once the rewrite redacted the token ("[removed].Keypad ...") the code was
    // found, so it must be found in the draft too.
    const changed = build(secretsDetector, {
      value: 'digits',
      gap: 5,
      labels: ['\\b(?:keypad|door)(?:\\s+on\\s+the\\s+(?:[\\w-]+\\s+){0,2}?[\\w-]+)?\\s+(?:changed|reset)\\s+to\\b'],
    });
    expect(found(changed, 'Use the staff Wi-Fi.Keypad on the physio gym changed to 2468 today.')).toEqual(['2468']);
    expect(found(changed, 'Use the staff Wi-Fi. Keypad on the physio gym changed to 2468 today.')).toEqual(['2468']);
  });

  it('finds codes written with separators, spelled out, or a few words after the label', () => {
    expect(found(code, "the code's 4-4-1-9 for the side door")).toEqual(['4-4-1-9']);
    expect(found(code, 'code is four seven two nine, ok?')).toEqual(['four seven two nine']);
    expect(found(code, 'MFA code just came in, 493117, and we are in')).toEqual(['493117']);
    expect(found(code, 'door code is still 4729, nobody changed it since 2019')).toEqual(['4729']);
  });

  it('does not take a time, a year or a short number for a code', () => {
    expect(found(code, 'Your MFA code expires in 30 seconds.')).toEqual([]);
    expect(found(code, 'The door code has not changed since 2019.')).toEqual([]);
    expect(found(code, 'Enter the code we text you.')).toEqual([]);
  });

  it('in pair mode takes the password half of "user / password" only', () => {
    expect(found(login, 'the board login is on the monitor, orboard / Mercy123 lol')).toEqual(['Mercy123']);
    expect(found(login, 'login: demo_user/Spine2024!')).toEqual(['Spine2024']);
    expect(found(login, 'login help for L4/L5 course attendees')).toEqual([]);
  });

  it('rejects options it does not understand', () => {
    expect(() => build(secretsDetector, { value: 'everything', labels: ['x'] })).toThrow();
  });

  it('reads codes in the other shapes people type them: hyphenated words, halves, a letter prefix', () => {
    expect(found(code, 'code is one-nine-seven-three for the locker room')).toEqual(['one-nine-seven-three']);
    expect(found(code, 'MFA code came up as 482 913 mid-talk')).toEqual(['482 913']);
    expect(found(code, 'MFA code: G-530917 lol')).toEqual(['G-530917']);
  });

  it('asks for longer values when a label names only a kind of code, so years and counts stay quiet', () => {
    const otp = build(secretsDetector, { value: 'digits', gap: 8, minDigits: 5, labels: ['\\b(?:duo|mfa)\\b'] });
    expect(found(otp, 'Duo went to text tonight, 604219, fun')).toEqual(['604219']);
    expect(found(otp, 'MFA has been on here since 2019 and in 2024 we added Duo')).toEqual([]);
    expect(found(otp, 'MFA rollout reached 12000 staff this month')).toEqual([]);
  });

  it('reads a login pair split by a slash, a bar, a colon or a backslash, and not times or ratios', () => {
    expect(found(login, 'login for the tablets: physio.team | Squat2026#')).toEqual(['Squat2026#']);
    expect(found(login, 'login -> nightsrn:Obs4Days')).toEqual(['Obs4Days']);
    expect(found(login, 'login is ward\\Theatre#4 on nights')).toEqual(['Theatre#4']);
    expect(found(login, 'login opens 9:00-17:00, ratio 3:1 of staff to kiosks')).toEqual([]);
  });

  it('reads nothing more after a login pair whose password half is already redacted', () => {
    // The rewrite of "ward5 / Ward5pass!“give a rat's ass(top.<@U123>…": read again, the words after the slot were the password.
    expect(found(login, 'login for the ward PC: ward5 / [removed]!“care(top.<@U123>Vegas')).toEqual([]);
    expect(found(login, 'login for the ward PC: ward5 / [removed] today')).toEqual([]);
  });

  it('reads no secret in a token that holds a slot the rewrite redacted', () => {
    // Labels glued into one long token: each takes the rest of it, and once the last slot is redacted, the one before it
    // was short enough to read as a password.
    const unit = 'x;:please&amp;CT?@rugby/p@ssw0rd)';
    expect(found(password, `p@ssw0rd)${unit}${unit}`)).toEqual([`)${unit.slice(0, -1)}`]);
    expect(found(password, `p@ssw0rd)${unit}p@ssw0rd[removed])`)).toEqual([]);
  });

  it('ends a login pair\'s password at a quotation mark, so its removal leaves the quotation whole', () => {
    expect(found(login, 'she wrote "login: demo_user/Spine2024"later#1 ok')).toEqual(['Spine2024']);
    expect(found(login, 'login: ward5 / Ward5pass"later#1 ok')).toEqual(['Ward5pass']);
    // A link's path cut at the quote is a plain word, no password.
    expect(found(login, '"Sign in to your login → cutt.ly/claimgift"ABC123)Word is out')).toEqual([]);
    // Cut at the quote, a token loses its closing marks as a whole one does: "it.:Laminectomy!" is no user:password.
    expect(found(login, 'login question.:sp it.:LAmiNectOMy!"her-poor-stairs')).toEqual([]);
  });

  it('leaves an aside with its own heading after a label to the aside', () => {
    // The disclosure the rewrite appends to a sentence that ends on a bare "pass:".
    expect(found(password, 'Same pass: (Disclosure: I have a financial relationship with GettINg.)')).toEqual([]);
    expect(found(password, 'pass: (Lumbar#44) for the lounge')).toEqual(['Lumbar#44']);
  });

  it('does not take a bare year after a label for a password', () => {
    expect(found(password, 'password rules for 2026: longer is better')).toEqual([]);
    expect(found(password, 'the password is 2026 now')).toEqual([]);
    expect(found(password, 'the password is 2607 now')).toEqual(['2607']);
  });
});
