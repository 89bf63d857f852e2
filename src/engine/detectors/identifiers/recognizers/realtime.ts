/**
 * C7: posting from inside care as it happens: "right now in OR 3", "live from
 * the OR", "mid-case", "just closed on the 92yo in bed 4", geotags and
 * check-ins at a care location ("📍 St. Mary's OR"). It needs a case nearby
 * (an OR, a procedure, a patient); "live from the symposium" or "we never
 * post from the OR" are not real-time care.
 */
import type { Candidate } from '../../types.js';
import type { PostContext } from '../context.js';
import { Score, toCandidate } from '../score.js';
import { matches } from '../scan.js';

const STRONG = /^(?:right now|as we speak|at this moment|this very moment|live from|live in|live[- ]tweeting|live ?streaming|going live|mid[- ]case|mid[- ]surgery|on the table right now|scrubbing in now|scrubbed in now|just now)$/i;
// "live-tweeting today's awake discectomy", "livestreaming my third ACDF of the day": the case itself is the object
// of a broadcast cue. A talk about a procedure ("going live to chat about fusion recovery") is not.
const BROADCAST = /^(?:live[- ]tweeting|live ?streaming|mid[- ]case|mid[- ]surgery)$/i;
const LIVE_CASE = /^\s+(?:(?:today'?s|tonight'?s|this (?:morning|afternoon|evening)'?s|my|our|a|an|this|the)\s+)?(?:(?!about\b|on\b|q&a\b|talk\b|chat\b|webinar\b)[\w&/-]+\s+){0,3}?(?:case|surgery|fusion|discectomy|microdiscectomy|laminectomy|laminoplasty|decompression|foraminotomy|ACDF|TLIF|PLIF|XLIF|ALIF|kyphoplasty|vertebroplasty|procedure|operation|op|correction|disc replacement|ablation|rhizotomy|implant)\b/i;
const CARE_PLACE = /\b(?:OR\s?#?\d{1,2}\b|(?:in|from) the OR\b|operating room|theat(?:er|re)\s?\d*|trauma bay|ICU|PACU|cath lab|bedside|on the table|in surgery|pre-op|recovery room|the ward|ER\b|ED\b)/;
const GEOTAG = /(?:📍|\b(?:checked in at|checking in at|check-in at|checking in from|checked in from))\s*((?:St\.\s)?[^\n#!?,;:|·•—–.-]{2,60})[,;:—–-]?\s*/gu;
const CARE_ORG = /\b(?:OR|ICU|ER|ED|PACU|Hospital|Medical Center|Medical Centre|Health|Clinic|Surgery Center|Surgical|Spine|Trauma|Emergency|Operating)\b/;
// "recently", as dates.ts writes for "today": "earlier today" would itself date the care of a patient named nearby.
const REPLACE: Record<string, string> = {
  'right now': 'recently',
  'as we speak': 'recently',
  'at the moment': 'recently',
  'at this moment': 'recently',
  'this very moment': 'recently',
  currently: 'recently',
  'live from': 'from',
  'live in': 'in',
  'just finished': 'recently finished',
  'just wrapped': 'recently wrapped',
  'just closed': 'recently closed',
  'heading into': 'after',
  'mid-case': 'after a case',
  'mid case': 'after a case',
  'mid-surgery': 'after surgery',
  'mid surgery': 'after surgery',
};

/** Characters after a cue in which an OR or a procedure counts. */
const WINDOW = 60;

/**
 * Where the window of cue i ends: WINDOW characters on, as the rewrite will read them, without the later cues it
 * removes (those REPLACE has no wording for) and the space each takes with it. Counted on the draft as written,
 * "as we speak ... livestreaming my third ACDF" kept the ACDF out of reach until the rewrite removed
 * "livestreaming", and the rewrite was flagged.
 */
function reach(cues: readonly RegExpMatchArray[], i: number, end: number): number {
  let limit = end + WINDOW;
  for (let j = i + 1; j < cues.length; j++) {
    const cue = cues[j] as RegExpMatchArray;
    if ((cue.index ?? 0) >= limit) break;
    if (REPLACE[cue[0].toLowerCase()] === undefined) limit += cue[0].length + 1;
  }
  return limit;
}

export function recognizeRealtime(ctx: PostContext): Candidate[] {
  const lex = ctx.lex;
  const text = ctx.text;
  const out: Candidate[] = [];
  const caseInPost = ctx.focus > 0 || lex.test['care-terms'].test(text);
  const scan = lex.scan['realtime-cues'];
  scan.lastIndex = 0;
  const cues = [...matches(scan, text)];
  for (const [i, m] of cues.entries()) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const f = ctx.facts(start);
    const window = text.slice(start, Math.min(f.span.end, reach(cues, i, end)));
    const strong = STRONG.test(m[0]);
    const place = strong ? ctx.sentenceHas(f, CARE_PLACE) : CARE_PLACE.test(window);
    const patient = f.patientCues.length > 0;
    const procedure = lex.test['care-terms'].test(window);
    // A live cue needs an OR or a case; "just finished" needs one patient ("all three patients are fine" is not one).
    const liveCase = strong && BROADCAST.test(m[0]) && LIVE_CASE.test(text.slice(end, end + 70));
    if (!(strong ? place || liveCase || (procedure && patient) : patient)) continue;
    if (/\b(?:symposium|conference|meeting|congress|summit|course|webinar|podcast|panel)\b/i.test(window)) continue;
    if (ctx.isNegated(start)) continue;
    const score = new Score(strong ? 0.55 : 0.45, `real-time cue: ${m[0].toLowerCase()}`);
    if (place) score.raise(0.05, 'care location');
    if (liveCase) score.raise(0.1, 'a case broadcast as it happens');
    if (patient) score.raise(0.2, f.patientCues[0]?.label ?? 'patient cue');
    const c = toCandidate({
      start,
      end,
      score,
      replacement: REPLACE[m[0].toLowerCase()] ?? '',
      message: 'Posting from inside care in real time can identify the patient; post later, without the live detail.',
    });
    if (c) out.push(c);
  }
  for (const m of matches(GEOTAG, text)) {
    const start = m.index ?? 0;
    const where = m[1] ?? '';
    if (!CARE_ORG.test(where) || !caseInPost || ctx.isNegated(start)) continue;
    const end = start + m[0].length;
    const score = new Score(0.5, 'geotag or check-in at a care location');
    if (ctx.focus > 0) score.raise(0.2, 'post about a patient');
    const c = toCandidate({
      start,
      end,
      score,
      replacement: '',
      message: 'A geotag or check-in at a care location, on a post about a case, places the patient; remove it.',
    });
    if (c) out.push(c);
  }
  return out;
}
