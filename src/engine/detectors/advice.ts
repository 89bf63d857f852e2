/**
 * Individual medical advice in public (ASPN SMART #4; FSMB): telling one
 * person what they have or what to do about their own condition, and offering
 * to assess someone's case in comments or messages ("DM me your MRI and I'll
 * tell you if you need surgery"). General education ("most people with
 * sciatica improve", "talk with your clinician") is not advice to a person.
 *
 * Two kinds of cue:
 * - offers to assess one person's case, and instructions about "your"
 *   medicine, are individual whoever reads them;
 * - a diagnosis, a "you should get …" or an instruction with a clinical
 *   object is individual only when the post speaks to one person (a reply, an
 *   @mention, a name at the start). Whether a sentence is an instruction is
 *   sentence structure, so compromise reads the few sentences that get this far.
 */
import { z } from 'zod';
import { compilePhrases } from './phrases.js';
import type { Term } from '../catalog/schema.js';
import { CatalogError } from '../catalog/errors.js';
import type { Candidate, Detector, DetectorFactory, DetectorSetup, Post } from './types.js';
import { isNameWord, mayBeName, wordKind } from './identifiers/words.js';
import { withoutUnicodeFlag } from '../catalog/regex.js';
import { tuned } from '../catalog/tune.js';
import { hasMatch, mayMatch } from '../catalog/anchors.js';

const OptionsSchema = z
  .object({
    /** Word lists of diagnoses, tests and treatments. */
    clinical: z.array(z.string().min(1)).min(1),
    /** Word lists of medicines. */
    medications: z.array(z.string().min(1)).min(1),
    /** Word list of hedges ("may", "talk with your clinician") that make a sentence general. */
    hedges: z.string().min(1).default('hedges'),
    /** Word list of negations ("don't", "never") that cancel a cue after them in its clause. */
    negations: z.string().min(1).default('negations'),
    /** What replaces the first advising sentence; later ones are removed. */
    replacement: z.string().min(1),
  })
  .strict();

// Offers to assess one person's case: individual whoever reads them.
const OFFER =
  tuned(/\b(?:i'?ll|i will|i can(?!'t|not)|i'?d be happy to|happy to|let me|we'?ll|we will|we can(?!'t|not))\b[^.!?\n]{0,30}?\b(?:tell|let)\s+you\s+(?:know\s+)?[\w\s]{0,20}?\b(?:if|whether|what|which|how bad)\b/giu);
const REVIEW =
  tuned(/\b(?:i'?ll|i will|i can(?!'t|not)|happy to|let me|we'?ll|we will|i'?d love to)\s+(?:personally\s+|gladly\s+)?(?:review|look at|read|check|go over|take a look at|assess|evaluate|interpret)\s+(?:it|them|yours|your|the)\b|\b(?:i'?ll|i will|happy to|let me|we'?ll|i can(?!'t|not))\s+(?:\w+\s+)?(?:take|have)\s+a\s+(?:quick\s+|proper\s+|good\s+)?(?:look|peek|squiz|gander)\b/giu);
const DM_OPINION =
  tuned(/\b(?:i'?ll|i will|i can(?!'t|not)|happy to|we'?ll)\s+(?:\w+\s+){0,2}?(?:dm|message|send|email|text|reply to)\s+you\b[^.!?\n]{0,40}?\b(?:opinion|thoughts|take|advice|recommendation|plan|diagnosis)\b|\b(?:opinion|advice|recommendation|diagnosis)\s+(?:on|about|as to)\s+(?:whether|if)\s+you\b/giu);
// "DM me pics of your scar and I'll…", "text photos of your incision to my cell and we'll…": the reader's own
// body or images, sent so that the author can judge them.
const SEND_FOR_OPINION =
  tuned(/\b(?:dm|pm|inbox|message|send|text|whatsapp|email|e-mail|drop|post|comment|tell|show|share|upload|forward|attach|describe|list)\s+(?:(?:me|us)\s+)?(?:(?:a\s+)?(?:pics?|photos?|pictures?|videos?|clips?|close-?ups?)\s+of\s+)?(?:(?:your|ur)\s+)?(?:symptoms|story|history|mri|scan|scans|x-?rays?|images|imaging|films|reports?|incision|wound|scar|stitches|staples|rash|swelling|posture|gait|walk)\b[^.!?\n]{0,90}?(?:\b(?:and|n)|&)\s+(?:i|we)\b/giu);
// "Stop the physio and come see me", "ditch those pills and book in with me": the reader's current care
// stopped and taken over.
const STOP_AND_COME =
  tuned(/\b(?:stop|quit|ditch|drop|pause|forget|skip|come off|hold off on)\s+(?:\w+\s+){0,3}?(?:meds?|medications?|medicines?|pills?|tablets?|relaxants?|painkillers?|injections?|physio|physiotherapy|pt|chiro|chiropractor|exercises?|stretches|stretching|brace|treatment|therapy|sessions|rehab)\b[^.!?\n]{0,40}?\b(?:come|pop|swing|book)\s+(?:in|by|down|over|and see|see|to see|back|with me)\b/giu);
// "with your history of two discectomies I'd avoid…", "given those symptoms you need…": the reader's own case
// as the reason for what follows.
const YOUR_CASE =
  tuned(/\b(?:with|given|because of|going by)\s+(?:your|ur|those|these)\s+(?:[\w-]+\s+){0,2}?(?:symptoms|history|scans?|mri|x-?rays?|results|report|numbness|tingling|findings|pain)\b[^.!?\n]{0,40}?\b(?:you|u|i'?d|i would|avoid|stick|stop|skip|take|get|do)\b/giu);
const CASE_WORDS = tuned(/\b(?:symptoms|history)\b/iu);
const SOUNDS = tuned(/\bsounds\s+(?:a lot\s+|exactly\s+|to me\s+)?like\b/giu);
// Cues that count only when the post speaks to one person.
const SHOES =
  tuned(/\b(?:in your shoes|if i were you|if i was you|that'?s what i'?d do|what i would do|in (?:your|ur) (?:case|situation|position)|for (?:you|u) (?:specifically|personally)|(?:based on|going by|judging by|from) (?:your|ur|what you (?:describe|wrote|said|sent)|the (?:pics?|photos?|scans?|images?|mri|x-?rays?) you)\b(?:\s+(?:description|symptoms|scans?|mri|x-?rays?|films|images|pics?|photos?|results?|history|report))?)/giu);
// "your spine is out of alignment", "ur x rays r fine", "the numbness in your foot is nothing": a finding
// about the reader's own body or tests, which only counts as advice when said to one person.
const YOUR_FINDING =
  tuned(/\b(?:your|ur|yr)\s+(?:[\w-]+\s+){0,2}?(?:spine|back|lower back|neck|discs?|nerves?|pain|sciatica|scans?|mri|ct|x[\s-]?rays?|films|symptoms|joints?|hips?|pelvis|curve|posture|[lcts]\d(?:-[lcts]?\d)?|s1|vertebrae?|numbness|tingling|stenosis|herniation|bulge|results|muscles?|hamstrings?|glutes?|core|foot|feet|legs?|arms?|shoulders?|knees?|sacrum|coccyx|tailbone|si joint|facets?|bones?|cord)\s+(?:is|are|r|was|were|'s|looks?|sounds?|shows?|showed|needs?|has|have|will|won'?t|isn'?t|aren'?t|seems?|feels?)\b/giu);
// What a finding may say of the body: how it is, in lay words a clinical list lacks.
const BODY_STATE =
  tuned(/\b(?:out of (?:alignment|place|line)|misaligned|subluxat\w*|tilted|rotated|twisted|stuck|locked|jammed|pinched|bulging|compressed|inflamed|irritated|degenerat\w*|worn|crumbling|slipped|unstable|crooked|weak|tight|normal|fine|nothing|ok|okay|clear|clean|healed|healing|broken|damaged|arthritic|going back in|back in place|settle|settles|clear up|go away|resolve|pass|pressing|pinching|pushing|coming from|caused by)\b/iu);
const DOSE =
  tuned(/\b(?:take|try|pop|bump|double|halve|increase|up|cut|add|start)\s+(?:\w+\s+){0,3}?\d{1,5}\s?(?:mg|mcg|milligrams?|ml|tablets?|pills?|caps(?:ules)?)\b/giu);
const YOU_SHOULD =
  tuned(/\byou\s+(?:should|need to|need|must|have to|gotta|ought to|'d better|better|definitely need|really need|probably need)\s+(?:\w+\s+)?(?:get|have|try|take|stop|start|ask for|book|schedule|do|go for|push for|skip|avoid|consider|request)\b/giu);
const I_WOULD = tuned(/\bi'?d\s+(?:definitely\s+|honestly\s+|probably\s+|just\s+)?(?:get|try|ask for|ask about|push for|go with|book|start|stop|take|skip|avoid|consider|request|do)\b/giu);
const YOU_NEED = tuned(/\byou(?:'ll|'re going to| will)?\s+(?:definitely\s+|really\s+|probably\s+|clearly\s+|absolutely\s+)?(?:need|require)\s+(?:a|an|the|some|to\s+(?:get|have))?\b/giu);
const DIAGNOSIS =
  tuned(/(?:\b(?:that'?s|that is|this is|it'?s|it is|you have|you'?ve got|you likely have|you probably have|looks like|classic|textbook|definitely|probably)|=)\s+(?:a\s+|an\s+|your\s+)?(?:classic\s+|textbook\s+|typical\s+)?(?:[\w-]+\s+)?/giu);

const EMOJI = /\p{Extended_Pictographic}/gu;
const CONDITIONAL = tuned(/\b(?:if|when|unless|whenever|before|until|anyone|everyone|anybody|most|many|some|people who|those who)\b/iu);
// An offer about paperwork or scheduling, or one made for a visit, is not an opinion on a case.
const NOT_AN_OPINION =
  tuned(/\b(?:insurance|approv\w*|authori[sz]\w*|openings?|availability|waitlist)\b|\b(?:at|during|in)\s+(?:your|the|an?)\s+(?:appointment|visit|consult(?:ation)?|clinic|office)\b|\bin person\b/iu);

// The post speaks to one person: a reply, an @mention, "to the runner who asked".
const ADDRESSED =
  tuned(/(?:^|\n)\s*@\w|\breplying to\b|\bin reply to\b|\bto the [\w\s-]{0,30}?\b(?:who|that)\s+(?:asked|commented|messaged|wrote|posted|dm'?d|tagged)\b|\bto the (?:[\w-]+\s){0,2}(?:commenter|person|reader|follower|viewer|lady|guy|man|woman|gentleman|mom|dad|runner|student|poster)\s+(?:asking|wondering|with)\b|\byou asked\b|\bre:\s*your\b|\bthanks for (?:asking|your question)\b|\b(?:great|good) question,?\s+@?\w+|\b(?:based on|going by|judging by|judging from)\s+(?:your|ur)\s+(?:photos?|pics?|pictures?|scans?|mri|x-?rays?|description|video|message|comment|dm)\b|\bfrom what you(?:'ve)?\s+(?:describe|described|wrote|said|sent|told me)\b/iu);
const MENTION = /(?<![\w.])@\w{2,}/u;
const OPENS_WITH_MENTION = /^\s*(?:(?:hi|hey|hello|dear)\s+)?@\w{2,}/iu;
// A name at the start of a post, said to someone: "Linda, ...", "Hi Sam!".
const VOCATIVE = /^((?:[Hh]i|[Hh]ey|[Hh]ello|[Dd]ear|HI|HEY)\s+)?([A-Z][a-z]{1,})(?:\s+[A-Z]\.?)?\s*[,!:—-]/u;
// A title said to someone at the start: "Sir, your spine…", "mate that's your SI joint", "Dear Mr Okoro,".
// Titles that are also ordinary words ("love", "dear", "friend") count only before a comma or a dash.
const TITLE_VOCATIVE =
  tuned(/^(?:(?:hi|hey|hello|dear|ok|okay|look|listen|yes|no|well|so|oh|aw+)\s*,?\s+)?(?:(?:sir|ma'?am|madam|mate|bro|bruh|bruv|dude|buddy|hun|hon|babe|fam|mister|pal|bhai|bhaiya|yaar|(?:mr|mrs|ms|mx|miss)\.?\s+\p{Lu}\p{L}+)(?:\s+(?:ji|jee|saab|sahib))?(?:\s*[,!:—-]|\s+(?=(?:you|your|ur|u|yr|that'?s|it'?s|its|this is|just|please|honestly)\b))|(?:love|lovely|luv|dear|darling|honey|friend|my friend|boss|chief|champ|legend|sis|brother|didi|beta|auntie|aunty|aunt|uncle|pet|hen|duck|lad|lass)(?:\s+(?:ji|jee|saab|sahib))?\s*[,!:—-])/iu);
// "Priya, your…", "Sorry you feel that way, Gary, but…": a name set off by commas and said to the reader.
const NAME_THEN_YOU =
  tuned(/(?:^|[.!?,;:]\s+|\n)(?:(?:hi|hey|hello|dear|sorry|thanks|thank you)\s+)?(\p{Lu}\p{Ll}{1,15})\s*,\s+(?=(?:just|please|honestly|definitely|stop|take|try|get|keep|cut|double|ask|book|ice|rest|avoid|skip|start|go|come|don'?t)\b|[^.!?\n]{0,60}?\b(?:you|your|ur|u|yr)\b)/gu);
// Words that open a post with a comma but name nobody.
const NOT_A_NAME =
  /^(?:reminder|psa|fyi|btw|tbh|imo|ps|folks|friends|everyone|anyone|team|listen|look|remember|patients|parents|runners|lifters|golfers|ladies|gents|guys|fellas|physios|docs|nurses|colleagues|students|residents|fellows|surgeons|peeps|yall)$/iu;
const NAME_BETWEEN_COMMAS = tuned(/,\s+(\p{Lu}\p{Ll}{1,15})\s*(?:[,!?]|\.(?:\s|$))(?!\s*(?:and|&|or|\p{Lu}))/gu);
// What may come before the verb of an instruction: a mention, a greeting, a name, a softener.
const INSTRUCTION_LEAD =
  /^(?:@\w+\s*[,:—-]?\s*)?(?:(?:hi|hey|hello|dear)\s+\w+\s*[,!—-]?\s*)?(?:[A-Z][a-z]+\s*[,—-]\s*)?(?:please\s+|definitely\s+|honestly\s+|just\s+|seriously\s+)?/iu;
// Openings that are not a verb giving an instruction, settled without a parse; compromise may
// also read "glad" or "thanks" as a bare verb.
const NOT_INSTRUCTIONS =
  tuned(/^(?:glad|thanks|thank|hope|love|congrats|welcome|sorry|wish|miss|happy|cheers|bless|the|a|an|my|your|our|his|her|their|its|this|that|these|those|it|i|we|you|he|she|they|most|many|some|all|every|each|no|not|if|when|and|but|so|or|in|on|at|for|with|to|of|from|as|is|are|was|were|be|been|has|have|had|does|did|will|would|can|could|should|may|might|must|what|why|how|who|where|there|here|great|good|nice|wow|yes|ok|okay|lol|haha)\b|^[^\p{L}]/iu);
// A long draft addressed to someone is still answered with a bounded number of parses.
const MAX_INSTRUCTION_PARSES = 6;
// Each cue is weighed against its whole sentence, and a draft with no sentence breaks can hold
// hundreds of cues in one: a sentence gets a bounded number of tries (real ones hold a few cues).
const MAX_CUES_PER_SENTENCE = 16;

type Where = 'anyone' | 'one-person';

interface CueKind {
  re: RegExp;
  where: Where;
  severity: 'error' | 'warning';
  /** A hedge or a condition before the cue makes the sentence general. */
  hedgeable: boolean;
  /** Where a clinical word must be: after the cue in its sentence, within a few words after it, or in this or the previous sentence. */
  clinical: 'after' | 'soon' | 'near' | 'none' | 'state';
  what: string;
}

interface Cue {
  start: number;
  end: number;
  kind: CueKind;
}

function termsOf(setup: DetectorSetup, names: readonly string[]): Term[] {
  return names.flatMap((name) => {
    const list = setup.lists.get(name);
    if (!list) throw new CatalogError(`lists/${name}.yml`, setup.ruleId, 'detect.options', 'word list is missing');
    return list.terms;
  });
}

export const adviceDetector: DetectorFactory = (setup) => {
  const options = OptionsSchema.parse(setup.options);
  const clinicalSource = compilePhrases(termsOf(setup, options.clinical)).pattern.source;
  const clinical = tuned(new RegExp(clinicalSource, 'iu'));
  const medsSource = compilePhrases(termsOf(setup, options.medications)).pattern.source;
  const medicine = tuned(new RegExp(
    `\\b(?:stop|quit|double|increase|decrease|up|lower|cut back on|come off|get off|wean off|taper off|skip|hold|halve|ditch)\\s+(?:taking\\s+|using\\s+)?(?:your|that|those)\\s+(?:[\\w-]+\\s+){0,2}?${medsSource}`,
    'giu',
  ));
  // Said to one person, "double the gabapentin" or "keep taking the naproxen" is about their own medicine.
  const theMedicine = tuned(new RegExp(
    `\\b(?:stop|quit|double|triple|increase|decrease|up|lower|cut|cut back on|cut down on|come off|get off|wean off|taper off|skip|hold|halve|ditch|keep taking|carry on with|stay on|go back on|restart|switch to|try)\\s+(?:taking\\s+|using\\s+)?(?:the|ur|some|a course of)\\s+(?:[\\w-]+\\s+){0,2}?${medsSource}`,
    'giu',
  ));
  // "naproxen twice a day", "600mg ibuprofen three times a day": a medicine with a dose or schedule.
  const DOSING = '(?:\\d{1,5}\\s?(?:mg|mcg|ml)\\b|(?:once|twice|three times|four times|\\d\\s?x|\\d{1,2} times)\\s+(?:a|per|each)\\s+day\\b|(?:twice|once)\\s+daily\\b|every\\s+\\d{1,2}\\s+hours?\\b|at\\s+(?:night|bedtime)\\b|nightly\\b)';
  const medicineDosed = tuned(new RegExp(
    `(?:${medsSource})[^.!?\\n]{0,40}?${DOSING}|${DOSING}[^.!?\\n]{0,30}?(?:${medsSource})`,
    'giu',
  ));
  const diagnosisThenClinical = tuned(new RegExp(`${DIAGNOSIS.source}${clinicalSource}`, 'giu'));
  const anyMedicine = tuned(new RegExp(medsSource, 'iu'));
  const hedge = tuned(new RegExp(compilePhrases(termsOf(setup, [options.hedges])).pattern.source, 'iu'));
  const negation = tuned(new RegExp(compilePhrases(termsOf(setup, [options.negations])).pattern.source, 'iu'));
  const kinds: CueKind[] = (
    [
      { re: OFFER, where: 'anyone', severity: 'error', hedgeable: false, clinical: 'near', what: 'offers to assess one person’s case' },
      { re: REVIEW, where: 'anyone', severity: 'error', hedgeable: false, clinical: 'near', what: 'offers to review one person’s case' },
      { re: DM_OPINION, where: 'anyone', severity: 'error', hedgeable: false, clinical: 'near', what: 'offers a personal opinion on one person’s case' },
      { re: SEND_FOR_OPINION, where: 'anyone', severity: 'error', hedgeable: false, clinical: 'none', what: 'asks for one person’s details to give an opinion' },
      { re: medicine, where: 'anyone', severity: 'error', hedgeable: true, clinical: 'none', what: 'tells someone to change their medicine' },
      { re: SOUNDS, where: 'anyone', severity: 'warning', hedgeable: true, clinical: 'soon', what: 'diagnoses what someone described' },
      { re: I_WOULD, where: 'one-person', severity: 'warning', hedgeable: true, clinical: 'after', what: 'says what to do in one person’s place' },
      { re: SHOES, where: 'one-person', severity: 'warning', hedgeable: false, clinical: 'near', what: 'says what to do in one person’s place' },
      { re: YOUR_FINDING, where: 'one-person', severity: 'warning', hedgeable: true, clinical: 'state', what: 'tells one person what their own body or tests show' },
      { re: theMedicine, where: 'one-person', severity: 'warning', hedgeable: true, clinical: 'none', what: 'tells one person to change a medicine' },
      { re: STOP_AND_COME, where: 'anyone', severity: 'warning', hedgeable: true, clinical: 'none', what: 'tells someone to stop their care and come in' },
      { re: YOUR_CASE, where: 'anyone', severity: 'warning', hedgeable: true, clinical: 'after', what: 'advises on one person’s own case' },
      { re: medicineDosed, where: 'one-person', severity: 'warning', hedgeable: true, clinical: 'none', what: 'gives a dose' },
      { re: DOSE, where: 'one-person', severity: 'warning', hedgeable: true, clinical: 'none', what: 'gives a dose' },
      { re: YOU_SHOULD, where: 'one-person', severity: 'warning', hedgeable: true, clinical: 'after', what: 'tells someone what treatment to get' },
      { re: YOU_NEED, where: 'one-person', severity: 'warning', hedgeable: true, clinical: 'after', what: 'tells someone what treatment they need' },
      { re: diagnosisThenClinical, where: 'one-person', severity: 'warning', hedgeable: true, clinical: 'none', what: 'names someone’s diagnosis' },
    ] satisfies CueKind[]
  ).map((k) => ({ ...k, re: withoutUnicodeFlag(k.re) }));
  // Cheap first pass: a post with none of these words cannot hold advice.
  const prefilter = tuned(
    /\b(?:you|your|ur|u|i'?ll|i will|i can|we'?ll|we can|let me|happy to|sounds|stop|quit|double|take|that'?s|classic|textbook|with|given|send|email|whatsapp|dm|text|mg|daily|a day)\b|=/iu,
  );

  const holds = (post: Post, cue: Cue, toOne: boolean): boolean => {
    const text = post.text;
    const s = post.structure.sentenceAt(cue.start);
    const sentence = text.slice(s.start, s.end);
    const k = cue.kind;
    // Negation and quotation are weighed here, so that the first advising sentence that counts gets the suggestion.
    const clause = post.structure.clauseAt(cue.start);
    // An emoji ends a thought as a full stop does: "Don't waste money 🙅 WhatsApp me your scans" negates nothing after it.
    const before = text.slice(clause.start, cue.start);
    let lastEmoji = -1;
    for (const e of before.matchAll(EMOJI)) lastEmoji = e.index ?? lastEmoji;
    if (negation.test(lastEmoji >= 0 ? before.slice(lastEmoji) : before) || post.structure.isQuoted(cue.start, cue.end)) return false;
    if (k.where === 'one-person' && !toOne && !MENTION.test(sentence)) return false;
    if (k.hedgeable && (hedge.test(sentence) || CONDITIONAL.test(text.slice(s.start, cue.start)))) return false;
    if (k.severity === 'error' && NOT_AN_OPINION.test(sentence)) return false;
    if (k.clinical === 'after') return clinical.test(text.slice(cue.end, s.end));
    if (k.clinical === 'soon') return clinical.test(text.slice(cue.end, Math.min(s.end, cue.end + 40)));
    if (k.clinical === 'state') {
      const rest = text.slice(cue.end, s.end);
      return BODY_STATE.test(rest) || clinical.test(rest);
    }
    if (k.clinical === 'near') {
      const prev = post.structure.sentenceAt(Math.max(0, s.start - 2));
      return clinical.test(text.slice(Math.min(prev.start, s.start), s.end));
    }
    return true;
  };

  const detect: Detector = (post) => {
    const text = post.text;
    // A medicine is enough for the "stop your blood pressure pills" kind of cue.
    // "Drop your symptoms below and I'll tell you…" names no condition: the request itself is the case.
    if (!hasMatch(clinical, text) && !hasMatch(anyMedicine, text) && !hasMatch(CASE_WORDS, text)) return [];
    if (!hasMatch(prefilter, text) && !hasMatch(ADDRESSED, text) && !hasMatch(MENTION, text) && !hasMatch(VOCATIVE, text)) return [];
    const cues: Cue[] = [];
    for (const kind of kinds) {
      if (!mayMatch(kind.re, text)) continue;
      kind.re.lastIndex = 0;
      for (const m of text.matchAll(kind.re)) cues.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, kind });
    }
    const toOne = speaksToOnePerson(post, clinical);
    const found: Candidate[] = [];
    const done = new Set<number>();
    const keep = (start: number, end: number, what: string, severity: 'error' | 'warning') => {
      const sentence = post.structure.sentenceAt(start);
      if (done.has(sentence.start)) return;
      done.add(sentence.start);
      found.push({ start, end, severity, evidence: [what], contextChecked: true });
    };
    cues.sort((a, b) => a.start - b.start || (a.kind.severity === 'error' ? -1 : 1));
    const tries = new Map<number, number>();
    for (const cue of cues) {
      const s = post.structure.sentenceAt(cue.start);
      if (done.has(s.start)) continue;
      const tried = tries.get(s.start) ?? 0;
      if (tried >= MAX_CUES_PER_SENTENCE) continue;
      tries.set(s.start, tried + 1);
      if (holds(post, cue, toOne)) keep(cue.start, cue.end, cue.kind.what, cue.kind.severity);
    }
    if (toOne) {
      let parses = 0;
      for (const s of post.structure.sentences) {
        if (parses >= MAX_INSTRUCTION_PARSES) break;
        if (done.has(s.start)) continue;
        const sentence = text.slice(s.start, s.end);
        if (!clinical.test(sentence) || hedge.test(sentence)) continue;
        // An instruction may follow a lead-in: "Replying to the commenter with numb toes: get an EMG".
        const parts = partsOf(sentence, s.start).filter((p) => clinical.test(text.slice(p.start, p.end)));
        if (parts.some((p) => isInstruction(post, p.start, p.end, () => parses++))) {
          keep(s.start, s.end, 'tells one person what to do about their care', 'warning');
        }
      }
    }
    found.sort((a, b) => a.start - b.start);
    // One sentence pointing to proper care is enough; the other advising sentences go.
    found.forEach((c, i) => (c.replacement = i === 0 ? options.replacement : ''));
    return found;
  };
  return detect;
};

function speaksToOnePerson(post: Post, clinical: RegExp): boolean {
  if (ADDRESSED.test(post.text) || OPENS_WITH_MENTION.test(post.text) || TITLE_VOCATIVE.test(post.text)) return true;
  const first = post.structure.sentences[0];
  if (!first) return false;
  const m = VOCATIVE.exec(post.text.slice(first.start, first.end));
  // Only a person's name makes a vocative ("Linda, ..."), not "Sciatica:" or "Reminder!"; after a
  // greeting ("Hey Raj!") a word the dictionary does not know is a name too.
  const called = m?.[2] ?? '';
  if (wordKind(called) === 'first-name') return true;
  if (m?.[1] && isAName(called, clinical)) return true;
  // A word the dictionary does not know ("Priya", "Kev") is a name when "you" follows its comma,
  // unless it is a clinical word ("Sciatica, your body's alarm").
  for (const n of post.text.slice(0, 2000).matchAll(NAME_THEN_YOU)) {
    if (isAName(n[1] ?? '', clinical)) return true;
  }
  for (const n of post.text.slice(0, 2000).matchAll(NAME_BETWEEN_COMMAS)) {
    if (wordKind(n[1] ?? '') === 'first-name') return true;
  }
  return false;
}

function isAName(word: string, clinical: RegExp): boolean {
  if (NOT_A_NAME.test(word)) return false;
  return isNameWord(word) || (wordKind(word) === 'unknown' && mayBeName(word) && !clinical.test(word));
}

/** The stretches of a sentence between ":", ";" and dashes, as offsets into the post, trimmed. */
function partsOf(sentence: string, offset: number): { start: number; end: number }[] {
  const parts: { start: number; end: number }[] = [];
  let from = 0;
  const push = (to: number) => {
    const piece = sentence.slice(from, to);
    const lead = piece.length - piece.trimStart().length;
    const body = piece.trim();
    if (body.length > 0) parts.push({ start: offset + from + lead, end: offset + from + lead + body.length });
  };
  for (const m of sentence.matchAll(/[:;]|\s[—–-]\s/gu)) {
    push(m.index ?? 0);
    from = (m.index ?? 0) + m[0].length;
  }
  push(sentence.length);
  return parts;
}

/**
 * An imperative: after any greeting or name, the stretch opens with a verb in
 * its base form ("Ask your doc for an SI joint injection"). Mood is sentence
 * structure, so this asks compromise, through the parse the post shares.
 */
function isInstruction(post: Post, start: number, end: number, counted: () => void): boolean {
  const lead = INSTRUCTION_LEAD.exec(post.text.slice(start, end))?.[0].length ?? 0;
  const from = start + lead;
  if (from >= end || NOT_INSTRUCTIONS.test(post.text.slice(from, end))) return false;
  counted();
  return post.parse(from, end).has('^#Adverb? (#Imperative|#Infinitive)');
}
