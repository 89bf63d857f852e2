/**
 * A reply that confirms the reader is a patient without naming them (HIPAA;
 * AMA 2.3.2(a)): "sorry about the wait at your follow-up last week", "great
 * to see you at clinic yesterday", "you were seen within ten minutes". Names
 * and handles are the identifier rules' job; this reads what the reply says
 * happened to "you" in the author's care.
 *
 * Two kinds of cue:
 * - something only a carer says of a patient ("you were seen", "see you at
 *   your 6-week check", "trusting us with your surgery"): enough alone;
 * - "your" + an episode of care ("your appointment", "your recovery after the
 *   fusion"), which education also says ("bring your card to your first
 *   appointment"): it counts only in a reply (to a review, an apology, a
 *   greeting or an @mention) and told as something that happened.
 */
import { z } from 'zod';
import type { Candidate, Detector, DetectorFactory } from './types.js';
import { tuned } from '../catalog/tune.js';

const OptionsSchema = z.object({}).strict();

const CARE =
  '(?:visits?|appointments?|appts?|follow-?ups?|check-?ups?|\\d{1,2}[\\s-]?(?:week|wk|month)\\s+(?:check|review|visit|follow-?up)|sessions?|consult(?:ation)?s?|stay|admission|discharge|surgery|operation|op|procedure|injections?|block|epidural|fusion|discectomy|microdiscectomy|laminectomy|decompression|acdf|kyphoplasty|ablation|scans?|mri|x-?rays?|results|recovery|rehab|physio|treatment|care|chart|records|wound|incision|stitches|time with us)';
// Only a carer says these of the reader.
const STRONG = tuned(new RegExp(
  [
    `\\byou\\s+(?:were|was)\\s+(?:seen|treated|admitted|discharged|examined|assessed|triaged|booked|scheduled|operated on|referred|here|with us|in (?:clinic|our clinic|the office|theatre|surgery|recovery))\\b`,
    `\\byou\\s+(?:came in|checked in|no-?showed|walked out|left before|attended|missed\\s+(?:your|\\w+\\s+(?:appointments?|sessions?|visits?)))\\b`,
    `\\bsee(?:ing)?\\s+you\\s+(?:at|in|for)\\s+(?:your\\s+${CARE}|clinic|the clinic|our clinic|the office|physio|rehab|pre-?op|post-?op)\\b`,
    `\\b(?:miss|loved|love|enjoyed)\\s+(?:seeing|having|treating)\\s+you\\b`,
    `\\b(?:pleasure|privilege|honou?r)\\s+(?:of\\s+)?(?:treating|having|caring for|operating on|looking after)\\s+you\\b`,
    `\\b(?:trusting|trusted)\\s+(?:us|me)\\s+with\\s+your\\b`,
    `\\bno record of you\\b`,
    `\\b(?:I|we)\\s+(?:personally\\s+|actually\\s+|literally\\s+)?(?:examined|assessed|operated on|injected|discharged|admitted|scanned|x-?rayed|adjusted|treated(?!\\s+(?:you|u)\\s+(?:to|like)\\b))\\s+(?:you|u)\\b`,
  ].join('|'),
  'giu',
));
const YOUR_CARE = tuned(new RegExp(
  `\\byour\\s+(?:(?!(?:about|for|on|of|with|to|from|in|at|and|or)\\b)[\\w-]+\\s+){0,2}?${CARE}\\b(?!\\s+(?:questions?|options?|choices?|concerns?|decisions?|team|coordinators?|portal|guide|checklist|tips|prep|info|information|journey|costs?|insurance|forms?))`,
  'giu',
));
// The author's own time with the reader, said in a reply: "I spent 45 minutes with you", "I explained every option to
// you", "we went through the plan with you". Said to a friend too, so it counts only in a reply that tells it as past.
const ENCOUNTER =
  tuned(/\b(?:I|we)\s+(?:\w+\s+)?(?:spent\s+(?:over\s+|almost\s+|nearly\s+|a\s+full\s+)?(?:\d{1,3}|an?|two|three|forty|half an)\s+(?:[\w-]+\s+)?(?:minutes?|mins?|hours?|hrs?)\s+with\s+you|(?:explained|discussed|went through|went over|reviewed)\s+(?:[\w-]+\s+){0,3}?(?:options?|plans?|risks?|results?|scans?|mri|x-?rays?|findings|diagnosis|surgery|procedure|treatment|consent|exercises|recovery)\s+(?:with|to)\s+you)\b/giu);
// The time spent could be a friend's; a reply about a review or a visit makes it the author's care.
const CARE_CONTEXT = tuned(/\b(?:reviews?|stars?|rating|complain\w*|appointments?|appt|consult\w*|clinic|visits?|surgery|options|diagnos\w*|treatment|scans?|mri|office)\b/iu);
// In a direct reply, "after your last session" is that session, not advice about sessions in general.
const THAT_EPISODE = tuned(/\b(?:last|latest|final|recent|first)\b/iu);
const DIRECT_REPLY = /^\s*(?:(?:hi|hey|hello|dear)\s+)?@\w/iu;
// A reply: to a review or comment, an apology or a thank-you, a greeting, an @mention.
const REPLY =
  tuned(/\b(?:review|reviews|feedback|kind words|lovely words|stars?|rating)\b|\b(?:sorry|apologi[sz]e|apologies|glad|so happy|thrilled)\b|^\s*(?:(?:hi|hey|hello|dear)\b|@\w)/iu);
// Told as something that happened, or a date with us ahead.
const HAPPENED =
  tuned(/\b(?:was|were|went|had|did|has|have|got|been|felt|came|left|waited|seen|saw|told|said|spent|explained|discussed|reviewed|last|yesterday|today|tonight|this (?:morning|afternoon|week)|earlier|recently|on the \d|see you|next (?:week|month|time))\b/iu);
// A sentence that is general or about the future is education, not a reply about one episode; so is
// an instruction about booking ("reschedule your appointment in the portal").
const GENERAL_BEFORE =
  tuned(/\b(?:before|until|ahead of|prior to|after)\s*$|\b(?:if|when|once|whenever|unless)\b|\b(?:book|rebook|reschedule|schedule|cancel|confirm|bring|manage|prepare for|prep for|get ready for|arrive|request|plan)\b[^.!?\n]{0,20}$/iu);
const PRIVACY = tuned(/\b(?:can'?t|cannot|unable to|won'?t|do not|don'?t)\s+(?:discuss|comment on|confirm|share)\b|\bprivacy\b/iu);

export const careConfirmationDetector: DetectorFactory = (setup) => {
  OptionsSchema.parse(setup.options);
  const prefilter = tuned(/\byou/iu);
  const detect: Detector = (post) => {
    const text = post.text;
    if (!prefilter.test(text)) return [];
    const reply = REPLY.test(text);
    const direct = DIRECT_REPLY.test(text);
    const found: Candidate[] = [];
    const done = new Set<number>();
    // What a sentence says as a whole is weighed once, however many cues it holds.
    const facts = new Map<number, { privacy: boolean; happened: boolean }>();
    const factsOf = (start: number, end: number) => {
      let f = facts.get(start);
      if (!f) {
        const sentence = text.slice(start, end);
        f = { privacy: PRIVACY.test(sentence), happened: HAPPENED.test(sentence) };
        facts.set(start, f);
      }
      return f;
    };
    const consider = (start: number, end: number, strong: boolean) => {
      const s = post.structure.sentenceAt(start);
      if (done.has(s.start)) return;
      const f = factsOf(s.start, s.end);
      if (f.privacy || post.structure.isQuoted(start, end)) return;
      const clause = post.structure.clauseAt(start);
      if (!strong) {
        if (!reply || !f.happened) return;
        const episode = direct && THAT_EPISODE.test(text.slice(start, end));
        if (!episode && GENERAL_BEFORE.test(text.slice(Math.max(clause.start, start - 80), start))) return;
      }
      done.add(s.start);
      found.push({ start, end, severity: 'warning', evidence: [strong ? 'says what happened to the reader in your care' : 'a reply about the reader’s own care'] });
    };
    for (const [re, strong] of [
      [STRONG, true],
      [YOUR_CARE, false],
      ...(CARE_CONTEXT.test(text) ? ([[ENCOUNTER, false]] as const) : []),
    ] as const) {
      re.lastIndex = 0;
      let n = 0;
      for (const m of text.matchAll(re)) {
        // A draft of thousands of cues is read for a bounded number of them.
        if (++n > 200) break;
        const start = m.index ?? 0;
        consider(start, start + m[0].length, strong);
      }
    }
    return found.sort((a, b) => a.start - b.start);
  };
  return detect;
};
