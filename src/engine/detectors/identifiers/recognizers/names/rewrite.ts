/**
 * A name becomes "a patient" where it was, in a form that keeps the sentence
 * grammatical: "Mrs. Delgado" → "a patient", "Mrs. Delgado's" → "a
 * patient's", "my patient Bill Navarro" → "my patient", "the one and only
 * Evelyn" → "the one and only patient", "Hi Ana!" → "Hi!", "Linda, glad ..."
 * → "Hi, glad ...", "..., Big Gary 😂" → "..., friend 😂".
 */
import type { PostContext } from '../../context.js';
import { PATIENT_APPOSITION, PATIENT_APPOSITION_AFTER, PERSON_APPOSITION, type NameSpan } from './shapes.js';

// "the one and only", "our sweet", "16-year-old": the name stands where "patient" reads naturally.
const DETERMINER_CHAIN =
  /(?:(?:^|\s)(?:the|our|my|this|that|your)(?:\s+(?:one and only|only|sweet|amazing|favou?rite|fav|fave|beloved|dear|lovely|brave|awesome|incredible|wonderful|own|very own|fantastic|resilient|tough|strong|inspiring|newest|oldest|youngest|little|big|old|young)){0,3}|\d{1,3}-year-old|\d{1,3}\s?(?:yo|y\/o))\s+$/iu;

/** "Mrs. Delgado" → "a patient"; "my patient Bill Navarro" → "my patient"; "Hi Ana!" → "Hi!". */
export function rewrite(ctx: PostContext, span: NameSpan): { start: number; end: number; replacement: string } {
  const text = ctx.text;
  const before = text.slice(Math.max(0, span.start - 40), span.start);
  if (span.shape === 'hashtag') return { start: span.start, end: span.end, replacement: '' };
  // "Mr. & Mrs. Okonjo": a couple.
  if (/^(?:mr|mrs|ms|mx)\.?\s*(?:&|and)\s/i.test(text.slice(span.start, span.end))) {
    return { start: span.start, end: span.end, replacement: "a patient's family" };
  }
  // "thanks to Priya, our patient from clinic" → "thanks to our patient from clinic": the words after say it
  // already (and a name opening a post that way is spoken of, not to).
  const apposition = PATIENT_APPOSITION_AFTER.exec(text.slice(span.end, span.end + 60));
  if (apposition) {
    const [, sep = '', determiner = ''] = apposition;
    // Opening a sentence, the determiner takes the capital the name had ("Priya, our patient" → "Our patient").
    if (/(?:^|[.!?]\s|\n)\s*$/.test(before)) {
      const capital = determiner.charAt(0).toUpperCase() + determiner.slice(1);
      return { start: span.start, end: span.end + sep.length + determiner.length, replacement: capital };
    }
    return { start: span.start, end: span.end + sep.length, replacement: '' };
  }
  const a = span.address;
  if (a?.form === 'greeting') {
    if (a.greeting === 'dear') return { start: span.start, end: span.end, replacement: 'friend' };
    const comma = before.match(/,\s*$/);
    if (comma) return { start: span.start - comma[0].length, end: span.end, replacement: '' };
    return { start: span.start, end: span.end, replacement: '' };
  }
  if (a?.form === 'opening') {
    const sep = text.slice(span.end).match(/^\s*(?:,|!|—|–|\s-|:)\s*/);
    const letters = text.slice(span.start, span.end).replace(/[^\p{L}]/gu, '');
    if (letters === letters.toUpperCase() && sep) return { start: span.start, end: span.end + sep[0].length, replacement: '' };
    return { start: span.start, end: span.end, replacement: 'Hi' };
  }
  if (a?.form === 'closing') return { start: span.start, end: span.end, replacement: 'friend' };
  // "🥃 Mrs. Finch, you're a legend": spoken to, mid-sentence.
  if (/^,\s*(?:you|you're|your|we|I|thank|thanks|glad|so)\b/i.test(text.slice(span.end)) && /(?:^|[\p{P}\p{S}])\s*$/u.test(before)) {
    return { start: span.start, end: span.end, replacement: 'Hi' };
  }
  if (PATIENT_APPOSITION.test(before) || PERSON_APPOSITION.test(before)) {
    // "our patient, Raj, who" → "our patient, who": a name set off by commas goes with the comma before it.
    const comma = /,\s*$/.exec(before);
    if (comma) return { start: span.start - comma[0].length, end: span.end, replacement: '' };
    // "our warrior Jayden's recovery" → "our warrior's recovery": the space goes with the name.
    const possessive = /^['’]s\b/.test(text.slice(span.end)) && /\s$/.test(before);
    return { start: span.start - (possessive ? 1 : 0), end: span.end, replacement: '' };
  }
  // "the Delgado family" → "the patient's family".
  if (/^\s+(?:family|household|kids|children|clan|crew|house|home|residence|farm|twins)\b/i.test(text.slice(span.end, span.end + 12))) {
    return { start: span.start, end: span.end, replacement: /\bthe\s+$/i.test(before) ? "patient's" : "the patient's" };
  }
  if (DETERMINER_CHAIN.test(before)) return { start: span.start, end: span.end, replacement: 'patient' };
  return { start: span.start, end: span.end, replacement: 'a patient' };
}
