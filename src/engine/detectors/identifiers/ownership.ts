/**
 * Whose phone number or e-mail address is it? The practice's line and the
 * author's own address are not patient identifiers (sending records to a
 * personal address is a security problem, found elsewhere); a number "we'll
 * call you back at" or "her cell" is the patient's.
 */
import type { PostContext } from './context.js';
import type { Score } from './score.js';

// Said just before the contact: it is the author's, the practice's or a service's.
const OWN_BEFORE =
  /\b(?:our|us|office|clinic|practice|hotline|helpline|front desk|scheduling|scheduler|main line|24\/7|appointments?|to book|bookings?|enquiries|inquiries|switchboard|landline|reception|department|dept|coordinator'?s?|nurse line|desk|team|911|988|crisis line|poison control)\b[^.!?\n]{0,30}$|\b(?:call|text|email|e-mail|reach|message|contact|ring|dm)\s+(?:me|us)\b[^.!?\n]{0,25}$|\bmy\s+(?:personal\s+|work\s+|office\s+|direct\s+|own\s+)?(?:cell|number|phone|mobile|email|e-mail|address|line|inbox|gmail)\b[^.!?\n]{0,20}$|\bcall\b(?!\s+(?:you|him|her|them)\b)[^.!?\n]{0,30}$/i;
// The contact is where something is sent: "text your name to 555-0100", "email images to x@y".
const DESTINATION_BEFORE = /\b(?:to|at)\s*:?\s*$/i;
const SEND_BEFORE = /\b(?:text|send|email|e-mail|fax|dm|message|call|ring|reach|contact|submit|forward|upload)\b[^.!?\n]{0,40}\b(?:to|at)\s*:?\s*$/i;
// Said just before the contact: it is the patient's or their family's.
const THEIRS_BEFORE =
  /\b(?:you at|you back at|your (?:number|cell|phone|mobile|email|e-mail|address)|(?:call|text|reach|email|e-mail) you|his|her|their|pt'?s|patient'?s|mom'?s|dad'?s|wife'?s|husband'?s|daughter'?s|son'?s|family'?s|(?:reach|call|text|contact|email) (?:him|her|them)|you (?:emailed|texted|called|wrote to|messaged) (?:me|us)(?: from)?|from your)\b[^.!?\n]{0,25}$|\b(?:wrote|writes|emailed|emails|messaged|texted|reached out|replied)\s+(?:(?:me|us)\s+)?(?:from|via|at)\s*$|\b(?:note|message|email|e-mail|text|letter|card|review|comment|reply)\s+from\s*$|\b(?:left\s+(?:\w+\s+){0,2}(?:messages?|voicemails?|voice ?mails?|vms?|texts?)|tried\s+(?:you|calling you|ringing you|phoning you|to (?:reach|call|ring|phone|text) you)|rang you|phoned you|(?:called|texted|rung) you)\s+(?:\w+\s+){0,2}(?:on|at)\s*:?\s*$|(?:'s|’s)\s+(?:daughter|son|wife|husband|partner|mom|mother|dad|father|family|sister|brother|caregiver|cell|phone|number|mobile)\b[^.!?\n]{0,25}$/i;
const ROLE_ACCOUNT = /^(?:info|contact|appointments?|scheduling|schedule|office|frontdesk|front\.desk|hello|hi|admin|support|billing|noreply|no-reply|careers|jobs|media|press|marketing|referrals?|records|help|team|clinic|nurse|nurses|triage|intake|privacy|compliance)\b/i;

// "to Mr. Tran at", "Mrs. Ito's email:": a contact given for someone named with an honorific is that person's.
const NAMED_PERSON_BEFORE = /(?:^|[\s(])(?:mrs|mr|ms|mx|miss|mister)\.?\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?(?:['’]s\s+(?:email|e-mail|address|cell|phone|number|mobile))?\s*(?:at|@|:|is)?\s*:?\s*$/iu;
// Free webmail: an address there is a person's own, not a practice's published one.
const WEBMAIL = /@(?:gmail|googlemail|yahoo|hotmail|outlook|icloud|aol|protonmail|proton|live|msn|comcast|ymail|gmx|att|verizon|sbcglobal|bellsouth|me|mac)\./i;

const SEND_WORD = /\b(?:text|send|email|fax|dm|call)\b/i;

const REACHING_YOU = /\b(?:you|your|ur|tried|rang|rung|called|phoned|texted|messaged|voicemails?)\b/i;

export type Owner = 'patient' | 'own' | 'unknown';

export function ownerOf(ctx: PostContext, start: number, value: string): Owner {
  const before = ctx.before(start, 60);
  const clause = ctx.text.slice(Math.max(ctx.structure.clauseAt(start).start, start - 100), start);
  const near = before.slice(Math.max(0, before.length - clause.length - 25));
  if (THEIRS_BEFORE.test(near) || NAMED_PERSON_BEFORE.test(near)) return 'patient';
  if (value.includes('@') && ROLE_ACCOUNT.test(value)) return 'own';
  if (SEND_BEFORE.test(near) && !/\b(?:you|him|her|them)\s+(?:at|to)\s*:?\s*$/i.test(near)) return 'own';
  if (OWN_BEFORE.test(near)) return 'own';
  if (DESTINATION_BEFORE.test(near) && ctx.sentenceHas(ctx.facts(start), SEND_WORD)) return 'own';
  return 'unknown';
}

/** Scores a contact by its owner: the patient's raises, the practice's clears, unknown follows the tie. */
export function scoreOwner(ctx: PostContext, score: Score, start: number, value: string): boolean {
  const owner = ownerOf(ctx, start, value);
  if (owner === 'own') return false;
  if (owner === 'patient') score.raise(0.35, 'belongs to the patient or their family');
  if (WEBMAIL.test(value)) score.raise(0.1, 'personal webmail address');
  const tie = ctx.applyTie(score, start);
  // A reply that speaks to someone about their own care: a number in it that is not the practice's is theirs.
  // ("For bookings the number is ..." in the same reply is the practice's: the number's own sentence must speak
  // to the person or of trying to reach them.)
  if (
    !tie &&
    owner === 'unknown' &&
    ctx.addresses.length > 0 &&
    ctx.sentences.some((f) => f.secondPersonCare.length > 0) &&
    ctx.sentenceHas(ctx.facts(start), REACHING_YOU)
  ) {
    score.raise(0.3, 'in a reply to the person about their care');
    return true;
  }
  return owner === 'patient' || tie !== undefined;
}
