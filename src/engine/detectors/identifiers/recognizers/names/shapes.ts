/**
 * The shapes a name takes in a post, found cheaply: "Mrs. Delgado", "mr
 * hollis", "Tomasz K.", "Alvarez, R.", "J. Whitfield", "J.T.", "Name: Jane
 * Doe", "#PrayForBrayden", a first name spoken to, a capitalised (or, in
 * posts typed in lower case, a known lower-case) first name in a sentence
 * about a patient, letters spaced out to dodge filters. compromise is asked
 * only about capitalised words the dictionary does not know.
 */
import type { Address, PostContext, SentenceFacts } from '../../context.js';
import { COMMON_INITIALS } from '../../addresses.js';
import { CAP_WORD, HONORIFIC, SHOWN_CUE, SIGNED_CUE } from '../../patterns.js';
import { matches, overlapChecker } from '../../scan.js';
import { isFunctionWord, isNameWord, isNickname, isVerbWord, mayBeName, wordKind } from '../../words.js';
import { tuned } from '../../../../catalog/tune.js';

export type Shape =
  | 'honorific'
  | 'labelled'
  | 'first-initial'
  | 'initial-surname'
  | 'surname-initial'
  | 'initials'
  | 'capitalised'
  | 'lowercase'
  | 'spaced'
  | 'addressed'
  | 'hashtag';

export interface NameSpan {
  start: number;
  end: number;
  shape: Shape;
  address?: Address;
  /** The honorific as written, for the evidence ("Mrs."). */
  honorific?: string;
  /** The name inside a hashtag ("Brayden" in "#PrayForBrayden"). */
  inner?: string;
}

// White space that stays on one line: a name, and a form's field, end with their line.
const SPACE_IN_LINE = '[^\\S\\r\\n]';
// After a title a surname may have a capital inside ("Mrs. McDonald", "Mr. O'Brien"): read whole, or the rewrite
// would leave the rest of it ("a patientDonald").
const SURNAME_WORD = "\\p{Lu}[\\p{Ll}'’]{0,40}(?:\\p{Lu}[\\p{Ll}'’]{1,40})?(?:-\\p{Lu}?[\\p{Ll}'’]{1,40}){0,2}";
const HONORIFIC_NAME = tuned(new RegExp(
  `(?<![\\p{L}\\p{N}_])((?:${HONORIFIC}\\.?\\s*(?:&|and)\\s*)?${HONORIFIC})(\\.${SPACE_IN_LINE}*|${SPACE_IN_LINE}+)(${SURNAME_WORD}(?:${SPACE_IN_LINE}+${SURNAME_WORD})?(?![\\p{L}])|\\p{Lu}(?![\\p{L}])|\\p{Ll}[\\p{Ll}'’-]{2,}|\\p{Ll}(?=\\s+in\\s+\\d))`,
  'gu',
));
const FIRST_INITIAL = tuned(new RegExp(`(?<![\\p{L}\\p{N}_.])(${CAP_WORD})\\s(\\p{Lu})\\.(?=[\\s,;:)!?]|$)`, 'gu'));
const SURNAME_INITIAL = tuned(new RegExp(`(?<![\\p{L}\\p{N}_.])(${CAP_WORD}),\\s?(\\p{Lu})\\.(?![\\p{L}])`, 'gu'));
// "Name: Jane Doe", "Pt: Raymond Castillo": a form's name field.
// "Name: J. Smith": a first initial is part of the field's name.
const LABELLED_NAME = tuned(new RegExp(`\\b(?:[Nn]ame|NAME|[Pp]atient|[Pp]t)\\s*[:=]\\s*((?:\\p{Lu}\\.\\s?)?${CAP_WORD}(?:${SPACE_IN_LINE}+${CAP_WORD}){0,2})(?![\\p{L}])`, 'gu'));
const LABEL_OPENERS = /^(?:A|An|I|The|This|My|Our|Your|His|Her|Their|One|Some)(?:\s|$)/;
const INITIAL_SURNAME = tuned(new RegExp(`(?<![\\p{L}\\p{N}_.])\\p{Lu}\\.\\s?(${CAP_WORD})(?![\\p{L}.])`, 'gu'));
const CAPS_SURNAME_INITIAL = tuned(/(?<![\p{L}\p{N}_.])(\p{Lu}{3,}(?:[-'’]\p{Lu}{2,})?),\s?\p{Lu}(?:\p{Lu}{2,})?(?![\p{L}\p{N}.])/gu);
// Shouted words of care and record labels are not surnames.
const CARE_ACRONYMS = /^(?:MRN|DOB|ICU|PACU|NICU|ACDF|TLIF|PLIF|ALIF|XLIF|EHR|EMR|MRI|PACS|FYI|ASAP|LOL|OMG|BMI|PRN|NPO|STAT|WOW|YES|NOT|AND|THE|BUT)$/;
const CAPS_SURNAME_PRE = /\p{Lu}{3},\s?\p{Lu}/u;
const INITIALS = tuned(/(?<![\p{L}\p{N}_.])\p{Lu}\.\s?\p{Lu}\.(?:\s?\p{Lu}\.)?(?![\p{L}])/gu);
const CAP_SEQUENCE = tuned(new RegExp(`(?<![\\p{L}\\p{N}_#@/.'’-])${CAP_WORD}(?:\\s+${CAP_WORD}){0,2}(?![\\p{L}\\p{N}_@])`, 'gu'));
const SPACED_LETTERS = /\p{L}{3,}/gu;
const HASHTAG_NAME =
  tuned(/#(?:PrayFor|Pray4|Praying4|PrayingFor|Team|Go|Support|Love|Standing4|StandWith)(\p{Lu}\p{Ll}{2,})(?![\p{L}\p{N}])|#(\p{Lu}\p{Ll}{2,})(?:Strong|Warrior|Tough|Army|Nation|Fights|Fight|Journey|Recovery|Story)(?![\p{L}\p{N}])/gu);
const SPACED_LABEL = /^\s*[:=#]/;
const CREDENTIAL_WORD = /^(?:password|passwd|passcode|passphrase|pin|code|login|username|user|wifi|otp|token|key|secret)$/i;
const LOWER_WORD = /(?<![\p{L}\p{N}_@#])\p{Ll}{3,}(?![\p{L}\p{N}_])/gu;

// Words after which a capitalised word names the patient ("my patient Bill", "our scoliosis warrior Kayleigh").
export const PATIENT_APPOSITION = /(?:patient|pt|warrior|fighter|survivor|champ)\s*,?\s*$/i;
// The same said after the name: "Priya, our patient from clinic", "Evelyn—one of my patients". Not a name that
// only works with patients ("our patient coordinator") or a patient's relative ("the patient's daughter").
export const PATIENT_APPOSITION_AFTER = tuned(
  /^(\s*(?:,|—|–|\s-)\s*)(our|my|a|the|one of (?:our|my))\s+(?:[\p{L}-]+\s+){0,2}?(?:patient|pt)s?(?![\p{L}'’-])(?!\s+(?:coordinator|navigator|advocate|liaison|care|services|experience|relations|access|representative|rep|educator|safety|portal|family|families)\b)/iu,
);
export const PERSON_APPOSITION = /(?:neighbou?r|buddy|friend|guy|lady|grandma|grandpa|great-grandma|great-grandpa|mom|dad|kid|boy|girl|gentleman|teen|toddler|son|daughter|man|woman)\s*,?\s*$/i;
// Slots where a capitalised word is a person: "see Priya", "with Omar", "Priya's", "Priya, who".
const PERSON_SLOT_BEFORE = /(?:^|\s)(?:see|meet|met|to|with|and|for|named|called|like|thanks|congrats|love|hi|hey|dear|welcome|watching|watch|help|helped|treated|fused|scoped|told|asked|sweet|brave|little|young|old|miss|mister|keep|pray for|praying for|thinking of|thoughts with|visit|visited|hug|hugged|cheer on|cheering on|root for|rooting for|discharged|admitted)\s*,?\s*$/i;
const PERSON_SLOT_AFTER = /^(?:'s\b|’s\b|\s*[,!?):]|\s+-\s|\s+(?:who|is|was|has|had|did|does|got|gets|came|walked|went|told|asked|said|says|brought|gave|made|just|still|now|finally|can|could|will|would|and|after|post|following)\b)/;
// ", who we operated on", ", whose fusion": only a person takes who or whose.
const RELATIVE_AFTER = /^\s*,\s*(?:who|whose|whom)\b/i;

/** "Here's", "That's": an ordinary word with 's, not a name's possessive. */
function contraction(word: string): boolean {
  return /^\p{Lu}\p{Ll}*['’]s$/u.test(word) && !mayBeName(word.slice(0, -2));
}

/** "Keeley's scoliosis correction": a possessive followed by care that someone had. */
function ownCareAfter(ctx: PostContext, end: number): boolean {
  // The rest of the sentence, or a few words of it: "Keeley's first steps after her kyphoplasty".
  const after = ctx.text.slice(end, Math.min(ctx.facts(end).span.end, end + 60));
  const m = /^['’]s\s+(\S[^.!?]*)/u.exec(after);
  return m !== null && ctx.lex.test['care-terms'].test(m[1] ?? '') && !/^(?:team|center|centre|clinic|program|department|unit|service|office)\b/i.test(m[1] ?? '');
}
// "eating hot Cheetos", "wearing his Nikes": a capitalised word consumed or used is a brand.
export const CONSUMED = /\b(?:eating|ate|eats|drinking|drank|drinks|chugging|sipping|munching(?: on)?|snacking on|wearing|wore|ordering|ordered|bought|buying|smoking|vaping)\s+(?:(?:a|an|the|some|his|her|their|my|hot|cold|spicy|diet|large|whole|bag of|can of|bottle of)\s+){0,2}$/i;
export const WORK_OF = /\b(?:singing|sing|sang|sings|playing|played|listening to|listened to|watching|watched|reading|read|quoting|quoted|channeling|channelling|impression of|impersonating|a fan of|like|as)\s*$/i;
export const RECORD_NEARBY = /\b(?:MRN|DOB|D\.O\.B|bed|room|acct|chart|admitted|discharged)\b/i;
// "Frank, 78,", "Ava (29)": an age given right after the name.
export const AGE_APPOSITION = /^(?:,\s*\d{1,3}\s*(?:,|yo\b|y\/o|-year|years?\b|[MF]\b)|\s?\(\s*\d{1,3}\s*(?:[MF]|yo|y\/o)?\s*\))/;
export const BIRTH_NEARBY = /^[,\s]*(?:born|who turn(?:ed|s)|turn(?:ed|s) \d|celebrat)/i;
const NOT_NAMES = new Set(['I', 'OK', 'Ok', 'POV', 'PSA', 'FYI', 'TIL', 'AMA', 'OR', 'ER', 'ED', 'ICU', 'PT', 'OT', 'MRI', 'CT', 'God', 'Lord', 'Jesus', 'Santa', 'Mom', 'Dad', 'Grandma', 'Grandpa', 'Doc', 'Navy', 'Army', 'Marines', 'Marine', 'Air', 'Force', 'Guard', 'Coast', 'National', 'Police', 'Fire', 'Church', 'Medicare', 'Medicaid', 'Abuela', 'Abuelo', 'Nana', 'Papa', 'North', 'South', 'East', 'West',
  // Words that open a clause, capitalised by a typo or after a rewrite ("My Pt Is finally walking"): never a given name.
  'Is', 'Was', 'Are', 'Were', 'Am', 'Has', 'Had', 'Have', 'Does', 'Did', 'Been', 'And', 'But', 'Nor', 'So', 'If', 'Then', 'Than', 'Who', 'Whom', 'Whose', 'Which', 'What', 'When', 'Where', 'Why', 'How', 'The', 'An', 'This', 'That', 'These', 'Those', 'It', 'Its', 'He', 'She', 'We', 'They', 'You', 'Your', 'His', 'Her', 'Our', 'Their', 'Just', 'Now', 'Not', 'Also', 'Still', 'Already', 'Finally', 'Today', 'Tonight', 'Tomorrow', 'Yesterday',
  'Almost', 'Always', 'Never', 'Only', 'Even', 'Really', 'Barely', 'Nearly', 'Literally', 'Actually', 'Officially', 'Suddenly', 'Somehow', 'Probably', 'Maybe',
  // Labels a post or our own rewrite opens a note with: "(Disclosure: I have a financial relationship with …)".
  'Disclosure', 'Note', 'Update', 'Edit', 'Sponsored', 'Ad']);

/** The words of a name, lower-cased, without honorific or possessive. */
export function nameWords(text: string): string[] {
  return text
    .replace(/^(?:mrs|mr|ms|miss|mx|mister)\.?\s+/i, '')
    .split(/[\s,.]+/)
    .filter((w) => w.length > 1)
    .map((w) => w.toLowerCase().replace(/['’]s$/, ''));
}

/** Every span of the post that has the shape of a name. */
export function collect(ctx: PostContext): NameSpan[] {
  const text = ctx.text;
  const spans: NameSpan[] = [];
  const taken = overlapChecker(ctx.text.length, spans);
  const add = (span: NameSpan) => {
    // The possessive stays outside the name: "Jayden's recovery" → "a patient's recovery".
    const possessive = /['’]s$/.exec(text.slice(span.start, span.end));
    const s = possessive ? { ...span, end: span.end - possessive[0].length } : span;
    if (!taken(s.start, s.end)) spans.push(s);
  };

  for (const m of matches(HONORIFIC_NAME, text)) {
    const hon = m[1] ?? '';
    const name = m[3] ?? '';
    const lower = /^\p{Ll}/u.test(name);
    // "ms" is also multiple sclerosis and "miss" a verb: lower-case names only after mr/mrs.
    if (lower && !/(?:^|\s)(?:mr|mrs|mister)$/i.test(hon)) continue;
    if (/^miss$/.test(hon)) continue;
    if (lower && name.length > 1 && (wordKind(name) === 'common' || NOT_NAMES.has(name))) continue;
    const start = m.index ?? 0;
    add({ start, end: start + m[0].length, shape: 'honorific', honorific: `${hon}${(m[2] ?? '').trim()}` });
  }
  for (const m of matches(FIRST_INITIAL, text)) {
    const first = m[1] ?? '';
    if (!mayBeName(first) || NOT_NAMES.has(first) || isTitle(ctx, first)) continue;
    const start = m.index ?? 0;
    add({ start, end: start + m[0].length, shape: 'first-initial' });
  }
  for (const m of matches(SURNAME_INITIAL, text)) {
    const surname = m[1] ?? '';
    // "Harrow, G." on a chart: many surnames are also towns; record details around settle it.
    const placeSurname = wordKind(surname) === 'place' && RECORD_NEARBY.test(`${ctx.before(m.index, 60)} ${ctx.after(m.index + m[0].length, 40)}`);
    if ((!mayBeName(surname) && !placeSurname) || NOT_NAMES.has(surname)) continue;
    const start = m.index ?? 0;
    add({ start, end: start + m[0].length, shape: 'surname-initial' });
  }
  // "HARTLEY, G · MRN ...": an EHR banner's surname and initial, where record details stand beside it.
  if (CAPS_SURNAME_PRE.test(text)) {
    for (const m of matches(CAPS_SURNAME_INITIAL, text)) {
      const surname = m[1] ?? '';
      const titled = surname.charAt(0) + surname.slice(1).toLowerCase();
      if (NOT_NAMES.has(surname) || CARE_ACRONYMS.test(surname) || !mayBeName(titled)) continue;
      // A banner's fields are split by dots and bullets that end "sentences": read the characters around instead.
      if (!RECORD_NEARBY.test(`${ctx.before(m.index, 60)} ${ctx.after(m.index + m[0].length, 40)}`)) continue;
      add({ start: m.index, end: m.index + m[0].length, shape: 'surname-initial' });
    }
  }
  for (const m of matches(LABELLED_NAME, text)) {
    const name = m[1] ?? '';
    const start = m.index + m[0].length - name.length;
    if (name.split(/\s+/).some((w) => NOT_NAMES.has(w) || ['month', 'weekday'].includes(wordKind(w)))) continue;
    // "Patient: A 54-year-old…", "patient:A patient of mine": an article or pronoun opens the field, not a name.
    if (LABEL_OPENERS.test(name)) continue;
    // "Name: N/A", "S/N": a letter and a slash abbreviate, they name no one.
    if (name.length === 1 && text[start + 1] === '/') continue;
    if (!labelledField(ctx, m.index, start + name.length, name)) continue;
    add({ start, end: start + name.length, shape: 'labelled' });
  }
  for (const m of matches(INITIAL_SURNAME, text)) {
    const surname = m[1] ?? '';
    if (!mayBeName(surname) || NOT_NAMES.has(surname) || /^(?:St|Dr|Mt|Ft)\.$/.test(m[0].slice(0, 3))) continue;
    add({ start: m.index, end: m.index + m[0].length, shape: 'initial-surname' });
  }
  for (const m of matches(INITIALS, text)) {
    if (COMMON_INITIALS.test(m[0].replace(/\s/g, ''))) continue;
    const start = m.index ?? 0;
    add({ start, end: start + m[0].length, shape: 'initials' });
  }
  // "#PrayForBrayden", "#JaxonStrong", "#TeamKayla": a patient's name made into a hashtag.
  for (const m of matches(HASHTAG_NAME, text)) {
    const name = m[1] ?? m[2] ?? '';
    if (!isNameWord(name) && !(wordKind(name) === 'unknown' && mayBeName(name))) continue;
    add({ start: m.index, end: m.index + m[0].length, shape: 'hashtag', inner: name });
  }
  // Addresses and spans are both in text order: walk them together.
  const ordered = [...spans].sort((a, b) => a.start - b.start);
  let p = 0;
  for (const a of ctx.addresses) {
    const t = text.slice(a.start, a.end);
    if (t.startsWith('@')) continue; // handles are links.ts's
    while (p < ordered.length && (ordered[p] as NameSpan).end <= a.start) p++;
    const existing = ordered[p];
    if (existing && existing.start <= a.start && existing.end >= a.end) existing.address = a;
    else add({ start: a.start, end: a.end, shape: 'addressed', address: a });
  }
  // Posts typed in lower case ("shoutout to jessica from my 3pm") name people in lower case too.
  const lowerVoice = ctx.sentences.filter((f) => /^\p{Ll}/u.test(text.slice(f.span.start, f.span.start + 1))).length * 2 >= ctx.sentences.length;
  for (const f of ctx.sentences) {
    if (!sentenceTied(ctx, f)) continue;
    collectCapitalised(ctx, f, add, taken);
    if (lowerVoice) collectLowercase(ctx, f, add);
    if (!ctx.view.identity) {
      const body = text.slice(f.span.start, f.span.end);
      for (const m of matches(SPACED_LETTERS, body)) {
        const start = f.span.start + (m.index ?? 0);
        const end = start + m[0].length;
        // "p a s s w o r d: ..." is spaced out to dodge a filter too, but it is a field's label, not a name.
        if (ctx.view.wasSpaced(start, end) && mayBeName(m[0]) && !SPACED_LABEL.test(ctx.after(end, 3)) && !CREDENTIAL_WORD.test(m[0])) {
          add({ start, end, shape: 'spaced' });
        }
      }
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

// "a patient:": a noun phrase in prose (our own rewrite writes it), not a form's label.
const ARTICLE_BEFORE_LABEL = /(?:^|[^\p{L}])(?:a|an|one|another)\s+$/iu;
// "Name: Jane Doe, DOB …", "Pt: Castillo\n": a form's field ends where the value does.
const FIELD_ENDS = tuned(/^(?:\s*(?:[,;|/(\n]|$)|[.!?)]|\s+(?:\d|dob|mrn|age|bed|room|rm)\b)/iu);

/**
 * "Pt: Raymond Castillo" is a form's name field; "Pt: Most people feel better…"
 * and "a patient: Wear and tear is …" are prose after a colon. A field whose
 * words are all ordinary ones names someone only when the field ends there;
 * after "a patient" (prose, often our own rewrite) the value must both read
 * as a name and end there ("Asked a patient: Ravi, what helped?").
 */
function labelledField(ctx: PostContext, labelStart: number, end: number, name: string): boolean {
  const nameLike = name.split(/\s+/).some((w) => mayBeName(w));
  const ends = FIELD_ENDS.test(ctx.after(end, 8));
  if (ARTICLE_BEFORE_LABEL.test(ctx.before(labelStart, 16))) return nameLike && ends;
  return nameLike || ends;
}

// "(Disclosure: I have a financial relationship with Orvana.)": the disclosure our rewrite adds names a company.
export const DISCLOSED_COMPANY = /\bfinancial relationship with\s+$/i;

// Endings of nouns that given names rarely have: "Insurance", "Radiology", "Management", "Admissions".
const NOUN_ENDING = /(?:ance|ence|ancy|ency|ment|ness|tion|sion|ity|ship|ism|ogy|ics|ions)$/i;

// "our patient, Raj, walked", "proud of my patient, Raj!": a name set off by commas closes after it.
const APPOSITION_CLOSES = /^(?:['’]s\b|\s*(?:[,;:.!?)\]]|$))/u;

/**
 * "my patient Hope", "our warrior, Kayleigh, …": the word names the patient
 * before it. Not "my patient Before her fusion" (a preposition opens a clause)
 * nor "a patient, Insurance denied …" (after a comma a new clause starts unless
 * the name is set off on both sides).
 */
function namedByApposition(first: string, before: string, after: string): boolean {
  if (!PATIENT_APPOSITION.test(before) || isFunctionWord(first)) return false;
  return !/,\s*$/.test(before) || APPOSITION_CLOSES.test(after);
}

function sentenceTied(ctx: PostContext, f: SentenceFacts): boolean {
  if (f.patientCues.length > 0) return true;
  if (ctx.focus > 0 && f.personRef) return true;
  const prev = ctx.sentences[f.index - 1];
  const next = ctx.sentences[f.index + 1];
  // A neighbour about one person's care ("Three months after her kyphoplasty ...") may be about the person named here.
  return [prev, next].some((s) => s !== undefined && s.patientCues.some((c) => c.weight > 0.2) && (s.personRef || f.personRef));
}

function collectCapitalised(
  ctx: PostContext,
  f: SentenceFacts,
  add: (s: NameSpan) => void,
  taken: (s: number, e: number) => boolean,
): void {
  const lex = ctx.lex;
  const body = ctx.text.slice(f.span.start, f.span.end);
  for (const m of matches(CAP_SEQUENCE, body)) {
    let start = f.span.start + (m.index ?? 0);
    // The possessive stays outside the name ("Keeley's scoliosis correction").
    let words = m[0].replace(/['’]s$/, '').split(/\s+/);
    // Leading words that are titles, sentence openers ("Here's") or ordinary words do not belong to the name.
    // ("Bill Navarro" keeps "Bill": a surname follows.)
    while (
      words.length > 1 &&
      (contraction(words[0] as string) || (!mayBeName(words[0] as string) && !isNickname(words) && wordKind(words[1] as string) !== 'last-name'))
    ) {
      start += (words[0] as string).length + 1;
      words = words.slice(1);
    }
    const end = start + words.join(' ').length;
    if (taken(start, end)) continue;
    if (!isNickname(words) && words.some((w) => NOT_NAMES.has(w))) continue;
    if (words.some((w) => ['month', 'weekday'].includes(wordKind(w)))) continue;
    const phrase = words.join(' ');
    const after = ctx.after(end, 25);
    const before = ctx.before(start, 30);
    // Places, employers, hospitals and events are other recognizers' business.
    if (lex.test['care-organizations'].test(phrase) || lex.test['affiliation-words'].test(words[words.length - 1] as string)) continue;
    if (lex.test['place-words'].test(words[words.length - 1] as string) || lex.test['street-words'].test(words[words.length - 1] as string)) continue;
    if (/^\s+(?:\p{Lu}[\p{L}]*\s+)?(?:Hospital|Clinic|Center|Centre|Spine|Pain|Health|Medical|Symposium|Conference|Forum|Street|St\b|Ave|Road|Lane)/u.test(after)) continue;
    // A person's own care or a relative clause says this is a person, whatever the preposition before
    // ("a note from Ana Ruiz, whose fusion ...", "photos of Keeley's scoliosis correction").
    const personClause = RELATIVE_AFTER.test(after) || ownCareAfter(ctx, end) || f.patientCues.some((c) => (c.label === SHOWN_CUE || c.label === SIGNED_CUE) && c.start <= start && c.end >= end);
    if (/(?:in|near|outside|around|at)\s+(?:the\s+)?$/i.test(before) && !personClause) continue;
    if (/(?:from|of|by)\s+(?:the\s+)?$/i.test(before) && !personClause && !(words.length <= 2 && wordKind(words[0] as string) === 'first-name')) continue;
    if (lex.test.regions.test(phrase)) continue;
    if (isTitle(ctx, words[0] as string)) continue;
    const atSentenceStart = start === f.span.start || /^[\s\p{P}\p{S}]*$/u.test(ctx.text.slice(f.span.start, start));
    const nickname = isNickname(words);
    // "(Frank, 78, retired Navy)": a word given an age is a name, even when it is also an ordinary word.
    // "Hunter, starting QB for ...", "my patient Hope": an ordinary word used as a name, told by its slot.
    const roleAfter = words.length === 1 && occupationApposition(ctx).test(after);
    const known =
      nickname ||
      words.some((w) => isNameWord(w)) ||
      AGE_APPOSITION.test(after) ||
      (personClause && words.every((w) => mayBeName(w))) ||
      (!atSentenceStart && (roleAfter || (words.length === 1 && namedByApposition(phrase, before, after))));
    const unknown = words.every((w) => wordKind(w) === 'unknown' && mayBeName(w));
    if (DISCLOSED_COMPANY.test(before)) continue;
    // A lone capital letter names no one here: "50s M" and "90-plus F" (the case's sex, as the rewrite writes an age),
    // "Plan B", "vitamin D". Initials written as such ("J.", "J.T.") have shapes of their own.
    if (phrase.length === 1) continue;
    if (!known && !unknown) continue;
    if (atSentenceStart && !known) continue;
    // "Update on Delgado, Insurance finally approved her MRI": after a comma a new clause may open with an ordinary
    // word the dictionary lacks. One with a noun's ending names no one unless it is set off as a name ("…, Felicity, …").
    if (!known && words.length === 1 && /,\s*$/.test(before) && NOUN_ENDING.test(phrase) && !APPOSITION_CLOSES.test(after)) continue;
    // "Go Mustangs!": a team cheered on, not a person.
    if (!known && /(?:^|\s)(?:go|let's go|come on)\s+$/i.test(before) && /s$/.test(words[words.length - 1] as string)) continue;
    if (!known && !PERSON_SLOT_BEFORE.test(before) && !PERSON_SLOT_AFTER.test(after) && !namedByApposition(words[0] as string, before, after)) continue;
    add({ start, end, shape: 'capitalised' });
  }
}

// Lower-case words that are first names but far more often ordinary words.
const COMMON_LOWER = new Set(['will', 'mark', 'bill', 'rose', 'grace', 'hope', 'may', 'june', 'april', 'art', 'sue', 'joy', 'faith', 'pat', 'max', 'ray', 'rob', 'jack', 'frank', 'gene', 'bob', 'dawn', 'eve', 'ivy', 'page', 'summer', 'autumn', 'sky', 'rich', 'don', 'drew', 'chase', 'guy', 'buddy', 'sunny', 'chip', 'gay', 'sandy', 'holly', 'olive', 'iris', 'jade', 'ruby', 'pearl', 'amber', 'misty', 'crystal', 'hunter', 'taylor', 'tanner', 'mason', 'cash', 'royal', 'king', 'prince', 'major', 'doc', 'said', 'long', 'young', 'love', 'lane', 'dale', 'glen', 'wade', 'reed', 'clay', 'rocky', 'rusty', 'lou', 'ali', 'kim', 'lee']);
const LOWER_SLOT_BEFORE = /(?:^|\s)(?:to|with|and|for|hi|hey|thanks|thx|ty|named|called|patient|pt|see|saw|meet|met|congrats)[^\S\r\n]+$/i;
// The slot is on the word's own line: "a patient" ending one line does not name the next line's first word.
const STRONG_LOWER_BEFORE = /(?:^|\s)(?:my|our|the)?\s*(?:patient|pt|mrs?|ms)[^\S\r\n]+$/i;
const STRONG_LOWER_AFTER = /^\s+in\s+(?:(?:bed|room|rm|bay)\s*\d|\d{1,4}\s*[a-z]{0,5}\s+(?:bed|room|bay)\s*\d)/i;
const LOWER_SLOT_AFTER = /^(?:['’]s\b|\s*[,!]|\s+(?:who|from|is|was|in bed|in room|in \d))/i;

function collectLowercase(ctx: PostContext, f: SentenceFacts, add: (s: NameSpan) => void): void {
  const body = ctx.text.slice(f.span.start, f.span.end);
  for (const m of matches(LOWER_WORD, body)) {
    const word = m[0];
    const start = f.span.start + m.index;
    const end = start + word.length;
    // "rose in 4 west bed 12", "pt rose": a slot only a patient fills makes even an ordinary word a name.
    const strong = STRONG_LOWER_BEFORE.test(ctx.before(start, 12)) || STRONG_LOWER_AFTER.test(ctx.after(end, 24));
    if (COMMON_LOWER.has(word) ? !strong : wordKind(word) !== 'first-name') continue;
    // "my patient will walk", "a patient said": after "patient" a verb is the clause's own, not a name, unless a bed or room follows.
    if (isVerbWord(word) && !STRONG_LOWER_AFTER.test(ctx.after(end, 24))) continue;
    if (ctx.lex.test['person-nouns'].test(word)) continue;
    if (!strong && !LOWER_SLOT_BEFORE.test(ctx.before(start, 20)) && !LOWER_SLOT_AFTER.test(ctx.after(end, 12))) continue;
    add({ start, end, shape: 'lowercase' });
  }
}

const APPOSITION_CACHE = new WeakMap<PostContext['lex'], RegExp>();

/** ", starting QB for", ", a retired welder", "(29)": a person described right after the word. */
function occupationApposition(ctx: PostContext): RegExp {
  let re = APPOSITION_CACHE.get(ctx.lex);
  if (!re) {
    re = tuned(new RegExp(
      `^\\s*,\\s*(?:(?:a|an|our|the|my)\\s+)?(?:(?:starting|retired|former|local|young|veteran|star|head|lead|senior|junior|varsity|\\d{1,3}-year-old)\\s+){0,2}${ctx.lex.source.occupations}(?![\\p{L}])`,
      'iu',
    ));
    APPOSITION_CACHE.set(ctx.lex, re);
  }
  return re;
}

export function isTitle(ctx: PostContext, word: string): boolean {
  return ctx.lex.test.credentials.test(word) && /^(?:Dr|Doctor|Prof|Professor|Nurse)$/.test(word);
}

