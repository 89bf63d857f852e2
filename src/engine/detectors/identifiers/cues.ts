/**
 * Reads each sentence of a post for the cues the recognizers weigh: that it
 * speaks of one particular person receiving care (patient cues), of one
 * person at all, of the professional world (welcomes, talks, studies), or to
 * someone about their own care ("your fusion").
 */
import type { Span } from '../../structure.js';
import type { SentenceFacts } from './context.js';
import type { Lexicon } from './lexicon.js';
import type { Patterns } from './patterns.js';
import { mayMatch } from '../../catalog/anchors.js';
import { matches } from './scan.js';
import { isNounLike } from './words.js';
import { tuned } from '../../catalog/tune.js';

/**
 * Finds the cues of every sentence with one scan of the whole text per
 * pattern (cheaper than a scan per sentence), skipping patterns whose
 * telltale word is absent.
 */
export function scanFacts(
  text: string,
  facts: (pos: number) => SentenceFacts,
  lex: Lexicon,
  p: Patterns,
): void {
  // exec, not matchAll: matchAll copies the pattern on every call, which costs more than the match.
  const each = (re: RegExp, visit: (m: RegExpExecArray, f: SentenceFacts) => void) => {
    if (!mayMatch(re, text)) return;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      else visit(m, facts(m.index));
    }
  };
  each(p.personRefScan, (_, f) => {
    f.personRef = true;
  });
  each(lex.scan['patient-cues'], (m, f) => {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    // "patient-flow dashboards", "our patient education class": a compound, not a person.
    if (isCompound(text, end)) return;
    const generic = /^(?:the|a)\s+patient$/i.test(m[0]);
    f.patientCues.push({ start, end, weight: generic ? 0.25 : 0.35, label: `patient cue: ${m[0].toLowerCase()}` });
  });
  for (const cue of p.cues) {
    if (cue.pre && !cue.pre.test(text)) continue;
    each(cue.re, (m, matchFacts) => {
      const at = cue.at?.(m);
      const f = at === undefined ? matchFacts : facts(at);
      if (cue.needsPerson && !f.personRef) return;
      if (cue.accept && !cue.accept(m)) return;
      const start = at ?? m.index;
      const end = m.index + m[0].length;
      if (/(?:patient|pt)$/i.test(m[0]) && isCompound(text, end)) return;
      f.patientCues.push({ start, end, weight: cue.weight, label: cue.label(m) });
    });
  }
  // Weak: a care word and "she"/"he" in one sentence ("first post-op visit and she's off the walker").
  each(p.pronounScan, (m, f) => {
    // One look per sentence is enough.
    if (f.patientCues.length > 0 || f.weak !== undefined) return;
    f.weak = false;
    const body = text.slice(f.span.start, f.span.end);
    // "Dr. Lee and her team": the pronoun is a colleague's.
    if (/\b(?:Dr|Doctor|Prof)\.?\s/.test(body) || lex.test['not-patient-cues'].test(body)) return;
    // The first care word may be a general one ("his laser spine procedure"): look for a specific one.
    let care: RegExpExecArray | null = null;
    for (const c of matches(lex.scan['care-terms'], body)) {
      if (!GENERAL_CARE_WORD.test(c[0])) {
        care = c;
        break;
      }
    }
    if (care) {
      f.weak = true;
      f.patientCues.push({ start: m.index, end: m.index + m[0].length, weight: 0.2, label: `patient cue: ${care[0].toLowerCase()} of one person` });
    }
  });
  demoteOwnFamily(text, facts, lex);
  each(lex.scan['not-patient-cues'], (m, f) => {
    const start = m.index ?? 0;
    // "Welcome home, Theo!" greets a patient back from hospital, not a new colleague.
    if (/^welcome$/i.test(m[0]) && /^\s+(?:home|back)\b/i.test(text.slice(start + m[0].length, start + m[0].length + 6))) return;
    f.notPatient.push({ start, end: start + m[0].length, weight: 0.2, label: m[0].toLowerCase() });
  });
  if (p.secondPersonPre.test(text)) {
    each(p.secondPersonCare, (m, f) => {
      const start = m.index ?? 0;
      f.secondPersonCare.push({ start, end: start + m[0].length, weight: 0.3, label: m[0].toLowerCase() });
    });
  }
}

// "My dad had his decompression last month", "my wife's fusion": the author's own family, cared for by someone else.
const OWN_FAMILY =
  /\bmy\s+(?:(?:own|little|baby|big|older|younger|oldest|youngest|twin|late|dear|sweet|amazing|wonderful|brave|elderly|\d{1,3}-year-old)\s+)?(?:dad|father|mom|mum|mother|mama|papa|wife|husband|hubby|son|daughter|kid|kids|child|brother|sister|grandma|grandpa|grandmother|grandfather|granny|nan|nana|aunt|auntie|uncle|cousin|niece|nephew|partner|fianc[eé]e?|boyfriend|girlfriend|stepdad|stepmom|father-in-law|mother-in-law|(?:mom|mum|mother|dad|father|son|daughter|brother|sister)-in-law)\b/i;
// Said of the author's own case: then "my mom" may be the patient's mother, and the care is the author's.
const AUTHOR_CARE = tuned(/\b(?:I|we)\s+(?:just\s+|finally\s+)?(?:did|performed|fused|operated|decompressed|injected|treated|scoped|admitted|discharged|saw)\b|\b(?:my|our)\s+(?:[\p{L}-]+\s+)?(?:patient|pt)s?\b|\bpatient['’]s\b/iu);

/**
 * The care of the author's own relative is no patient's: a sentence about "my dad" and "his decompression"
 * says nothing of a patient, unless it also speaks of the author's patient or the author's own case.
 */
function demoteOwnFamily(text: string, facts: (pos: number) => SentenceFacts, lex: Lexicon): void {
  if (!/\bmy\s/i.test(text)) return;
  const seen = new Set<number>();
  for (const m of matches(OWN_FAMILY_SCAN, text)) {
    const f = facts(m.index);
    if (seen.has(f.index) || f.patientCues.length === 0) continue;
    seen.add(f.index);
    const body = text.slice(f.span.start, f.span.end);
    if (AUTHOR_CARE.test(body) || lex.test['patient-cues'].test(body.replace(/\bcaring for|tak(?:ing|e) care of|took care of|passed away/gi, ''))) continue;
    f.patientCues.length = 0;
    // No weak pronoun cue either: "my dad ... his decompression" is the same family member.
    f.weak = false;
  }
}

const OWN_FAMILY_SCAN = tuned(new RegExp(OWN_FAMILY.source, 'giu'));

const GENERAL_CARE_WORD = /^(?:pain|back|neck|spine|back pain|neck pain|case|chart|visit|appointment|insurance|treatment|symptoms)$/i;

/** "patient-flow", "patient education", "patient assistance fund": "patient" names a kind of thing, not a person. */
function isCompound(text: string, end: number): boolean {
  const after = text.slice(end, end + 24);
  if (/^-\p{L}/u.test(after) || PATIENT_COMPOUND.test(after)) return true;
  const next = /^\s+(\p{Ll}[\p{Ll}-]+)/u.exec(after)?.[1];
  return next !== undefined && isNounLike(next);
}

const PATIENT_COMPOUND =
  /^\s+(?:education|educational|portal|handouts?|resources?|guides?|information|info|experience|safety|care|advocates?|advocacy|navigators?|satisfaction|services|advisory|population|outcomes|volume|flow|coordinators?|access|rights|cent(?:er|re)d|first|class(?:es)?|seminars?|day|lounge|parking|famil(?:y|ies)|registry|database|survey|feedback|reviews?|forms?|intake|scheduling|records?|charts?|privacy|confidentiality|load|panel|base|volumes|numbers)\b/i;

// Sentence splitting ends a sentence at "R." or "J.T."; a name's initials do not end a sentence.
export function joinInitials(text: string, spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && /(?:^|[\s,(—–-])(?:\p{Lu}\.){1,3}$/u.test(text.slice(last.start, last.end))) {
      last.end = span.end;
      continue;
    }
    out.push({ start: span.start, end: span.end });
  }
  return out;
}

