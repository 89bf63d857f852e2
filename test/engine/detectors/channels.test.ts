import { describe, expect, it } from 'vitest';
import { channelsDetector } from '../../../src/engine/detectors/channels.js';
import { build, postOf } from './detector-post.js';

const detect = build(channelsDetector, {
  verbs: ['send-verbs'],
  data: ['patient-data'],
  channels: ['insecure-channels'],
});

const run = (draft: string) => {
  const post = postOf(draft);
  return detect(post).map((c) => ({ text: post.text.slice(c.start, c.end), severity: c.severity, replacement: c.replacement }));
};

describe('insecure-channel detector', () => {
  it('finds a request to send patient data by DM, text or personal e-mail', () => {
    expect(run('DM me your MRI report tonight')).toHaveLength(1);
    expect(run('Just text your full name, DOB and member ID to 555-0166!')).toHaveLength(1);
    expect(run('email the images to dr.spine@gmail.com before your visit')).toHaveLength(1);
    expect(run('Post a pic of your x-ray in the comments!')).toHaveLength(1);
  });

  it("leaves a request at the rule's severity, and makes a description of one's own habit a warning with no wording", () => {
    const [invite] = run('Text me your CT at 555-0178.');
    expect(invite?.severity).toBeUndefined();
    expect(invite?.replacement).toBeUndefined();
    const [habit] = run('emailing his spine films to my gmail tonight');
    expect(habit).toMatchObject({ severity: 'warning', replacement: null });
  });

  it('needs the data to be what is sent, and a channel that is not secure', () => {
    expect(run('DM me if you have questions about the MRI study.')).toEqual([]);
    expect(run("Can't find it? Text us and we'll help you request it from the imaging center.")).toEqual([]);
    expect(run('Send your MRI report to our office before the visit.')).toEqual([]);
    expect(run('Stem cell hype: send us your MRI questions.')).toEqual([]);
  });

  it('treats letters and paperwork as patient data, and a clause after "once" or "that the" as not the object', () => {
    expect(run('Sending your discharge paperwork to jmills.77@hotmail.com now!')).toHaveLength(1);
    expect(run('Forwarded the op list to my personal email to prep at home')).toHaveLength(1);
    expect(run("I'll text you once the discharge paperwork is signed off.")).toEqual([]);
    expect(run('Texted the team that the op list is ready.')).toEqual([]);
  });

  it('keeps a later request in a sentence whose first verb is negated, but not hundreds in one run-on', () => {
    const found = run("If you can't upload your MRI, just email the images to my gmail");
    expect(found).toHaveLength(1);
    expect(found[0]?.text.startsWith('email the images')).toBe(true);
    expect(run('Emailing your x-rays to a.b@gmail.com now '.repeat(200)).length).toBeLessThanOrEqual(4);
  });

  it('drops a verb only when a negation governs it, not when the negation is about something else', () => {
    expect(run("Please don't DM us your scans, we can't keep them safe in our inbox")).toEqual([]);
    expect(run('We will never ask you to email your records to a gmail address.')).toEqual([]);
    expect(run('Never, ever text patient photos to a personal phone.')).toEqual([]);
    expect(run("Don't waste money on a consult 🙅 WhatsApp your scan reports to my personal line")).toHaveLength(1);
    expect(run('No appointment needed, just text your MRI report to my mobile')).toHaveLength(1);
  });
});
