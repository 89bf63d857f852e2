/**
 * (C) Ages over 89, which Safe Harbor lumps into "90 or older" because so few
 * people reach them: "97-year-old", "97 y/o", "97F", "turned 97", "aged 97",
 * "ninety-four years young", "her 100th birthday", and a birth year that
 * implies one ("born in 1931"). Ages in aggregate ("patients over 90",
 * "90-year-olds") are not one person's age. Younger ages are details that
 * combine with others (combination.ts).
 */
import type { Candidate } from '../../types.js';
import type { PostContext } from '../context.js';
import { ageAdjective, ageRange, numberValue } from '../generalise.js';
import { Score, toCandidate } from '../score.js';
import { matches, overlapChecker } from '../scan.js';
import { tuned } from '../../../catalog/tune.js';

const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const WORDS = `(?:ninety(?:[-\\s](?:${UNITS.join('|')}))?|(?:one|a) hundred(?:(?:\\s+and)?[-\\s](?:${[...UNITS, 'ten', 'eleven', 'twelve'].join('|')}))?)`;
const AGE = `(?:9\\d|1[01]\\d|${WORDS})`;
// Forms that make a number an individual's age.
const PREFILTER = /\d{2,3}|ninet|hundred/i;
const SHAPES: readonly { re: RegExp; adjective: boolean; why: string; pre?: RegExp }[] = [
  {
    re: tuned(new RegExp(`(?<![\\p{L}\\p{N}.,$])(${AGE})(?:-|\\s)?(?:years?|yrs?)(?:-|\\s)old(?!s)(?![\\p{L}])`, 'giu')),
    adjective: true,
    why: 'age in years',
  },
  {
    re: tuned(new RegExp(`(?<![\\p{L}\\p{N}.,$])(${AGE})\\s?(?:yo|y\\/o|y\\.o\\.?|yr\\.?)(?![\\p{L}])`, 'giu')),
    adjective: true,
    why: 'age in years',
  },
  { re: /(?<![\p{L}\p{N}.,$])(9\d|1[01]\d)\s?([MF])(?![\p{L}\p{N}])/gu, adjective: true, why: 'age and sex of a case' },
  {
    re: tuned(new RegExp(`(?<![\\p{L}\\p{N}])(${AGE})\\s+years\\s+(?:young|old)(?![\\p{L}])`, 'giu')),
    adjective: false,
    why: 'age in years',
  },
  {
    re: tuned(new RegExp(`(?<=\\b(?:turned|turns|turning|aged|age|at age|age of|just turned)\\s*:?\\s*)(${AGE})(?![\\p{L}\\p{N}+])`, 'giu')),
    adjective: false,
    why: 'age stated',
    pre: /\b(?:turn|age)/i,
  },
  {
    // "she's 96 and sharp as a tack", "who is 101".
    re: tuned(new RegExp(
      `(?<=(?:\\b(?:she|he|who|patient|pt)|\\p{Lu}\\p{Ll}+)(?:'s|’s|\\s+is|\\s+was|\\s+just turned)\\s+)(${AGE})(?![\\p{L}\\p{N}+%.,]|\\s*(?:%|percent|pounds|lbs|kg|mg|days|weeks|months|years? ago|minutes|hours|steps|miles|feet|inches|degrees))`,
      'giu',
    )),
    adjective: false,
    why: 'age stated',
    pre: /\b(?:is|was|'s|’s|turned)\s+(?:9\d|1[01]\d|ninet|one hundred|a hundred)/i,
  },
  {
    re: /(?<![\p{L}\p{N}])(9\d|1[01]\d)(?:th|st|nd|rd)\s+birthday(?![\p{L}])/giu,
    adjective: false,
    why: 'birthday over 89',
  },
  {
    re: /(?<![\p{L}])(ninet(?:ieth|y-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))|hundredth)\s+birthday(?![\p{L}])/giu,
    adjective: false,
    why: 'birthday over 89',
  },
];
// "Mr. Abernathy came by, 91 and still sharp", "Mrs. Lind, 96, walked out": a bare age set off by a comma
// after a person. Lists of numbers ("scores of 88, 91, 95") and measures ("91%", "91 kg") are not ages.
const BARE_APPOSITION =
  /(?<=[\p{L}.)]\s{0,2},\s{0,3})(9\d|1[01]\d)(?=\s*(?:,|!|;|—|–|\.(?!\d)|$)|\s+(?:and|but|yet|still|now|going|yrs?|years|sharp|strong|young)\b)(?!\s*(?:,|and|or|to|-|–)\s*\d)/gu;
const AT_AGE_PRE = /\b(?:at|aged?)\s+(?:9\d|1[01]\d)\b/i;
const AT_AGE =
  /\b(?:[Aa]t|[Aa]ged?)\s+(9\d|1[01]\d)(?=\s*(?:[,!;:)—–]|\.(?!\d)|$|\p{Extended_Pictographic})|\s+(?:and|but|yet|still|years?|yrs?|she|he|they|no|zero|with|&)\b)(?!\s*(?:,|and|or|to|-|–)\s*\d)/gmu;
const ANGLE_BEFORE = /\b(?:knees?|hips?|elbows?|shoulders?|arms?|legs?|flexion|flexed|bent|angle|degrees?|tilt|abduction|extension|rotation|speed|mph|km|percent|score|rate|heart rate|pulse|sats?|BP|temp)\s+(?:(?:bent|held|kept|set|flexed|locked|up|out|still)\s+)?$/i;
// Read forwards from "born" (a lookbehind is tried at every position of the text).
const CARE_SETTING = /\b(?:clinic|office|hospital|ward|rounds|visit|appointment|surgery|post-?op)\b/i;
const BIRTH_YEAR = tuned(/\bborn\s+(?:in\s+)?(?:(?:the\s+)?[\p{L}\d' ,]{0,25}?\s)?(1[89]\d\d)(?![\p{N}])/giu);
// "patients over 90", "90-year-olds", "ages 90+": not one person. "90-plus" is also how our rewrite says any age over 89.
const AGGREGATE_AFTER = /^(?:s\b|\+|[-\s]?plus\b|\s*(?:and|or)\s+(?:older|over|up)\b|\s*-\s*\d)/i;
const AGGREGATE_BEFORE = /\b(?:over|above|older than|aged over|ages|patients|people|pts|adults|those|anyone|everyone)\s*$/i;

export function recognizeAges(ctx: PostContext): Candidate[] {
  const text = ctx.text;
  if (!PREFILTER.test(text)) return [];
  const found: { start: number; end: number; score: Score; replacement: string }[] = [];
  const taken = overlapChecker(ctx.text.length, found);
  const careInPost = ctx.lex.test['care-terms'].test(text);
  for (const shape of SHAPES) {
    if (shape.pre && !shape.pre.test(text)) continue;
    shape.re.lastIndex = 0;
    for (const m of matches(shape.re, text)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      const age = numberValue((m[1] ?? '').replace(/^(?:ninetieth|ninety-\w+(?:th|st|nd|rd)|hundredth)$/i, (w) => ordinalAge(w)));
      if (!(age > 89 && age < 120) || taken(start, end)) continue;
      if (AGGREGATE_AFTER.test(text.slice(end, end + 10)) || AGGREGATE_BEFORE.test(ctx.before(start, 20))) continue;
      const score = new Score(0.4, `${shape.why}: over 89`);
      if (/birthday/i.test(m[0])) {
        found.push({ start, end, score, replacement: 'birthday' });
      } else if (shape.adjective) {
        found.push({ start, end, score, replacement: `${ageAdjective(age)}${m[2] ? ` ${m[2]}` : ''}` });
      } else {
        // Only the number changes: "turned 97" → "turned over 89".
        const ageStart = start + m[0].indexOf(m[1] ?? '');
        found.push({ start: ageStart, end: ageStart + (m[1] ?? '').length, score, replacement: ageRange(age) });
      }
    }
  }
  if (/,\s{0,3}(?:9\d|1[01]\d)\b/.test(text)) {
    for (const m of matches(BARE_APPOSITION, text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      // Only where the person before the comma is a patient: "our clinic, 95 staff strong" is not an age.
      const f = ctx.facts(start);
      const person = f.personRef || f.patientCues.length > 0 || /(?:^|\s)(?:mrs?|ms|mx|mister|miss)\.?\s+\p{Lu}/iu.test(text.slice(f.span.start, start));
      const tie = ctx.tie(start, { own: [start, end] });
      const honorific = /(?:^|\s)(?:mrs?|ms|mx|mister|miss)\.?\s+\p{Lu}/iu.test(text.slice(f.span.start, start));
      // "Mr. Osei stopped by the clinic, 94 and still driving": a named person in a post about care.
      if (!person || !((tie && tie.boost >= 0.2) || (honorific && (careInPost || ctx.sentenceHas(f, CARE_SETTING))))) continue;
      const score = new Score(0.4, 'age set off after a person: over 89');
      if (honorific) score.raise(0.2, 'given with a name');
      found.push({ start, end, score, replacement: ageRange(Number(m[1])) });
    }
  }
  // "We did her spine at 97", "at 93 she still gardens", "aged 91, he ...": an age given with "at" or "aged",
  // in a sentence about one patient. Angles, speeds and scores after "at" ("knees at 90", "at 95%") are not ages.
  if (AT_AGE_PRE.test(text)) {
    for (const m of matches(AT_AGE, text)) {
      const start = m.index + m[0].length - (m[1] ?? '').length;
      const end = start + (m[1] ?? '').length;
      if (taken(start, end) || ANGLE_BEFORE.test(ctx.before(m.index, 30))) continue;
      const f = ctx.facts(start);
      const tie = ctx.tie(start, { own: [start, end] });
      if (!f.personRef || !tie || tie.boost < 0.2) continue;
      found.push({ start, end, score: new Score(0.4, 'age given with "at": over 89'), replacement: ageRange(Number(m[1])) });
    }
  }
  const thisYear = new Date().getFullYear();
  for (const m of /\bborn\b/i.test(text) ? matches(BIRTH_YEAR, text) : []) {
    const start = m.index + m[0].length - (m[1] ?? '').length;
    const year = Number(m[1]);
    if (thisYear - year <= 89 || thisYear - year > 120 || taken(start, start + 4)) continue;
    found.push({ start, end: start + 4, score: new Score(0.4, 'birth year implies an age over 89'), replacement: 'more than 89 years ago' });
  }
  const out: Candidate[] = [];
  for (const f of found) {
    if (careInPost) f.score.raise(0.15, 'care described in the post');
    ctx.applyTie(f.score, f.start, { own: [f.start, f.end] });
    ctx.applyNotPatient(f.score, f.start, f.end, 0.15);
    const c = toCandidate({
      start: f.start,
      end: f.end,
      score: f.score,
      sensitive: 'identifier',
      replacement: f.replacement,
      message: 'An age over 89 identifies a patient; say "over 89" instead.',
    });
    if (c) out.push(c);
  }
  return out;
}

function ordinalAge(word: string): string {
  const w = word.toLowerCase();
  if (w === 'hundredth') return 'one hundred';
  if (w === 'ninetieth') return 'ninety';
  const unit = w.replace(/^ninety-/, '');
  const map: Record<string, string> = {
    first: 'one', second: 'two', third: 'three', fourth: 'four', fifth: 'five', sixth: 'six', seventh: 'seven', eighth: 'eight', ninth: 'nine',
  };
  return `ninety-${map[unit] ?? 'one'}`;
}
