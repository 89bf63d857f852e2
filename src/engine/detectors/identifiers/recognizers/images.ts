/**
 * (P, Q) Biometrics and full-face photographs, and images that show a
 * patient's details: "swipe to see her face", "selfie with my patient", "the
 * X-ray with his name and DOB", "screenshot of the chart". The text cannot
 * show the picture, but it says what the picture shows. Blurred, cropped or
 * de-identified images, and statements that none are posted, pass.
 */
import type { Candidate } from '../../types.js';
import type { PostContext } from '../context.js';
import { Score, toCandidate } from '../score.js';
import { matches, overlapChecker } from '../scan.js';
import { tuned } from '../../../catalog/tune.js';

interface Shape {
  re: RegExp;
  base: number;
  why: string;
  replacement: string | null;
  /**
   * Counts without a patient cue: true when the picture itself is patient data,
   * 'care' when the post speaks of care at all (a face in a clinician's care post).
   */
  standalone: boolean | 'care';
  /** "I blurred... most of it": a blur that leaves part showing does not clear it. */
  partialSafe?: boolean;
  /** The post must say this too. */
  needs?: RegExp;
}

const DETAIL = '(?:names?|full names?|DOB|date of birth|birth ?dates?|MRN|birthdays?|address|wristbands?|ID bands?|name ?bands?|hospital bands?|arm ?bands?|initials|patient (?:info|details|information|labels?|stickers?))';
const IMAGE = '(?:x-?rays?|xrays?|MRI|CT|scans?|films?|images?|radiographs?|screenshots?|photos?|pics?|pictures?|labels?|stickers?|wristbands?|charts?|printouts?|slides?)';
// Where a word naming a picture starts: after anything but a letter, so after a digit too ("3screenshots of the chart").
// With \b, a phone number typed against the word hid it until the rewrite removed the number, and the rewrite was an error.
const PICTURE_START = '(?<!\\p{L})';
const WHOSE = "(?:her|his|their|the patient'?s|my patient'?s|our patient'?s|pt'?s|\\p{Lu}[\\p{Ll}]+'s)";
const SHAPES: readonly Shape[] = [
  {
    re: tuned(new RegExp(`\\b(?:see|shows?|showing|with|of|check out|look at|meet)\\b[^.!?\\n]{0,30}?\\b${WHOSE}\\s+(?:(?:sweet|smiling|happy|beautiful|whole|full|big|little|brave|gorgeous)\\s+)?face\\b`, 'giu')),
    base: 0.45,
    why: "photo showing the patient's face",
    replacement: '$0 (blurred)',
    standalone: 'care',
  },
  {
    // "her face and wristband in frame", "his face fully visible", "name band and face in shot": what the picture
    // shows, said after the thing shown.
    re: tuned(new RegExp(
      `\\b(?:${WHOSE}\\s+)?(?:face|${DETAIL})(?:\\s*(?:,|and|&|\\+|plus)\\s*(?:(?:his|her|their|the)\\s+)?(?:face|${DETAIL})){0,3}\\s+(?:(?:is|are|was|were|all|both)\\s+){0,2}(?:(?:clearly|fully|totally|completely|still|right)\\s+)?(?:in (?:full )?(?:frame|shot|view|the (?:frame|shot|pic|photo|picture|video|selfie))|on camera|visible|showing|unblurred|not blurred|uncovered)\\b`,
      'giu',
    )),
    base: 0.5,
    why: 'what the picture shows: face or patient details',
    replacement: '$0 (blurred)',
    standalone: 'care',
  },
  {
    // "ignore Epic and the unit census on the second monitor", "the OR board in the background": a clinical screen
    // or board caught in the picture shows whoever is on it.
    re: tuned(/\b(?:census|patient list|pt list|patient board|OR board|OR schedule|whiteboard|charts?|Epic|Cerner|Meditech|EHR|EMR|MAR)\b[^.!?\n]{0,30}?\b(?:on|in)\s+(?:the|my|a|our)\s+(?:[\p{L}-]+\s+){0,2}?(?:monitors?|screens?|background|computers?|wall|corner|frame|shot)\b/giu),
    base: 0.5,
    why: 'a clinical screen or board in the picture',
    replacement: '$0 (cropped out before posting)',
    standalone: true,
    partialSafe: true,
    // Only where the post is a picture, or asks the viewer to overlook part of one ("Epic training on the big screen" is not).
    needs: tuned(/\b(?:selfie|photo|pic|picture|snap|snapshot|video|reel|ignore|(?:don't|do not|dont) mind|excuse|behind me)\b|📸|🤳/iu),
  },
  {
    re: tuned(/\bfull[- ]?face\s+(?:photos?|pics?|pictures?|shots?|images?|video|selfie)\b|\bfaces?\s+(?:is\s+|are\s+)?(?:visible|showing|unblurred|in (?:the|this) (?:photo|pic|video|shot))\b|\b(?:didn't|did not|forgot to|no need to|won't|not going to)\s+blur\s+(?:her|his|their|the)\s+faces?\b/giu),
    base: 0.5,
    why: 'full-face image',
    replacement: '$0 (blurred)',
    standalone: 'care',
  },
  {
    re: tuned(/\b(?:photos?|pics?|pictures?|videos?|selfies?|clips?|reels?|footage)\s+(?:of|with)\s+(?:my|our|this|a|the)\s+(?:(?:favorite|favourite|sweet|amazing|brave|awesome|first|oldest|youngest)\s+)?(?:patient|pt)\b(?!s|-)/giu),
    base: 0.4,
    why: 'photo of a patient',
    replacement: '$0 (face and details hidden)',
    standalone: false,
  },
  {
    re: tuned(new RegExp(
      `${PICTURE_START}(?:x-?rays?|xrays?|MRI|CT|scans?|films?|images?|radiographs?|screenshots?|photos?|pics?|pictures?|labels?|stickers?|wristbands?|armbands?|ID bands?|whiteboard|board|charts?|printouts?)\\b[^.!?\\n]{0,40}?\\b(?:with|showing|shows|still (?:has|have|shows)|includes?|where you can (?:see|read))\\b[^.!?\\n]{0,25}?\\b${DETAIL}(?:\\s*(?:,|and|&|\\+|or)\\s*(?:(?:his|her|their|the)\\s+)?${DETAIL}){0,4}\\b`,
      'giu',
    )),
    base: 0.7,
    why: "image that shows the patient's details",
    replacement: '$0 hidden',
    standalone: true,
  },
  {
    // "a screenshot of my Epic home screen / the new Cerner theme": the software's own face, not a record.
    re: tuned(/(?<!\p{L})(?:screenshots?|screen ?shots?|screengrabs?|screen caps?|pics?|photos?|pictures?)\s+(?:of|from)\s+(?:the|his|her|their|a|my|our|this)?\s*(?:chart|EHR|Epic|Cerner|medical record|record|MAR|med list|labs?|lab results|op note|notes?|discharge summary|OR schedule|OR board|census|patient list|face ?sheet|imaging report|MRI report|path(?:ology)? report|op report)\b(?!\s+(?:(?:new|updated|latest|old)\s+)?(?:home ?screen|log-?in|sign-?in|splash|theme|update|upgrade|dark mode|colou?rs?|fonts?|layout|settings|shortcuts?|tips?|training|icons?|logo|loading|error|crash|outage|downtime|wallpaper)\b)/giu),
    base: 0.7,
    why: "image of the patient's record",
    replacement: '$0 (identifying details removed)',
    standalone: true,
  },
  {
    // "X-ray of the day, name and birthdate still in the corner": the details are visible in the image.
    re: tuned(new RegExp(
      `${PICTURE_START}${IMAGE}\\b[^.!?\\n]{0,40}?\\b${DETAIL}(?:\\s*(?:,|and|&|\\+|or)\\s*(?:(?:his|her|their|the)\\s+)?${DETAIL}){0,4}\\s+(?:(?:are|is)\\s+)?(?:still\\s+|clearly\\s+|all\\s+)?(?:visible|showing|readable|legible|unblurred|not blurred|in the (?:corner|top|bottom|header|margin|label)|on (?:it|there|the (?:film|label|image|scan|screen|side)))`,
      'giu',
    )),
    base: 0.7,
    why: "image that shows the patient's details",
    replacement: '$0 (cropped out before posting)',
    standalone: true,
  },
  {
    re: tuned(/\b(?:fingerprints?|finger ?print scans?|retina(?:l)? scans?|iris scans?|voice ?prints?|face ?prints?|facial (?:scan|recognition|geometry)|palm ?prints?|hand geometry|DNA (?:samples?|profiles?|results?|tests?))\b/giu),
    base: 0.3,
    why: 'biometric identifier',
    replacement: null,
    standalone: false,
  },
];
const PARTLY = /\b(?:blurred|cropped|covered|hid|hidden|redacted)\b[\s.…]{0,6}(?:(?:most|some|part|half|bits|a lot)\s+of\s+(?:it|them)|partly|partially|mostly)\b/i;
// "(cropped the patient list, don't worry)", "names blurred out": said anywhere in the post, it clears the picture.
const CLEARED_IN_POST = /\b(?:cropped|blurred|blacked|covered|hid|hidden|removed|redacted)\s+(?:out\s+)?(?:the\s+|all\s+|any\s+)?(?:patient|pt|names?|list|census|details|info|PHI|identifiers?)\b|\b(?:patient|pt|names?|list|census|details|info|PHI)\s+(?:are\s+|is\s+|all\s+)?(?:cropped|blurred|blacked|covered|hidden|removed|redacted)\b/i;
const SAFE_AFTER = /^[^.!?\n]{0,40}?\b(?:removed|hidden|blurred|cropped|covered|de-?identified|redacted|blacked out|anonymi[sz]ed|demo data|fake|mock)\b/i;

function clearedInPost(text: string): boolean {
  const m = CLEARED_IN_POST.exec(text);
  // "haven't blurred the names", "forgot to crop the list": the opposite.
  return m !== null && !/(?:n't|\bnot|\bnever|\bforgot to|\bwithout)\s+(?:\w+\s+)?$/i.test(text.slice(Math.max(0, m.index - 24), m.index));
}

export function recognizeImages(ctx: PostContext): Candidate[] {
  const out: Candidate[] = [];
  const spans: { start: number; end: number }[] = [];
  const taken = overlapChecker(ctx.text.length, spans);
  let careInPost: boolean | undefined;
  let cleared: boolean | undefined;
  for (const shape of SHAPES) {
    if (shape.needs && !shape.needs.test(ctx.text)) continue;
    shape.re.lastIndex = 0;
    for (const m of matches(shape.re, ctx.text)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      const partly = shape.partialSafe === true && PARTLY.test(ctx.after(end, 80));
      if (((SAFE_AFTER.test(ctx.after(end, 50)) || SAFE_AFTER.test(m[0])) && !partly) || ctx.isNegated(start)) continue;
      if (shape.standalone === true && !partly && (cleared ??= clearedInPost(ctx.text))) continue;
      const score = new Score(shape.base, shape.why);
      const tie = ctx.applyTie(score, start);
      // Asked once per post, and only when needed: a long draft can hold a thousand pictures.
      if (!tie && shape.standalone === 'care') careInPost ??= ctx.lex.test['care-terms'].test(ctx.text);
      if (!tie && !(shape.standalone === true || (shape.standalone === 'care' && careInPost === true))) continue;
      if (!tie && shape.standalone === 'care') score.raise(0.1, 'care described in the post');
      if (ctx.consent && !shape.standalone) score.lower(0.3, 'consent stated');
      spans.push({ start, end });
      const c = toCandidate({
        start,
        end,
        score,
          replacement: shape.replacement,
        message:
          shape.why === 'biometric identifier'
            ? "A patient's biometric identifier must not be shared."
            : 'A full-face photo or an image showing patient details identifies the patient; blur or crop it before posting.',
      });
      if (c) out.push(c);
    }
  }
  return out;
}
