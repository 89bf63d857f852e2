import { describe, expect, it } from 'vitest';
import { careConfirmationDetector } from '../../../src/engine/detectors/care-confirmation.js';
import { build, found } from './detector-post.js';

const detect = build(careConfirmationDetector, {});

describe('care-confirmation detector', () => {
  it('hears what only a carer says of the reader, with or without a reply around it', () => {
    expect(found(detect, 'Respectfully, you were seen within ten minutes of your slot.')).toHaveLength(1);
    expect(found(detect, 'Glad the block helped, see you at your 6-week check!')).toHaveLength(1);
    expect(found(detect, 'It was a pleasure treating you, enjoy the trails.')).toHaveLength(1);
  });

  it('counts "your appointment" only in a reply that tells what happened', () => {
    expect(found(detect, 'Sorry about the wait at your follow-up last week.')).toHaveLength(1);
    expect(found(detect, 'Bring your insurance card to your first appointment.')).toEqual([]);
    expect(found(detect, 'Sorry, our phones were down today! If you need to reschedule your appointment, use the portal.')).toEqual([]);
    expect(found(detect, 'So glad to see so many of you at our open day! Your questions about surgery were great.')).toEqual([]);
  });

  it('leaves a reply that declines to discuss care alone', () => {
    expect(found(detect, "Thanks for your review. For privacy reasons we can't discuss your visit here; please call us.")).toEqual([]);
  });
});
