/**
 * (C) Every element of a date but the year, when the date belongs to a
 * patient: birth, surgery, admission, discharge, visit, death. Written as
 * "03/14", "3/9/88", "March 2", "the 4th of July", "Christmas Eve", a
 * weekday ("my pt from Tuesday") or an anniversary ("one year ago today").
 * A date alone is no identifier: talks, Match Day and holiday hours are
 * dated too, so a date needs a patient cue or a care event beside it, or a
 * birth label ("DOB", "born on").
 */
import type { Candidate } from '../../types.js';
import type { PostContext } from '../context.js';
import { drop, dropLabelled } from '../generalise.js';
import { anyCase } from '../patterns.js';
import { Score, toCandidate } from '../score.js';
import { matches, overlapChecker } from '../scan.js';
import { tuned } from '../../../catalog/tune.js';

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const YEAR = "(?:19\\d{2}|20\\d{2}|'\\d{2})";
const ORDINAL_WORDS = [
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth',
  'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth',
  'twenty-first', 'twenty-second', 'twenty-third', 'twenty-fourth', 'twenty-fifth', 'twenty-sixth', 'twenty-seventh',
  'twenty-eighth', 'twenty-ninth', 'thirtieth', 'thirty-first',
];
const ORDINAL = `(?:${anyCase(ORDINAL_WORDS)}|\\d{1,2}(?:st|nd|rd|th))`;

interface Shape {
  re: RegExp;
  base: number;
  why: string;
}

const SHAPES: readonly Shape[] = [
  { re: tuned(new RegExp(`(?<![\\p{L}\\p{N}])${MONTH}\\s+${DAY}(?:,?\\s+${YEAR})?(?![\\p{L}\\p{N}])`, 'gu')), base: 0.3, why: 'month and day' },
  { re: tuned(new RegExp(`(?<![\\p{L}\\p{N}])(?:[Tt]he\\s+)?${ORDINAL}\\s+of\\s+${MONTH}(?:,?\\s+${YEAR})?(?![\\p{L}\\p{N}])`, 'gu')), base: 0.3, why: 'day of a month' },
  { re: tuned(new RegExp(`(?<![\\p{L}\\p{N}])${DAY}\\s+${MONTH}(?:,?\\s+${YEAR})?(?![\\p{L}\\p{N}])`, 'gu')), base: 0.3, why: 'day and month' },
  {
    // "your epidural on the 14th", "since the 3rd": a day of this month. "the 14th floor", "the 3rd time" name other things.
    re: tuned(new RegExp(
      `(?<=\\b(?:[Oo]n|[Ss]ince|[Ff]rom|[Uu]ntil|till|[Bb]y|[Bb]efore|[Aa]fter)\\s+)[Tt]he\\s+(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?=\\s*(?:[.,;:!?)—–]|$|\\s+(?:at|and|when|so|but|for|with|after|before|in|or|we|I|you|he|she|they|because|as|that|which|is|was|will|then|until|around|about|ran|went|got|started|ended|took|felt)\\b))`,
      'gmu',
    )),
    base: 0.25,
    why: 'day of the month',
  },
  { re: /(?<![\p{N}/.-])(?:0?[1-9]|1[0-2])([/.-])(?:0?[1-9]|[12]\d|3[01])\1(?:19|20)?\d{2}(?![\p{N}/.-])/gu, base: 0.4, why: 'numeric date with year' },
  { re: /(?<![\p{N}/.-])(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\p{N}-])/gu, base: 0.4, why: 'numeric date with year' },
  { re: /(?<![\p{N}/.,-])(?:0?[1-9]|1[0-2])\/(?:0?[1-9]|[12]\d|3[01])(?![\p{N}/]|[.,]\d)/gu, base: 0.25, why: 'numeric month and day' },
  // Day first (UK, Ireland, India, Australia...): "14/03", "14/03/24", "30.11.2023". Only days past 12 get here:
  // the shapes above have read "03/04" month first already.
  { re: /(?<![\p{N}/.-])(?:1[3-9]|2\d|3[01])([/.-])(?:0?[1-9]|1[0-2])\1(?:19|20)?\d{2}(?![\p{N}/.-])/gu, base: 0.4, why: 'numeric date with year' },
  { re: /(?<![\p{N}/.,-])(?:1[3-9]|2\d|3[01])\/(?:0?[1-9]|1[0-2])(?![\p{N}/]|[.,]\d)/gu, base: 0.25, why: 'numeric day and month' },
  {
    re: tuned(new RegExp(
      `(?<![\\p{L}])(?:[Tt]he\\s+)?(?:Fourth of July|4th of July|Independence Day|Christmas(?: Eve| Day)?|Xmas|New Year's(?: Eve| Day)?|Thanksgiving(?: Day)?|Halloween|Valentine's Day|Easter(?: Sunday)?|Memorial Day|Labor Day|Mother's Day|Father's Day|St\\.? Patrick's Day|Veterans Day|Juneteenth|Cinco de Mayo)(?:,?\\s+${YEAR})?(?![\\p{L}])`,
      'gu',
    )),
    base: 0.25,
    why: 'holiday (a day and month)',
  },
  {
    re: tuned(/(?<![\p{L}])(?:(?:last|this past|this|next)\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?![\p{L}])|(?<![\p{L}])(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat)\.?(?=\s+(?:\p{Lu}|\d))/gu),
    base: 0.15,
    why: 'weekday',
  },
  {
    re: /(?<![\p{L}])(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|a|\d{1,2})\s+(?:years?|months?|weeks?)\s+ago\s+today|on this day|exactly (?:one|a|\d{1,2}) (?:years?|months?) ago|(?:one|a|\d{1,2})[- ](?:year|month) (?:surgiversary|anniversary|fusionversary)|surgiversary)(?![\p{L}])/giu,
    base: 0.35,
    why: 'anniversary (gives the day and month)',
  },
  {
    // "passed last night", "surgery last week": a day relative to the post dates the event as well as a calendar date.
    re: /(?<![\p{L}])(?:yesterday|today|tonight|last night|this (?:morning|afternoon|evening|past weekend)|yesterday (?:morning|afternoon|evening)|last (?:week|weekend|evening)|over the weekend|earlier today)(?![\p{L}])/giu,
    base: 0.15,
    why: 'relative day',
  },
];

const BIRTH_LABEL = /(?:\b(?:DOB|D\.O\.B\.?|date of birth)(?:\s+(?:is|was))?|\bborn(?:\s+on)?|\bbirthday(?:\s+(?:is|was))?|\bb\.)\s*[:#-]?\s*$/i;
// "DOS 2/2", "admitted 3/14", "d/c'd 11/30": the label says whose date it is.
const EVENT_LABEL =
  /\b(?:DOS|DOI|date of (?:surgery|service|injury|admission|discharge|death|procedure)|surgery date|op date|admit(?:ted)?(?:\s+on)?|discharged?(?:\s+on)?|d\/c'?d?(?:\s+on)?|operated(?:\s+on)?|surgery(?:\s+was)?(?:\s+on)?|passed away(?:\s+on)?|died(?:\s+on)?)\s*[:#-]?\s*$/i;
const EVENT = /\b(?:born|birthday|bday|admitted|discharged|operated|fused|surgery|procedure|seen|saw|visit|appointment|injured|accident|crash|fell|died|passed away|passed|funeral|came in|presented|did (?:a|an|his|her|the)|scheduled|post-op|follow-up|date of (?:surgery|injury|admission|discharge|death|service)|DOS|DOI)\b/i;
const COLLEAGUE = /\b(?:Dr|Doctor|Prof|Professor)\.?\s+\p{Lu}|\b(?:founder|colleague|mentor|partner|chair|chief|director|retire[sd]?|retirement)\b/u;
const NOT_A_DATE_BEFORE = /\b(?:pain|score|rated|rating|VAS|NRS|strength|power|motor|reflexes|grade|ratio|odds|stars?|out of)\s*(?:is|was|of|at|:)?\s*$/i;
const NOT_A_DATE_AFTER = /^\s*(?:strength|power|motor|reflexes|pain|stars?|split|scale|rule|odds|of\b)/i;

interface Found {
  start: number;
  end: number;
  score: Score;
  birth: boolean;
  anniversary: boolean;
  weekday: boolean;
  year?: number;
}

export function recognizeDates(ctx: PostContext): Candidate[] {
  const text = ctx.text;
  const found: Found[] = [];
  const taken = overlapChecker(ctx.text.length, found);
  const care = ctx.lex.test['care-terms'];
  for (const shape of SHAPES) {
    shape.re.lastIndex = 0;
    for (const m of matches(shape.re, text)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      const before = ctx.before(start, 30);
      if (NOT_A_DATE_BEFORE.test(before) || NOT_A_DATE_AFTER.test(ctx.after(end, 15))) continue;
      // "every Wednesday at 4 pm" is a schedule, not the date of anyone's care.
      if (shape.why === 'weekday' && /\b(?:every|each)\s*$/i.test(before)) continue;
      if (/\b(?:every|each)\s+year\s+(?:on\s+)?$/i.test(before)) continue;
      // "the Fourth of July parade": a date naming a community event, not anyone's care.
      if (/^\s+(?:parade|party|picnic|weekend|sale|fireworks|dinner|service|concert|festival|game|break|vacation|holiday|hours|schedule)\b/i.test(ctx.after(end, 14))) continue;
      const birth = BIRTH_LABEL.test(before);
      const labelled = !birth && EVENT_LABEL.test(before);
      const tie = ctx.tie(start);
      if (!birth && !labelled && !tie) continue;
      const f0 = ctx.facts(start);
      // "Remembering Dr. Finch, founder of our program, who passed away on March 3": a colleague's date.
      // (A death or "caring for" says nothing of whether the person was a patient.)
      const patientSpecific = f0.patientCues.some((c) => c.weight > 0.2 && !/passed away|caring for|taking care of|took care of/.test(c.label));
      if (!patientSpecific && (f0.notPatient.length > 0 || ctx.sentenceHas(f0, COLLEAGUE) || ctx.sentenceHas(f0, ctx.lex.test['colleague-roles']))) continue;
      const score = new Score(shape.base, shape.why);
      if (birth) score.raise(0.5, 'date of birth');
      if (labelled) score.raise(0.4, 'labelled as the date of a care event');
      const clause = ctx.structure.clauseAt(start);
      const clauseText = text.slice(Math.max(ctx.facts(start).span.start, clause.start - 60), clause.end);
      const event = EVENT.test(clauseText) || care.test(clauseText);
      if (!birth && event) score.raise(0.25, 'date of a care event');
      // "today" dates a patient's surgery or death; "told me today" dates only the telling, and "her fusion last
      // month, and today she walked" dates the walk: the care must be in the relative day's own clause.
      if (shape.why === 'relative day') {
        const own = text.slice(clause.start, clause.end);
        if (!((EVENT.test(own) || care.test(own)) && f0.patientCues.some((c) => c.weight > 0.2))) continue;
      }
      if (/(?:\bon|\bfrom|\bsince|\bsince\s+last)\s*$/i.test(before)) score.raise(0.05, 'date of something that happened');
      const yearText = /(19\d{2}|20\d{2})\s*$/.exec(m[0])?.[1];
      const f: Found = {
        start,
        end,
        score,
        birth,
        anniversary: shape.why.startsWith('anniversary'),
        weekday: shape.why === 'weekday',
      };
      if (yearText) f.year = Number(yearText);
      found.push(f);
    }
  }
  const out: Candidate[] = [];
  for (const f of found) {
    ctx.applyTie(f.score, f.start);
    ctx.applyNotPatient(f.score, f.start, f.end, 0.15);
    const edit = rewrite(ctx, f);
    const c = toCandidate({
      start: edit.start,
      end: edit.end,
      score: f.score,
      sensitive: 'identifier',
      replacement: edit.replacement,
      message: f.birth
        ? "A patient's date of birth; only the year may be shared, and not even that past age 89."
        : "A date tied to a patient's care (day and month); only the year may be shared.",
    });
    if (c) out.push(c);
  }
  return out;
}

function rewrite(ctx: PostContext, f: Found): { start: number; end: number; replacement: string } {
  const text = ctx.text;
  const thisYear = new Date().getFullYear();
  if (f.birth) {
    const label = BIRTH_LABEL.exec(ctx.before(f.start, 30));
    const labelStart = f.start - (label?.[0].length ?? 0);
    const labelText = label?.[0] ?? '';
    if (/born/i.test(labelText) && f.year !== undefined) {
      const on = /\bon\s*$/i.exec(labelText);
      const start = on ? labelStart + (on.index ?? 0) : f.start;
      return { start, end: f.end, replacement: thisYear - f.year > 89 ? 'more than 89 years ago' : `in ${f.year}` };
    }
    if (/birthday\s+is\s*$/i.test(labelText)) return { start: f.start, end: f.end, replacement: 'coming up' };
    if (/born|birthday/i.test(labelText)) return { start: f.start, end: f.end, replacement: 'recently' };
    const d = dropLabelled(ctx, labelStart, f.end, f.start);
    return { start: d.start, end: d.end, replacement: '' };
  }
  if (f.anniversary) {
    const m = /^(?:(one|two|three|four|five|six|seven|eight|nine|ten|a|\d{1,2})\s+(years?|months?|weeks?)\s+ago)/i.exec(text.slice(f.start, f.end));
    if (m) return { start: f.start, end: f.end, replacement: `about ${m[1] === 'one' || m[1] === 'One' ? 'a' : (m[1] ?? 'a').toLowerCase()} ${(m[2] ?? 'year').toLowerCase()} ago` };
    const d = drop(ctx, f.start, f.end);
    return { start: d.start, end: d.end, replacement: '' };
  }
  if (f.year !== undefined) {
    const lead = /\b(?:on|from|since)\s+$/i.exec(ctx.before(f.start, 8));
    return { start: f.start - (lead?.[0].length ?? 0), end: f.end, replacement: `${lead ? 'in ' : ''}${f.year}` };
  }
  if (/^(?:last|this past|this|next|yesterday|today|tonight|over the|earlier)\b/i.test(text.slice(f.start, f.end))) return { start: f.start, end: f.end, replacement: 'recently' };
  // "my Tuesday 7am slot": a weekday used as a modifier just goes.
  if (f.weekday && /^\s+(?:\d|\p{Ll})/u.test(text.slice(f.end, f.end + 3)) && !/^\s+(?:and|or|to|at|for|after|before|when|with|in|on)\b/.test(text.slice(f.end, f.end + 8))) {
    return { start: f.start, end: f.end, replacement: '' };
  }
  const lead = /(?:^|\s)(?:on|from|since)\s+$/i.exec(ctx.before(f.start, 8));
  if (lead) {
    const start = f.start - lead[0].length + (lead[0].startsWith(' ') ? 1 : 0);
    return { start, end: f.end, replacement: '' };
  }
  // "moved to Thursday", "booked for June 3": a date ahead.
  if (/\b(?:to|until|till|by|for|next|this coming|before)\s+$/i.test(ctx.before(f.start, 14))) {
    return { start: f.start, end: f.end, replacement: 'a new date' };
  }
  return { start: f.start, end: f.end, replacement: 'recently' };
}
