/**
 * (A) Names. A person's name comes in many shapes: "Mrs. Delgado", "mr
 * hollis", "Tomasz K.", "Alvarez, R.", "J.T.", a first name spoken to ("Hi
 * Ana!"), a capitalised word in a sentence about a patient, or letters spaced
 * out to dodge filters. Most names in a clinician's post are not patients':
 * a title or credential ("Dr.", ", DPT"), a colleague's role ("my partner",
 * "research coordinator") or a welcome or citation around it clears or lowers
 * it, and a name seen once with such a marker is a colleague everywhere in
 * the post. compromise is asked only about capitalised words in sentences
 * that are already tied to a patient.
 */
import type { Candidate } from '../../../types.js';
import type { PostContext } from '../../context.js';
import { matches, overlapChecker } from '../../scan.js';
import { Score, toCandidate } from '../../score.js';
import { isNameWord, isNickname, wordKind } from '../../words.js';
import { markColleagues } from './colleagues.js';
import { rewrite } from './rewrite.js';
import {
  AGE_APPOSITION,
  BIRTH_NEARBY,
  collect,
  CONSUMED,
  DISCLOSED_COMPANY,
  nameWords,
  PATIENT_APPOSITION,
  PATIENT_APPOSITION_AFTER,
  PERSON_APPOSITION,
  RECORD_NEARBY,
  WORK_OF,
  type NameSpan,
} from './shapes.js';
import { tuned } from '../../../../catalog/tune.js';

export function recognizeNames(ctx: PostContext): Candidate[] {
  const spans = collect(ctx);
  const colleague = markColleagues(ctx, spans);
  const careAddressed = ctx.sentences.some((s) => s.secondPersonCare.length > 0);
  const consented = consentedNames(ctx);
  const out: Candidate[] = [];
  const named: { span: NameSpan; candidate: Candidate }[] = [];
  for (const span of spans) {
    if (colleague.has(span)) continue;
    // "singing Elvis", "watching Tiger Woods": a famous name as the thing sung, watched or quoted.
    if (WORK_OF.test(ctx.before(span.start, 25)) || (span.shape === 'capitalised' && CONSUMED.test(ctx.before(span.start, 30)))) continue;
    const words = nameWords(ctx.text.slice(span.start, span.end));
    if (words.some((w) => ctx.colleagueNames.has(w))) continue;
    // "Shared with Amira's written consent", "Rob signed our social media consent form": the post says this
    // person agreed to be named (C3 is met, and the consent rules read the rest).
    if (consented.size > 0 && words.some((w) => consented.has(w))) continue;
    const score = baseScore(ctx, span);
    if (!score) continue;
    const tie = ctx.applyTie(score, span.start, { weak: true, person: true });
    const before = ctx.before(span.start, 30);
    const after = ctx.after(span.end, 30);
    if (span.address) {
      if (span.shape !== 'addressed') score.raise(0.1, 'addressed by name');
      if (careAddressed && !tie?.evidence.startsWith('addressed')) score.raise(0.4, 'addressed about their own care');
      // "Walked out on her own two feet. Hope, you did the hard work. C5-6 ACDF, 4 days": someone spoken to in a
      // post about one person's operation is that person.
      else if (!tie && span.address.form !== 'greeting' && onePersonsOperation(ctx)) score.raise(0.2, "addressed in a post about one person's operation");
    }
    if (PATIENT_APPOSITION.test(before) || PATIENT_APPOSITION_AFTER.test(ctx.after(span.end, 60))) score.raise(0.25, 'named as the patient');
    else if (PERSON_APPOSITION.test(before) && tie) score.raise(0.15, 'named as the person described');
    const f = ctx.facts(span.start);
    if (ctx.sentenceHas(f, RECORD_NEARBY)) score.raise(0.15, 'record details in the same sentence');
    if (AGE_APPOSITION.test(after)) score.raise(0.15, 'age given with the name');
    if (tie && /^\s*,\s*(?:who|whose|whom)\b/i.test(after)) score.raise(0.15, 'a relative clause ties the name to care');
    if (tie && /^\s+(?:family|household|kids|children|clan)\b/i.test(after)) score.raise(0.15, 'family of the person cared for');
    if (BIRTH_NEARBY.test(after)) score.raise(0.1, 'birth details given with the name');
    // "Congrats Ana on your fusion": the greeting speaks to the patient, it is not a colleague's welcome.
    if (!(span.address && careAddressed)) ctx.applyNotPatient(score, span.start, span.end);
    if (!tie && !span.address) {
      if (span.shape !== 'honorific' && span.shape !== 'labelled') continue;
      score.lower(0.1, 'no patient in this post');
    }
    const edit = rewrite(ctx, span);
    const c = toCandidate({ start: edit.start, end: edit.end, score, sensitive: 'name', replacement: edit.replacement, message: message(span) });
    if (c) out.push(c);
    if (c) named.push({ span, candidate: c });
  }
  return [...out, ...repeats(ctx, named)];
}

/** Every other mention of a patient's name is the patient's too: "Anika (yes, THAT Anika from ...)". */
function repeats(ctx: PostContext, named: readonly { span: NameSpan; candidate: Candidate }[]): Candidate[] {
  const out: Candidate[] = [];
  // Mentions already reported are covered; mentions collected but dropped (no cue in their sentence) are not.
  const all: { start: number; end: number }[] = named.map((n) => n.span);
  const covered = overlapChecker(ctx.text.length, all);
  // The name words of every patient named, each with the finding it came from; then one scan of the
  // text for all of them (a pattern and a scan per word made long drafts quadratic).
  const source = new Map<string, Candidate>();
  for (const { span, candidate } of named) {
    const words = (span.inner ?? ctx.text.slice(span.start, span.end))
      .replace(/^(?:mrs|mr|ms|miss|mx|mister)\.?\s*/i, '')
      .split(/[\s,.]+/)
      .filter((w) => w.length >= 3 && /^\p{Lu}/u.test(w) && (wordKind(w) !== 'common' || isNameWord(w)) && !isNickname([w, 'X']));
    for (const word of words) if (!source.has(word)) source.set(word, candidate);
  }
  if (source.size === 0) return out;
  const alternation = [...source.keys()]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
  const re = tuned(new RegExp(`(?<![\\p{L}\\p{N}_@#])(?:${alternation})(?![\\p{L}\\p{N}_])`, 'gu'));
  for (const m of matches(re, ctx.text)) {
    const start = m.index;
    const end = start + m[0].length;
    const candidate = source.get(m[0]);
    if (!candidate || covered(start, end) || DISCLOSED_COMPANY.test(ctx.before(start, 40))) continue;
    const edit = rewrite(ctx, { start, end, shape: 'capitalised' });
    all.push({ start, end });
    out.push({
      ...candidate,
      start: edit.start,
      end: edit.end,
      replacement: edit.replacement,
      evidence: [...(candidate.evidence ?? []), 'same name as the patient named in this post'],
    });
  }
  return out;
}

// "Amira's written, social-media-specific consent", "with Rob's permission", "Rob signed our consent form",
// "consent from Jo", "Jo has given her written permission", "Jo (shared with her consent)", "Jo asked us to share her
// story", "With her permission: Jo …": consent stated for a named person.
const CONSENT_OF = tuned(/(?<![\p{L}\p{N}_])(\p{Lu}[\p{Ll}'’-]{1,30})(?:['’]s\s+(?:[\p{L}-]+[\s,]+){0,4}?(?:consent|permission|blessing|go-ahead|sign-off)\b|\s+(?:(?:has|have|had|kindly|happily|also)\s+){0,2}(?:signed|gave|given|granted|provided|agreed to|okayed|approved|consented)\b[^.!?\n]{0,40}?\b(?:consent|permission|release|waiver|ok|okay)\b|\s+(?:(?:has|had|kindly|happily)\s+)?consented\b|[\s(,—–-]{1,4}(?:[\p{L}-]+\s+){0,3}?with\s+(?:(?:her|his|their)\s+)?(?:[\p{L}-]+\s+){0,2}?(?:consent|permission|blessing)\b|\s+(?:(?:has|had|kindly|happily|also|who)\s+){0,2}(?:asked|wanted|invited)\s+(?:us|me)\s+to\s+(?:share|post|tell|feature)\b)|\b(?:consent|permission)\s+(?:from|of)\s+(\p{Lu}[\p{Ll}'’-]{1,30})|\b[Ww]ith\s+(?:her|his|their)\s+(?:[\p{L}-]+\s+){0,2}?(?:consent|permission|blessing)\s{0,3}[:,—–-]\s{0,3}(?:here'?s\s+|meet\s+)?(\p{Lu}[\p{Ll}'’-]{1,30})/gu);

/** Name words (lower case) the post states consent for, unless the consent is denied ("without Rob's consent"). */
function consentedNames(ctx: PostContext): Set<string> {
  const out = new Set<string>();
  if (!/consent|permission|blessing|go-ahead|sign-off|to share/i.test(ctx.text)) return out;
  for (const m of matches(CONSENT_OF, ctx.text)) {
    const name = m[1] ?? m[2] ?? m[3] ?? '';
    if (ctx.isNegated(m.index) || /\b(?:without|no|not|never|before|until|pending|awaiting|waiting for)\s+$/i.test(ctx.before(m.index, 20))) continue;
    if (/^(?:The|A|An|Our|My|Your|His|Her|Their|This|That|Patient|Patients)$/.test(name)) continue;
    out.add(name.toLowerCase());
  }
  return out;
}

const OPERATION = /\b(?:[CTLS]\d{1,2}\s?[-/–]\s?[CTLS]?\d{1,2}|ACDF|TLIF|PLIF|ALIF|XLIF|OLIF|fusion|discectomy|microdiscectomy|laminectomy|laminotomy|decompression|kyphoplasty|vertebroplasty|corpectomy|foraminotomy|disc replacement|POD\s?\d|post-?op day)\b/i;

function onePersonsOperation(ctx: PostContext): boolean {
  // A talk, a welcome or a paper anywhere in the post: the person spoken to may be a colleague or a listener.
  return ctx.sentences.some((f) => f.personRef) && ctx.sentences.every((f) => f.notPatient.length === 0) && OPERATION.test(ctx.text);
}

function message(span: NameSpan): string {
  return span.address
    ? "A patient's name, addressed directly; it identifies the patient."
    : "A patient's name; it identifies the patient.";
}

function baseScore(ctx: PostContext, span: NameSpan): Score | undefined {
  const text = ctx.text.slice(span.start, span.end);
  switch (span.shape) {
    case 'honorific':
      return new Score(0.45, `honorific: ${span.honorific ?? ''}`.trim());
    case 'labelled':
      return new Score(0.55, 'written in a name field');
    case 'first-initial':
      return new Score(0.35, 'first name and last initial');
    case 'initial-surname':
      return new Score(0.35, 'initial and surname');
    case 'surname-initial':
      return new Score(0.3, 'surname and initial');
    case 'initials':
      return new Score(0.15, 'initials');
    case 'spaced':
      return new Score(0.3, 'letters spaced out to hide a word');
    case 'hashtag':
      return new Score(0.35, "a person's name made into a hashtag");
    case 'lowercase':
      return new Score(0.25, 'known first name, typed in lower case, where a person is named');
    case 'addressed': {
      const known = nameWords(text).some((w) => isNameWord(w));
      return new Score(known ? 0.35 : 0.3, known ? 'addressed by a known first name' : 'addressed by name');
    }
    case 'capitalised': {
      const words = text.split(/\s+/);
      if (isNickname(words)) return new Score(0.3, 'nickname');
      if (words.some((w) => isNameWord(w.replace(/['’]s$/, '')))) return new Score(0.3, 'known first name or surname');
      const tags = ctx.tagsOf(span.start, span.end);
      if (tags.has('Person')) return new Score(0.3, 'compromise: person');
      if (tags.has('Place') || tags.has('Organization')) return undefined;
      return new Score(0.2, 'capitalised word where a person is named');
    }
  }
}

