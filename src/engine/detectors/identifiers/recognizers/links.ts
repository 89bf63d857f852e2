/**
 * (N) URLs and social handles that point at a patient: a fundraiser or
 * patient-journal page (GoFundMe, CaringBridge, Meal Train), the profile of
 * someone described as a patient ("my patient @kim_runs", "@jsmith it was a
 * pleasure treating you"). The practice's website and colleagues' handles
 * ("@DrPatelSpine", "thanks to @NASSspine") are not.
 */
import type { Candidate } from '../../types.js';
import type { PostContext } from '../context.js';
import { drop } from '../generalise.js';
import { Score, toCandidate } from '../score.js';
import { matches } from '../scan.js';
import { handleShaped } from '../words.js';

// Bounded label lengths: an unbounded [a-z0-9-]+ backtracks for ever on "12-12-12-...".
const URL = /(?<![\p{L}\p{N}@.])(?:https?:\/\/|www\.)[^\s<>"')\]]{1,300}|(?<![\p{L}\p{N}@.\/-])[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63}){0,4}\.(?:com|org|net|me|io|co|us|ly|gl|page|link|site)\/[^\s<>"')\]]{0,300}/giu;
const PERSONAL_PAGE = /(?:gofundme\.com|gofund\.me|caringbridge\.org|mealtrain\.com|givesendgo\.com|spotfund\.com|fundly\.com|lotsahelpinghands\.com|giveforward\.com|youcaring\.com|helphopelive\.org|fundrazr\.com)/i;
const PROFILE = /(?:facebook\.com|fb\.com|instagram\.com|tiktok\.com\/@|x\.com|twitter\.com|linkedin\.com\/in|youtube\.com\/@|threads\.net\/@)\/?[A-Za-z0-9_.-]+/i;
// A handle starts a word: after a space, an opening bracket or quote, or at the start ("...)@Never DM" is a typo, not a handle).
const HANDLE = /(?<=^|[\s(\[{"'“‘])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\p{L}\p{N}_@])/gu;
// Slack and group mentions: nobody's handle.
const BROADCAST = /^@(?:channel|here|everyone|all|team|group|someone|anyone|mention|admin|admins|mods?)$/i;
// Handles of professionals and organisations.
const PRO_HANDLE = /^@(?:dr|doc|prof)|(?:md|do|pt|dpt|rn|np|pa|dc|phd|spine|ortho|neuro|surg|surgeon|clinic|health|hospital|med|medical|pain|rehab|physio|official|team|society|assoc|journal)s?(?:_?\d*)$/i;
const COLLEAGUE_NEAR = /\b(?:thanks? (?:to|you)|congrats|congratulations|shout ?out to|welcome|with|by|co-?authors?|colleagues?|partners?|follow|h\/t|hat tip|via|cc|presented|speaking|panel|podcast)\s*:?\s*$/i;
const PATIENT_BEFORE = /\b(?:patient|pt|warrior|fighter|survivor)\s*,?\s*$/i;

export function recognizeLinks(ctx: PostContext): Candidate[] {
  const text = ctx.text;
  const out: Candidate[] = [];
  const addressed = new Set(ctx.addresses.map((a) => a.start));
  const careAddressed = ctx.sentences.some((s) => s.secondPersonCare.length > 0);
  const emit = (start: number, end: number, score: Score, message: string) => {
    const edit = drop(ctx, start, end);
    const c = toCandidate({ start: edit.start, end: edit.end, score, sensitive: 'identifier', replacement: '', message });
    if (c) out.push(c);
  };
  // Only a fundraiser, journal or profile link counts, so a post naming none of those sites skips the costly URL scan.
  const sites = PERSONAL_PAGE.test(text) || PROFILE.test(text);
  for (const m of sites ? matches(URL, text) : []) {
    const url = m[0].replace(/[.,;:!?]+$/, '');
    const start = m.index ?? 0;
    const personal = PERSONAL_PAGE.test(url);
    const profile = PROFILE.test(url);
    if (!personal && !profile) continue;
    const score = new Score(personal ? 0.45 : 0.3, personal ? 'fundraiser or patient-journal page' : 'social media profile link');
    const tie = ctx.applyTie(score, start);
    if (!tie && !personal) continue;
    emit(start, start + url.length, score, 'A link to a page about the patient (fundraiser, journal or profile) identifies them.');
  }
  for (const m of matches(HANDLE, text)) {
    const start = m.index ?? 0;
    const handle = m[0];
    // "@channel", "@here": Slack's broadcast mentions, nobody's handle.
    if (PRO_HANDLE.test(handle) || BROADCAST.test(handle) || !handleShaped(handle)) continue;
    const before = ctx.before(start, 30);
    const score = new Score(0.25, 'social handle');
    // "Shoutout to @jen_runs for her first 10K after her discectomy with us": thanks that speak of the person's own care.
    if (COLLEAGUE_NEAR.test(before)) {
      if (!ctx.facts(start).patientCues.some((c) => c.weight >= 0.3)) continue;
      score.lower(0.05, 'greeted as people greet colleagues');
    }
    if (PATIENT_BEFORE.test(before)) score.raise(0.35, 'handle of someone named as a patient');
    if (addressed.has(start) && careAddressed) score.raise(0.4, 'handle addressed about their own care');
    const tie = ctx.applyTie(score, start);
    if (!tie && !addressed.has(start)) continue;
    emit(start, start + handle.length, score, "The handle of someone described as a patient identifies them.");
  }
  return out;
}
