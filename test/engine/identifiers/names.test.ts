import { describe, expect, it } from 'vitest';
import { flagged, hits, review, rewriteOf } from './helpers.js';

const RULE = 'compliance.patient-name';

describe('patient names', () => {
  it.each([
    ['Mrs. Okafor is walking laps on POD2 after her ACDF.', 'Mrs. Okafor'],
    ['mr dunleavy in bed 6 is s/p L2 corpectomy and asking for coffee', 'mr dunleavy'],
    ['My pt Gus W. wants to golf six weeks after his discectomy.', 'Gus W.'],
    ['OR board: 8:00 Whitaker, J. — L4-5 TLIF — MRN 5521907', 'Whitaker, J.'],
    ['Hi Renata! So glad your fusion recovery is going well.', 'Renata'],
    ['Thanks, Mr. Abernathy, we are thrilled your procedure went well!', 'Mr. Abernathy'],
    ['Odette, so glad the fusion is holding up! Your x-rays look great.', 'Odette'],
    ['Our scoliosis warrior Imogen is back at practice after her T3-L2 fusion!', 'Imogen'],
    ['My favorite patient Dwayne Ricks brought cookies after his laminectomy.', 'Dwayne Ricks'],
    ['To my buddy who skipped PT after his fusion: put down the donut, Big Mike 😂', 'Big Mike'],
    ['shoutout to jessica from my 3pm slot, first post-op visit and she is off the walker', 'jessica'],
    ['Grandma Rose (age 92) walked a mile today, ten days after her kyphoplasty.', 'Grandma Rose'],
  ])('flags %s', (text, name) => {
    expect(flagged(text, RULE)).toContain(name);
  });

  it.each([
    ['Keep Brayden in your thoughts as he heals from his spinal cord injury 🙏 #PrayForBrayden', ['Brayden', '#PrayForBrayden']],
    ['Welcome home, Theo! After 3 weeks in the hospital following his spinal cord injury, he is home. #TheoTough', ['Theo', '#TheoTough']],
    ['Thank you Mr. & Mrs. Okonjo for the flowers after his laminectomy!', ['Mr. & Mrs. Okonjo']],
    ['mrs k in 14 is s/p L3-S1 and asking for her rosary', ['mrs k']],
    ['Patient: Jane Doe, 45F, s/p L4-5 TLIF, doing well.', ['Jane Doe']],
    ['Shoutout to J. Whitfield who walked a mile today after her fusion!', ['J. Whitfield']],
    ['Replying to Karen B.: yes, your MRI results are back and we will call you today.', ['Karen B.']],
    ['Thx 4 the review Brandon!!! glad ur back feels better after the RFA', ['Brandon']],
    ['Our patient (Frank, 78, retired Navy) is doing great after his decompression.', ['Frank']],
  ])('flags the name in %s', (text, names) => {
    expect(flagged(text, RULE)).toEqual(names);
  });

  it('flags a later mention even where its own sentence has no cue', () => {
    const text = 'This is Harold, my 88 y/o patient who walks 3 miles a day after his kyphoplasty. Be like Harold.';
    expect(flagged(text, RULE)).toEqual(['Harold', 'Harold']);
    expect(rewriteOf(text).rewrite).not.toContain('Harold');
  });

  it('flags initials of the person a reply speaks to about their care', () => {
    expect(flagged('K.D. — good news, your insurance approved the injection! Call us to book.', RULE)).toContain('K.D.');
  });

  it('flags every mention of a patient named once', () => {
    const text = 'Patient update: Anika (yes, THAT Anika from the bakery) is off her walker after her fusion!';
    expect(flagged(text, RULE)).toEqual(['Anika', 'Anika']);
  });

  it('sees through zero-width characters, look-alike letters, full-width forms and spaced-out letters', () => {
    expect(flagged('Mrs.\u200bDelacroix is POD2 after her ACDF', RULE)).toHaveLength(1);
    expect(flagged('My pt Mrs. \u0410lvarez is POD1 after her TLIF', RULE)).toHaveLength(1); // Cyrillic А
    expect(flagged('\uff2d\uff52\uff53\uff0e \uff2f\uff4b\uff41\uff46\uff4f\uff52 is POD2 after her fusion', RULE)).toHaveLength(1);
    expect(flagged('Waiting on labs for my patient j o s e f i n a before her kyphoplasty.', RULE)).toHaveLength(1);
  });

  it.each([
    'Huge thanks to Dr. Hiroshi Tanaka and our charge nurse Delia Brandt for covering my clinic today.',
    'Welcome to the team, Priyanka Sethi, PA-C! She joins our spine service next month.',
    'Shoutout to nurses Kelly and Brianna on 5 North who made a patient’s stay better after her fusion.',
    'Our research coordinator Haley Brooks got the stimulator registry approved. Thank you, Haley!',
    'Respectfully disagree with Dr. Kwame Boateng on RF ablation. Kwame, coffee at the pain forum?',
    'Fritz et al. showed early PT reduces imaging; Deyo and Mirza reviewed stenosis in NEJM.',
    'To the patient who kept singing Elvis during his epidural: you made my week.',
    'Mr. Rogers taught a generation to talk about feelings, and that matters in pain care too.',
    'Congratulations Jenna on your first solo ACDF today! The residents are getting so good.',
    'Our PT Marcus runs the post-op fusion class every Wednesday at 4 pm.',
    'Jessica from our billing team will call you about your statement.',
    'One of my patients, a nurse on 5 West, is back at work after her ACDF.',
    'Mrs. Claus called; she wants to know if Santa has back pain from the chimneys.',
    'Happy 25th work anniversary to Marisol Villanueva, RN. Thank you, Marisol, for 25 years of calm.',
  ])('passes %s', (text) => {
    expect(flagged(text, RULE)).toEqual([]);
  });

  it('says why it fired and how sure it is, without repeating the name', () => {
    const [finding] = hits('Mrs. Okafor is walking laps on POD2 after her ACDF.', RULE);
    expect(finding?.severity).toBe('error');
    expect(finding?.confidence).toBeGreaterThanOrEqual(0.7);
    expect(finding?.evidence).toEqual(expect.arrayContaining(['honorific: Mrs.', 'patient cue: post-op day']));
    expect(finding?.evidence?.join(' ')).not.toMatch(/Okafor/);
    expect(finding?.sensitive).toBe('name');
  });

  it('lowers the score for a welcome or thanks, and keeps the reason', () => {
    const [finding] = hits('Thanks to Gloria Mendez for trusting me with her spine.', RULE);
    expect(finding?.severity).toBe('warning');
    expect(finding?.evidence).toContain('against: not-patient cue: thanks to');
  });

  it.each([
    ['Mrs. Okafor is walking laps on POD2 after her ACDF.', 'A patient is walking laps on POD2 after her ACDF.'],
    ["Mrs. Okafor's walk on POD2 after her ACDF made my day.", "A patient's walk on POD2 after her ACDF made my day."],
    ['Swipe to see Priya back on the reformer after her microdiscectomy!', 'Swipe to see a patient back on the reformer after her microdiscectomy!'],
    ['My favorite patient Dwayne Ricks brought cookies after his laminectomy.', 'My favorite patient brought cookies after his laminectomy.'],
    ['Happy birthday to the one and only Evelyn Ross! Three months after her kyphoplasty she is gardening.', 'Happy birthday to the one and only patient! Three months after her kyphoplasty she is gardening.'],
    ['Hi Renata! So glad your fusion recovery is going well.', 'Hi! So glad your fusion recovery is going well.'],
    ['Support our scoliosis warrior Jayden\'s recovery after his fusion!', "Support our scoliosis warrior's recovery after his fusion!"],
  ])('generalises the name: %s', (text, expected) => {
    const { rewrite, errorsAfter } = rewriteOf(text);
    expect(rewrite).toBe(expected);
    expect(errorsAfter).toEqual([]);
  });

  it('is reported with the rule, practice and theme of patient identifiers', () => {
    const finding = review('Mrs. Okafor is walking laps on POD2 after her ACDF.').findings[0];
    expect(finding).toMatchObject({ rule: RULE, practice: 'C1', theme: 'compliance' });
  });
});

describe('ordinary words where a name could stand', () => {
  it.each([
    // After a comma a new clause starts: the word is set off as a name only when a comma or the sentence closes it.
    "My patient, Insurance denied her MRI for the third time.",
    // A conjunction or preposition opens a clause; it names no one.
    'Labs back for my patient As expected, bone density is low before her kyphoplasty.',
    // Prose after a colon is not a form's name field.
    'Pt: Most people feel better within weeks after surgery.',
  ])('flags no name in %s', (text) => {
    expect(flagged(text, RULE)).toEqual([]);
  });

  it.each([
    ['Proud of our patient, Raj, who walked a mile after his fusion.', 'Raj'],
    ['My patient Hope walked the hallway after her fusion.', 'Hope'],
    ['My patient Will walked the hallway after his fusion.', 'Will'],
    ['Pt: Hope, L4-5 TLIF, MRN 5521907', 'Hope'],
    ['Asked a patient: Ravi, what helped most after your fusion?', 'Ravi'],
  ])('still flags the name in %s', (text, name) => {
    expect(flagged(text, RULE)).toContain(name);
  });

  it.each([
    // "a patient: Nothing beats …": our own rewrite's "a patient" followed by a colon is not a label.
    'Mrs. Okafor: Nothing beats walking laps on POD2 after her ACDF.',
    // "a patient, Come see …": a comma after the rewritten name does not make the next word its apposition.
    'Thanks Mrs. Okafor, Come back and see us after your ACDF check.',
  ])('leaves no name in the rewrite of %s', (text) => {
    const { rewrite, errorsAfter } = rewriteOf(text);
    expect(rewrite).not.toContain('Okafor');
    expect(errorsAfter).toEqual([]);
  });

  it('reads a greeting after the name as a greeting, not a second name, in the rewrite', () => {
    // "Linda, Hiya!" → "Hi, Hiya!": the second greeting names no one.
    const { rewrite, errorsAfter } = rewriteOf('Linda, Hiya! Glad your fusion is holding up.');
    expect(rewrite).toBe('Hi, Hiya! Glad your fusion is holding up.');
    expect(errorsAfter).toEqual([]);
    expect(flagged('Hi, Hiya, your MRI looks great.', RULE)).toEqual([]);
  });

  it('reads the name after a "Hiya" or "Howdy" greeting, not the greeting', () => {
    expect(flagged('Hiya Ana, glad your fusion went well!', RULE)).toEqual(['Ana']);
    expect(flagged('Howdy Ana, glad your fusion went well!', RULE)).toEqual(['Ana']);
  });
});

describe('where a name ends, and what its rewrite leaves', () => {
  it('ends a name field and a titled name with their line', () => {
    expect(flagged('Pt: Castillo\nGreat recovery after his fusion.', RULE)).toEqual(['Castillo']);
    expect(flagged('Pt: Raymond Castillo\nFollow-up in two weeks, MRN 5521907.', RULE)).toEqual(['Raymond Castillo']);
    // "Mr." closing a line does not make the next line's first word a name, and its rewrite does not join the lines.
    const text = 'Spoke to the Rotary Club about back pain last night. Mr.\nOp date 23/11 for my pt, L5-S1 TLIF, all went smoothly.';
    expect(flagged(text, RULE)).toEqual([]);
    expect(rewriteOf(text).rewrite).toContain('Mr.\nOp date');
  });

  it('reads a titled surname with a capital inside whole, so no part of it is left', () => {
    expect(flagged('Mrs. McDonald is walking on POD1 after her ACDF.', RULE)).toEqual(['Mrs. McDonald']);
    expect(flagged("Mr. O'Brien is walking on POD1 after his TLIF.", RULE)).toEqual(["Mr. O'Brien"]);
    expect(rewriteOf('Mrs. McDonald is walking on POD1 after her ACDF.').rewrite).toBe('A patient is walking on POD1 after her ACDF.');
  });

  it('takes the comma before a name set off by commas along with it', () => {
    expect(rewriteOf('our patient, Raj, who had a fusion last week, is walking').rewrite).toBe('our patient, who had a fusion recently, is walking');
    expect(rewriteOf('So proud of my patient, Raj!').rewrite).toBe('So proud of my patient!');
  });

  it('does not read an ordinary word with a noun ending, opening a clause after a comma, as a name', () => {
    expect(flagged('Update on Delgado, Insurance finally approved her MRI.', RULE)).toEqual(['Delgado']);
    // A name the dictionary does not know still counts there.
    expect(flagged('Great news, Tariq finally walked after his fusion.', RULE)).toEqual(['Tariq']);
  });

  it('does not read the verb after "patient" in a lower-case post as a name', () => {
    expect(flagged('my patient will walk again after her fusion', RULE)).toEqual([]);
    expect(flagged('my patient said her back feels great after the fusion', RULE)).toEqual([]);
    expect(flagged('my patient may need a revision after her fusion', RULE)).toEqual([]);
    expect(flagged('my patient hope walked after her fusion', RULE)).toEqual(['hope']);
    // A line's last word is no slot for the next line's first ("skip" is also a nickname).
    expect(flagged('Her surgery went well and she is hiking again, thanks to a patient\nskip the stairs', RULE)).toEqual([]);
  });

  it('does not read the sex after an age, or the company in a disclosure, as a name', () => {
    // Both are what the rewrite writes: "52M" → "50s M", and the disclosure after a praised product.
    const combination = rewriteOf('My patient: 52M, the only blacksmith in the county, fused L4-5 after his anvil fell on him.');
    expect(flagged(combination.rewrite, RULE)).toEqual([]);
    expect(flagged('DOB on file, the footballer cried (Disclosure: I have a financial relationship with Orvana.)', RULE)).toEqual([]);
  });
});

describe('names as patient cues', () => {
  it.each([
    // "Our sweet Evelyn" becomes "our sweet patient", which ties the date to a patient's care: so does the name.
    ['Our sweet Evelyn had surgery yesterday! Three weeks after her kyphoplasty she was pain-free.', 'compliance.patient-date', 'yesterday'],
    ['Our brave Evelyn, 94, back in clinic today! Three months after her kyphoplasty and pain-free.', 'compliance.age-over-89', '94'],
  ])('reads what stands beside a patient\'s name as the patient\'s: %s', (text, rule, excerpt) => {
    expect(flagged(text, rule)).toContain(excerpt);
    expect(rewriteOf(text).errorsAfter).toEqual([]);
  });
});

describe('an em dash typed against a name', () => {
  // Normalisation folds "—" into "-"; the name must not read as "Delgado-she", nor the rewrite lose the dash.
  it.each([
    ['Shoutout to Mrs. Delgado—she walked today after her fusion.', 'Mrs. Delgado', 'Shoutout to a patient—she walked'],
    ['Huge thanks to Evelyn—our patient from clinic—who walked after her fusion.', 'Evelyn', 'Huge thanks to our patient from clinic—who'],
  ])('ends the name: %s', (text, name, rewritten) => {
    expect(flagged(text, 'compliance.patient-name')).toEqual([name]);
    const { rewrite, errorsAfter } = rewriteOf(text);
    expect(rewrite.startsWith(rewritten)).toBe(true);
    expect(errorsAfter).toEqual([]);
  });

  it('leaves a hyphenated surname and a spaced dash as they were', () => {
    expect(flagged('Mrs. Garcia-Lopez walked the halls on POD2 after her ACDF.', 'compliance.patient-name')).toEqual(['Mrs. Garcia-Lopez']);
    expect(flagged('Mrs. Delgado — she walked the halls on POD2 after her ACDF.', 'compliance.patient-name')).toEqual(['Mrs. Delgado']);
  });
});

describe('a form field that abbreviates', () => {
  it.each(['Name: N/A', 'Patient: N/A, seen in clinic today after her fusion', 'Pt: S/N on the generator is logged'])(
    'names no one: %s',
    (text) => {
      expect(flagged(text, 'compliance.patient-name')).toEqual([]);
    },
  );

  it('still reads a single initial in the field as a name', () => {
    expect(flagged('Patient: R, seen today after her fusion', 'compliance.patient-name')).toEqual(['R']);
  });

  it('reads an initial and a surname in the field as one name', () => {
    const text = 'Name: J. Smith, seen in clinic today after her fusion';
    expect(flagged(text, 'compliance.patient-name')).toEqual(['J. Smith']);
    expect(rewriteOf(text).rewrite.startsWith('Name: a patient, seen')).toBe(true);
  });
});

describe('a name the words after it call a patient', () => {
  it.each([
    ['Huge thanks to Priya, our patient from clinic, who walked today after her fusion.', 'Huge thanks to our patient from clinic, who walked'],
    ['Huge thanks to Priya—our patient from clinic—who walked today after her fusion.', 'Huge thanks to our patient from clinic—who walked'],
    ['Shoutout to Omar, one of my patients, who walked 2 miles after his fusion.', 'Shoutout to one of my patients, who walked'],
    ['Evelyn, our patient from clinic, walked today after her fusion.', 'Our patient from clinic, walked'],
  ])('is flagged, and the rewrite lets those words stand for it: %s', (text, rewritten) => {
    expect(hits(text, 'compliance.patient-name')).toHaveLength(1);
    const { rewrite, errorsAfter } = rewriteOf(text);
    expect(rewrite.startsWith(rewritten)).toBe(true);
    expect(errorsAfter).toEqual([]);
  });

  it('is not a colleague who works with patients', () => {
    expect(hits('Thanks to Evelyn, our patient coordinator, for a smooth day in clinic.', 'compliance.patient-name')).toEqual([]);
  });
});
