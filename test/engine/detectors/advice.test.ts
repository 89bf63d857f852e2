import { describe, expect, it } from 'vitest';
import { adviceDetector } from '../../../src/engine/detectors/advice.js';
import { build, postOf } from './detector-post.js';

const POINTER = 'Please see a clinician who can examine you.';
const detect = build(adviceDetector, {
  clinical: ['advice-clinical-terms'],
  medications: ['medications'],
  replacement: POINTER,
});

const run = (draft: string) => {
  const post = postOf(draft);
  return detect(post).map((c) => ({ text: post.text.slice(c.start, c.end), severity: c.severity, replacement: c.replacement }));
};

describe('individual-advice detector', () => {
  it('treats an offer to assess a case as individual advice, whoever it is said to', () => {
    expect(run("Comment your symptoms and I'll tell you if you need surgery.")).toMatchObject([{ severity: 'error' }]);
    expect(run("Email your images and I'll review them personally.")).toMatchObject([{ severity: 'error' }]);
    expect(run('Please stop taking your gabapentin.')).toMatchObject([{ severity: 'error' }]);
  });

  it('counts a diagnosis or a "you should get" only when the post speaks to one person', () => {
    expect(run('@mike you should get that disc fused.')).toHaveLength(1);
    expect(run('Linda, that is classic sciatica.')).toHaveLength(1);
    expect(run('Pain that is worse sitting is classic sciatica.')).toEqual([]);
    expect(run('Everyone with red flags should get an MRI.')).toEqual([]);
  });

  it('hears a reply in a title or a name said to the reader, not only in an @mention', () => {
    expect(run('Sir, your spine is out of alignment, that is why it hurts.')).toHaveLength(1);
    expect(run('mate thats your SI joint playing up, skip the gym for a fortnight')).toHaveLength(1);
    expect(run('Hey Raj! In your situation I would try an SI joint injection.')).toHaveLength(1);
    expect(run('Sorry you feel that way, Gary, but your scan was normal.')).toHaveLength(1);
    expect(run('Kev, cut the ibuprofen to once a day.')).toHaveLength(1);
    // Plural or discourse openers name nobody.
    expect(run('Folks, your disc is not a jelly doughnut that slips out.')).toEqual([]);
    expect(run('Reminder, your MRI report will list normal age changes.')).toEqual([]);
  });

  it('reads a finding about the reader\'s own body or tests as advice only when said to one person', () => {
    expect(run('Dear Anna, the numbness in your foot is nothing, it will pass.')).toHaveLength(1);
    expect(run('bro ur sciatica will clear if u stretch the piriformis every hour')).toHaveLength(1);
    expect(run('Your spine is strong and adaptable; movement is medicine.')).toEqual([]);
    expect(run('Jo, your post about disc herniation research made my day.')).toEqual([]);
    expect(run('Mate, your scan question is a good one: most scans show normal age changes.')).toEqual([]);
  });

  it('reads the instruction after a lead-in in a reply, with compromise deciding the mood', () => {
    expect(run('Replying to the runner who asked: get an EMG and ask for a gabapentin trial.')).toHaveLength(1);
    expect(run('Replying to the runner who asked: glad the fusion is holding up!')).toEqual([]);
  });

  it('lets hedges, conditions and negations make a sentence general', () => {
    expect(run('@sam if you have leg weakness you should get an MRI soon.')).toEqual([]);
    expect(run('@sam you may need physical therapy; talk with your clinician.')).toEqual([]);
    expect(run("I can't tell you if you need surgery from a comment.")).toEqual([]);
    expect(run('Never stop taking your blood thinner on your own.')).toEqual([]);
  });

  it('puts the pointer to proper care in the first advising sentence and removes the others', () => {
    const found = run("@jo sounds like you have a herniated disc. You should get an epidural. I'll tell you if surgery is next.");
    expect(found.map((f) => f.replacement)).toEqual([POINTER, '', '']);
  });

  it('reads a request for photos of one person\'s body as an offer to judge it', () => {
    expect(run("Text me a pic of your incision and I'll say if it looks okay.")).toMatchObject([{ severity: 'error' }]);
    expect(run('Never text photos of your incision; use the portal and we will call you.')).toEqual([]);
  });

  it('catches an instruction about a medicine named in several words, with no other clinical word', () => {
    expect(run('Time to come off your blood pressure pills for now.')).toMatchObject([{ severity: 'error' }]);
  });

  it('does nothing on a post with no clinical word', () => {
    expect(run("@drlee great talk! I'll let you know if I can make the dinner.")).toEqual([]);
  });
});
