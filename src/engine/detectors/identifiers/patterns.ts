/**
 * Regular expressions the recognizers share, built once per lexicon: the
 * shapes of patient cues that a word list cannot hold ("POD2", "her L4-5
 * fusion", "41M", "bed 14") and of a person being addressed ("Hi Ana!",
 * "Thanks, Mr. Ruiz", "@kim_runs it was a pleasure treating you").
 */
import { phraseSource } from '../../catalog/regex.js';
import type { Lexicon } from './lexicon.js';
import { isNameWord, mayBeName, wordKind } from './words.js';
import { tuned } from '../../catalog/tune.js';

/** A literal alternation matched whatever the case of its letters, inside an otherwise case-sensitive pattern. */
export function anyCase(words: readonly string[]): string {
  return `(?:${words
    .map((w) =>
      w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\p{L}/gu, (c) => {
        const lower = c.toLowerCase();
        const upper = c.toUpperCase();
        return lower === upper ? c : `[${lower}${upper}]`;
      }),
    )
    .join('|')})`;
}

// Words that may stand between "her" and the procedure: spine levels, sides, sizes, timing.
const MODIFIER =
  '(?:[LTCS]\\d{1,2}(?:-[LTCS]?\\d{1,2})?|\\d+(?:-level|-week|-month|-year)?|one|two|three|four|first|second|third|last|latest|recent|new|old|big|bad|awful|small|own|lumbar|cervical|thoracic|sacral|spinal|spine|neck|back|disc|anterior|posterior|lateral|far-lateral|left|right|bilateral|revision|MIS|open|robotic|minimally|invasive|multi-level|multilevel|single-level|two-level|three-level|post-op|postop|pre-op|follow-up|compression|burst|scoliosis|emergency|urgent|elective|outpatient|same-day|steroid|nerve|facet|SI|joint|knee|hip|shoulder|full|whole|lower|upper|low|mid|stress|pars|complex|chronic|acute|nagging|progressive|long|short|week|month|year|transforaminal|interlaminar|caudal|endoscopic|awake|anterior|lateral|extreme|upcoming|scheduled)';

/** The label of the cue "Here's Omar after his ablation": names.ts takes the name it covers for a person. */
export const SHOWN_CUE = 'patient cue: a named person shown around their care';

/** The label of a testimonial's signature ('"..." — Maureen'): names.ts takes the name it covers for a person. */
export const SIGNED_CUE = 'patient cue: a testimonial signed by the patient';

export const HONORIFIC = anyCase(['mrs', 'mr', 'ms', 'miss', 'mx', 'mister']);

// A capitalised name word: "O'Neil", "Adebayo-Finch", "McAllister", "Nguyễn".
// At most two hyphenated parts: an unbounded repeat of a repeat is what backtracks for ever.
export const CAP_WORD = "\\p{Lu}[\\p{Ll}'’]{0,40}(?:-\\p{Lu}?[\\p{Ll}'’]{1,40}){0,2}";

// A company or organisation word, which may be camel-cased or carry symbols: "FedEx", "AT&T", "McDonald's".
// Bounded: a run of capitals and letters with no space (pasted junk, 40,000 characters) must not be
// re-read from every capital in it.
export const ORG_WORD = "\\p{Lu}[\\p{L}\\p{N}&'’]{0,40}";

const GREETINGS = [
  'hi',
  'hiya',
  'hey',
  'heya',
  'hello',
  'howdy',
  'dear',
  'thanks',
  'thank you',
  'thx',
  'ty',
  'congrats',
  'congratulations',
  'happy birthday',
  'happy bday',
  'welcome back',
  'good morning',
  'good afternoon',
  'good evening',
  'way to go',
  'so proud of you',
  'proud of you',
  'great seeing you',
  'great to see you',
  'so good to see you',
  'nice seeing you',
  'miss you',
  'love you',
  'get well soon',
  'hang in there',
  'keep it up',
  'cheers',
  'bravo',
  'hugs',
  'welcome home',
  'replying to',
  'reply to',
  'in reply to',
  'responding to',
];

export interface Patterns {
  /** Specific-patient cue shapes, each with its weight and a label safe to show. */
  cues: readonly {
    re: RegExp;
    weight: number;
    label: (m: RegExpMatchArray) => string;
    /** The cue needs a person spoken of in the same sentence. */
    needsPerson?: boolean;
    /** A cheap test of the whole text: without a match the cue cannot occur. */
    pre?: RegExp;
    /** A check of the match that a pattern cannot make (its words are names). */
    accept?: (m: RegExpExecArray) => boolean;
    /** Where the cue stands, when not at the match's start (a quote's signature stands after the quote). */
    at?: (m: RegExpExecArray) => number;
  }[];
  /** Without one of these words there is no second-person care. */
  secondPersonPre: RegExp;
  /** personRef, global, for scanning. */
  personRefScan: RegExp;
  /** he, she, him, her, his: one person, as a subject or possessor. */
  pronounScan: RegExp;
  /** "your fusion", "treating you": care of the person addressed. */
  secondPersonCare: RegExp;
  /** he, she, his, her, "the guy", "grandma". */
  personRef: RegExp;
  /** "Hi", "Thanks,", "Dear": a greeting and the space after it (group 1 the greeting). */
  greeting: RegExp;
  /** Sticky: the name right after a greeting ("Ana", "Mr. Ruiz", "J.T."), group 1. */
  greetedName: RegExp;
}

const cache = new WeakMap<Lexicon, Patterns>();

export function patternsFor(lex: Lexicon): Patterns {
  let p = cache.get(lex);
  if (!p) {
    p = buildPatterns(lex);
    cache.set(lex, p);
  }
  return p;
}

// Care words too general to say that someone in particular had care ("Santa's back pain", "St. Brendan's spine team").
const GENERAL_CARE = new Set(['pain', 'back', 'neck', 'spine', 'back pain', 'neck pain', 'case', 'chart', 'visit', 'appointment', 'insurance', 'treatment', 'symptoms', 'recovery', 'rehab', 'meds', 'labs', 'imaging', 'scan', 'scans', 'consult']);

function buildPatterns(lex: Lexicon): Patterns {
  const care = lex.source['care-terms'];
  const specificCare = `(?:${lex.terms['care-terms']
    .filter((t) => !GENERAL_CARE.has(t.toLowerCase()))
    .map(phraseSource)
    .sort((a, b) => b.length - a.length)
    .join('|')})`;
  const careEnd = '(?![\\p{L}\\p{N}-])';
  const mods = `(?:${MODIFIER}\\s+){0,3}`;
  const word = (s: string) => `\\b${s}(?![\\p{L}\\p{N}_])`;
  const name = `(?:${HONORIFIC}(?:\\.\\s*|\\s+)(?:${CAP_WORD}|\\p{Ll}{3,})|\\p{Lu}\\.\\s?\\p{Lu}\\.(?:\\s?\\p{Lu}\\.)?|${CAP_WORD}(?:\\s+${CAP_WORD})?|@[A-Za-z0-9_.]{2,30})`;
  const cues: Patterns['cues'] = [
    {
      re: tuned(new RegExp(`${word('(?:POD|pod|Pod)\\s?#?\\s?\\d{1,2}')}`, 'gu')),
      weight: 0.4,
      label: () => 'patient cue: post-op day',
      pre: /pod/i,
    },
    {
      re: tuned(new RegExp(word('(?:post-?op|postoperative|hospital)\\s+day\\s+\\d{1,2}'), 'giu')),
      weight: 0.4,
      label: () => 'patient cue: post-op day',
    },
    {
      // "pt" in lower case is a patient; "PT" is physical therapy; "5 pt scale" is a point.
      re: /(?<![\p{L}\p{N}_]|\d\s)(?:pt|Pt)(?!s\b)(?![\p{L}\p{N}_])(?!-\p{L})/gu,
      weight: 0.35,
      label: () => 'patient cue: pt',
      pre: /pt/i,
    },
    {
      re: tuned(new RegExp(
        `(?:${word('(?:pt|patient|guy|lady|gentleman|man|woman|kid)')}\\s+in\\s+(?:(?:bed|room|rm)\\s?)?(?!(?:19|20)\\d\\d\\b)\\d{1,4}[A-Z]?|${HONORIFIC}\\.?\\s+(?:\\p{Lu}[\\p{L}'-]*|\\p{Ll}+)\\s+in\\s+(?:\\d{1,4}[A-Z]?|[A-Z]\\d{1,3}|(?:room|rm)\\s?\\d{1,4}))(?![\\p{L}\\p{N}])`,
        'gu',
      )),
      weight: 0.35,
      label: () => 'patient cue: person in a room',
      pre: /\sin\s+(?:\d|[A-Z]\d|r(?:oo)?m)/i,
    },
    {
      // "my ortho patient", "our youngest patient", "my 90-year-old patient".
      re: tuned(new RegExp(`${word('(?:my|our|this|that|My|Our|This|That)')}\\s+(?:[\\p{L}\\p{N}-]+\\s+){1,2}(?:patient|pt)(?![\\p{L}\\p{N}_-])`, 'gu')),
      weight: 0.35,
      label: () => 'patient cue: my ... patient',
      pre: /patient|\bpt\b/i,
    },
    {
      // "Ms. Lopez's MRI", "Tony's fusion": someone's own care, named.
      re: tuned(new RegExp(`(?<!(?:Dr|Doctor|Prof|St)\\.?\\s)\\b\\p{Lu}\\p{Ll}+['’]s\\s+${mods}${specificCare}${careEnd}(?!\\s+(?:team|center|centre|clinic|program|department|unit|service|technique|approach|protocol|course|lecture|talk))`, 'gu')),
      weight: 0.3,
      label: () => "patient cue: someone's own care",
      pre: /['’]s\s/,
    },
    {
      // A case in shorthand: "T12 burst", "L1 fx", "C5-6 HNP".
      re: /(?<![\p{L}\p{N}])[CTLS]\d{1,2}(?:-[CTLS]?\d{1,2})?\s+(?:burst|compression|chance|fx|fracture|HNP|herniation)(?![\p{L}])/gu,
      weight: 0.3,
      label: () => 'patient cue: a case in shorthand',
      pre: /\d/,
    },
    {
      re: tuned(new RegExp(word('(?:bed|bay|stretcher|cubicle)\\s?#?\\s?\\d{1,3}[A-Za-z]?'), 'giu')),
      weight: 0.35,
      label: () => 'patient cue: bed or bay number',
      pre: /bed|bay|stretcher|cubicle/i,
    },
    {
      // Case presentations: "41M", "67 yo F", "a 34-year-old woman".
      re: /(?<![\p{L}\p{N}_$])(?:\d{1,3}\s?(?:yo|y\/o|y\.o\.|-?year-old|yr old)(?!s)(?:\s?(?:[MF]|male|female|man|woman|guy|gentleman|lady|boy|girl))?|(?:1\d|[2-9]\d|1[01]\d)\s?[MF](?!\s*(?:views|followers|users|people|dollars|downloads|likes|subscribers|patients|pts|cases|\+)))(?![\p{L}\p{N}_])/gu,
      weight: 0.35,
      label: () => 'patient cue: age and sex of a case',
      pre: /\d/,
    },
    {
      re: tuned(new RegExp(`${word('(?:his|her|His|Her|HIS|HER)')}\\s+${mods}${care}${careEnd}`, 'giu')),
      pre: /\b(?:his|her)\b/i,
      weight: 0.35,
      label: (m) => `patient cue: ${m[0].toLowerCase().replace(/\s+/g, ' ')}`,
    },
    {
      re: tuned(new RegExp(
        `${word('(?:he|she)')}(?:'s|\\s+(?:had|has|got|underwent|needed|needs|is|was|just had|recently had))\\s+(?:(?:a|an|the|his|her|some|another)\\s+)?${mods}${care}${careEnd}`,
        'giu',
      )),
      pre: /\b(?:he|she)\b/i,
      weight: 0.3,
      label: (m) => `patient cue: ${m[0].toLowerCase().replace(/\s+/g, ' ')}`,
    },
    {
      re: tuned(new RegExp(
        `${word(care)}\\s+(?:patient|pt|warrior|fighter|survivor|champ|champion|hero|rockstar|superstar|queen|king)(?![\\p{L}-])`,
        'giu',
      )),
      weight: 0.35,
      label: (m) => `patient cue: ${m[0].toLowerCase().replace(/\s+/g, ' ')}`,
      pre: /patient|\bpt\b|warrior|fighter|survivor|champ|hero|rockstar|superstar|queen|king/i,
    },
    {
      // "Ana Ruiz, whose fusion we did in June", "who we operated on last spring": a relative clause ties the person to care.
      re: tuned(new RegExp(
        `${word('(?:whose|Whose)')}\\s+${mods}${specificCare}${careEnd}|${word('(?:who|whom)')}\\s+(?:I|we)\\s+(?:just\\s+|recently\\s+|finally\\s+)?(?:did|performed|fused|decompressed|operated on|fixed|injected|treated|straightened|scoped|saw|admitted|discharged|took care of|cared for)(?![\\p{L}])`,
        'gu',
      )),
      weight: 0.35,
      label: () => 'patient cue: a person tied to care by a relative clause',
      pre: /\bwho/i,
    },
    {
      // "Fused the sheriff's son last week", "Operated on a teacher today": the author's own case, subject left out.
      re: /(?:^|(?<=[.!?]\s{1,3}))(?:Fused|Operated on|Decompressed|Scoped|Injected|Admitted|Discharged|Consented|Casted|Braced)(?=\s+(?:a|an|the|this|that|my|our)(?![\p{L}])|\s+(?:on\s+)?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?!\d)|\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|\d{1,2}\/\d{1,2}(?!\d)))/gmu,
      weight: 0.3,
      label: () => 'patient cue: a case of the author',
    },
    {
      // "after your husband's surgery last week": a relative's own care, spoken of to the family.
      re: tuned(new RegExp(
        `${word('(?:your|ur|Your)')}\\s+(?:husband|wife|partner|mom|mother|dad|father|son|daughter|kid|child|grandma|grandpa|grandmother|grandfather|brother|sister|baby)(?:'s|’s)\\s+${mods}${specificCare}${careEnd}`,
        'giu',
      )),
      weight: 0.3,
      label: () => "patient cue: a relative's own care",
      pre: /\b(?:your|ur)\s+\w+(?:'s|’s)/i,
    },
    {
      // "Rosalind three weeks after surgery", "Here's Omar after his ablation": a person shown after their care.
      re: tuned(new RegExp(
        `(?:^|(?<=[.!?:]\\s{1,3})|${word("(?:Here's|Here’s|Here is|This is|Meet|meet|of|Say hi to|Look at|look at|Check out|check out|Watch|watch|See|see)")}\\s+)(\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+)?)(?:['’]s)?\\s+(?:(?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a few)\\s+(?:days?|weeks?|months?|years?)\\s+)?(?:after|post|out from|following|before)\\s+(?:(?:his|her|their|the|a|an)\\s+)?(?:[\\p{Ll}\\d-]+\\s+){0,3}?${specificCare}${careEnd}`,
        'gmu',
      )),
      weight: 0.3,
      label: () => SHOWN_CUE,
      accept: (m) => (m[1] ?? '').split(/\s+/).every((w) => mayBeName(w.replace(/['’]s$/, ''))),
      pre: /\b(?:after|post|out from|following|before)\b/i,
    },
    {
      re: tuned(new RegExp(
        `${word('(?:I|we|We)')}\\s+(?:just\\s+|finally\\s+)?(?:did|performed|fused|decompressed|operated|fixed|injected|treated|straightened|scoped|saw|admitted|discharged|consented|repaired|removed|placed|implanted|took care of)${careEnd}`,
        'gu',
      )),
      weight: 0.25,
      label: (m) => `patient cue: ${m[0].toLowerCase().replace(/\s+/g, ' ')}`,
      needsPerson: true,
      pre: /\b(?:I|we)\b/i,
    },
    {
      // "Ava came in barely able to sit", "Maureen came to us after three failed injections": a testimonial's
      // opening, one person arriving for care (plural "patients came in" is no one in particular).
      re: tuned(new RegExp(
        `(?:${word('(?:she|he|She|He|who)')}|(?<![\\p{L}])(\\p{Lu}\\p{Ll}+)(\\s*\\(\\d{1,3}\\))?(?:,?\\s+(?:from|of)\\s+\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+)?)?)\\s+(?:first\\s+)?(?:came|walked|limped|hobbled)\\s+(?:in|into\\s+(?:our|the)\\s+(?:clinic|office|practice)|to\\s+(?:us|me|see\\s+(?:us|me)|our\\s+(?:clinic|office|practice|center|centre|studio|team)))\\s+(?:after|with|for|barely|unable|limping|hobbling|bent|hunched|crying|complaining|on\\s+crutches|in\\s+(?:agony|pain|tears|a\\s+wheelchair)|not\\s+able|(?:and\\s+)?(?:could(?:n't|\\s+not|\\s+barely|\\s+hardly)|can't|cannot))(?![\\p{L}])`,
        'gu',
      )),
      weight: 0.3,
      label: () => 'patient cue: one person came in for care',
      // An age in brackets makes even an ordinary word a name ("Lily (34)").
      accept: (m) => m[1] === undefined || m[2] !== undefined || mayBeName(m[1]),
      pre: /\b(?:came|walked|limped|hobbled)\s+(?:in|to)\b/i,
    },
    {
      // "Just finished a tough revision on the mayor's wife", "did a two-level ACDF yesterday on a welder": one person's care.
      re: tuned(new RegExp(
        `${word('(?:did|do|doing|finished|performed|completed|wrapped up|scrubbed in on|assisted (?:on|with))')}\\s+(?:a|an|the|my|another)\\s+(?:[\\p{L}\\d-]+\\s+){0,3}?${care}(?:\\s+(?:yesterday|today|tonight|this morning|this afternoon|last night|last week))?(?=\\s+(?:on|for)\\s+(?:a|an|the|my|our|this|that|his|her)(?![\\p{L}]))`,
        'giu',
      )),
      weight: 0.3,
      label: () => 'patient cue: a procedure done on one person',
      pre: /\b(?:did|do|doing|finished|performed|completed|wrapped up|scrubbed in on|assisted (?:on|with))\s+(?:a|an|the|my|another)\s[^.!?\n]{0,80}?\s(?:on|for)\s+(?:a|an|the|my|our|this|that|his|her)\s/i,
    },
    {
      // "man impaled by a fence post", "a farmer pinned under his tractor", "this lad got thrown from his bike":
      // one person's injury told as a story is a case, even before any care word.
      re: /(?<!\b(?:[Ii]f|[Ww]hen|[Ww]henever|[Ii]magine|[Ss]ay|[Ee]very|[Aa]ny)\s(?:(?:an?|the|this|one|every|any)\s)?)\b(?:(?:[Aa]n?|[Tt]his|[Tt]hat|[Oo]ne|[Oo]ur|[Tt]he)\s)?(?:man|woman|guy|lad|bloke|lass|lady|gentleman|fella|chap|kid|teen|teenager|boy|girl|farmer|worker|labourer|laborer|rider|driver|biker|cyclist|climber|jockey|roofer)\s+(?:was\s+|got\s+|who\s+(?:was|got)\s+)?(?:impaled|crushed|pinned|thrown|ejected|run over|trampled|kicked|gored|struck|airlifted|helicoptered|flown in|cut out|dug out|pulled from|fell|flipped|rolled|crashed|went through)\b/gu,
      weight: 0.3,
      label: () => 'patient cue: one injured person',
      pre: /\b(?:impaled|crushed|pinned|thrown|ejected|run over|trampled|kicked|gored|struck|airlifted|helicoptered|flown in|cut out|dug out|pulled from|fell|flipped|rolled|crashed|went through)\b/i,
    },
    {
      // "Third RFA of the morning", "first case of the day": one patient of the author's list.
      re: tuned(new RegExp(
        `${word(`(?:${anyCase(['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'last', 'next', 'final'])}|\\d(?:st|nd|rd|th))`)}\\s+(?:${care}|case)\\s+of\\s+the\\s+(?:day|morning|afternoon|evening|night|shift)(?![\\p{L}])`,
        'gu',
      )),
      weight: 0.3,
      label: () => 'patient cue: one case of the day',
      pre: /\bof the (?:day|morning|afternoon|evening|night|shift)\b/i,
    },
    {
      // '"Dr. Lee gave me my life back!" — Maureen from Ellsworth': a patient's testimonial signed with a first name
      // (famous quotations are signed with full names).
      re: /["“]([^"“”\n]{3,240})["”]\s*(?:[—–]|--?)\s*(\p{Lu}\p{Ll}+)(?:\s+\p{Lu}\.)?(?=\s*(?:,|\(|$|\n|(?:from|of|in)\s+\p{Lu}))/gmu,
      weight: 0.35,
      label: () => SIGNED_CUE,
      accept: (m) => (isNameWord(m[2] ?? '') || (wordKind(m[2] ?? '') === 'unknown' && mayBeName(m[2] ?? ''))) && /\b(?:I|I'm|me|my)\b/.test(m[1] ?? '') && /\b(?:Dr|doctor|surgeon|physio|chiro|therapist|pain|back|neck|spine|surgery|life|walk|team)\b/i.test(m[1] ?? ''),
      at: (m) => m.index + m[0].length - (m[2] ?? '').length,
      pre: /["”]\s*(?:[—–]|--?)\s*\p{Lu}/u,
    },
  ];
  const secondPersonCare = tuned(new RegExp(
    [
      `${word('(?:your|ur)')}\\s+(?:(?:husband|wife|partner|mom|mother|dad|father|son|daughter|kid|child|grandma|grandpa|brother|sister)(?:'s|’s)\\s+)?${mods}${care}${careEnd}`,
      word("(?:be|being|was|as) your (?:surgeon|doctor|physician|nurse|PT|physical therapist|care team|provider|spine surgeon|neurosurgeon)"),
      word('(?:honou?r|pleasure|privilege|joy) (?:to|of) (?:treat|treating|operate on|operating on|care for|caring for|take care of|taking care of|work with|working with|meet|meeting) you'),
      word('(?:treating|treated|operating on|operated on|caring for|cared for|taking care of|took care of|helping|helped|fixing|fixed|seeing|meeting) you'),
      word("(?:glad|happy|thrilled|so glad) (?:we|I) (?:could|were able to|was able to|got to) (?:help|treat|see|fix|care for)"),
      word('(?:your|ur) (?:time|stay|visit|journey|experience) with us'),
      word('see you (?:at|for) your'),
      `\\b(?:glad|happy|thrilled|great to hear|good to hear|so good|hope)\\b[^.!?\\n]{0,25}?\\bthe\\s+${mods}${specificCare}${careEnd}`,
      word("(?:you're|you are|you) (?:recovering|healing|back on your feet|walking again|back to)"),
      // "you no-showed three appointments", "you missed your last two sessions": a reply that says the person was seen.
      word('(?:you|u) (?:no-?showed|no showed|missed|skipped|cancell?ed|rescheduled|booked|came (?:in )?for) (?:(?:your|our|my|the|three|two|four|five|several|\\d+|last|first|all)\\s+){0,3}(?:appointments?|appts?|sessions?|visits?|follow-?ups?|consults?|adjustments?|injections?)'),
    ].join('|'),
    'giu',
  ));
  const personRef = tuned(new RegExp(
    `${word('(?:he|she|him|his|her|hers|himself|herself)')}|${word(lex.source['person-nouns'])}`,
    'iu',
  ));
  const greeting = tuned(new RegExp(`(?<![\\p{L}\\p{N}_])(${GREETINGS.join('|')})\\s*,?\\s+`, 'giu'));
  const greetedName = new RegExp(
    `(${name})(?=\\s*(?:[,!.?:;)—–-]|\\p{Extended_Pictographic}|$)|\\s+(?:on|for|and|we|I|you|your|it's|so|glad|thank|thanks)\\b)`,
    'uy',
  );
  return {
    cues,
    secondPersonCare,
    secondPersonPre: /\b(?:your|ur|you|you're)\b/i,
    personRef,
    personRefScan: tuned(new RegExp(personRef.source, 'giu')),
    pronounScan: /(?<![\p{L}\p{N}_])(?:he|she|him|his|her|he's|she's)(?![\p{L}\p{N}_])/giu,
    greeting,
    greetedName,
  };
}
