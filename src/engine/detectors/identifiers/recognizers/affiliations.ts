/**
 * Employers, schools, clubs and congregations tied to a patient ("back on the
 * swim team at Oak Valley High", "the UPS driver", "works at the Miller
 * plant"). Safe Harbor counts the patient's employer among the identifiers
 * and such names narrow a patient down to a handful of people. The author's
 * own employer, hospitals and events are not patients' details.
 */
import type { Candidate } from '../../types.js';
import type { PostContext } from '../context.js';
import { once } from '../lexicon.js';
import { phraseSource } from '../../../catalog/regex.js';
import { CAP_WORD, ORG_WORD } from '../patterns.js';
import { Score, toCandidate } from '../score.js';
import { wordKind } from '../words.js';
import { matches, overlapChecker } from '../scan.js';
import { tuned } from '../../../catalog/tune.js';

// Acronyms of care, not of employers: "the ICU nurse", "the OR tech".
const CARE_ACRONYM = /^(?:ICU|NICU|PICU|CCU|ER|ED|OR|PACU|PT|OT|MRI|CT|EMS|EMT|IR|GI|ENT|ORIF|SCI|VA|ASC|HR|IT)$/;
const OWN = /\b(?:I|we)(?:'m|'re| am| are)?\s+(?:(?:proud to\s+)?(?:work|worked|working|practice|joined|joining|teach|taught|trained|volunteer|volunteered|speak|spoke|speaking|present|presenting)\s+)(?:at|for|with)\s+(?:the\s+)?$|\b(?:our|my)\s+(?:\w+\s+)?(?:team|colleagues|friends|partners)\s+(?:at|from)\s+(?:the\s+)?$|\b(?:join us|visit us|see us)\s+(?:at|for)\s+(?:the\s+)?$/i;

// Where a patient lives or is looked after long-term: a residence, even when its name also says "Rehab".
const RESIDENCE = /\b(?:Nursing|Assisted Living|Senior Living|Memory Care|Retirement|Care Center|Care Home|Rest Home|Skilled|Independent Living|Group Home|Hospice House|Senior)\b/;

interface Found {
  start: number;
  end: number;
  score: Score;
  replacement: string;
}

export function recognizeAffiliations(ctx: PostContext): Candidate[] {
  const lex = ctx.lex;
  const text = ctx.text;
  const found: Found[] = [];
  const taken = overlapChecker(ctx.text.length, found);

  const named = once(lex, 'affiliations.named', () => tuned(new RegExp(
    `(?<![\\p{L}])(?:the\\s+)?(?:(?:${CAP_WORD}|\\p{Lu}{2,5}|St\\.)\\s+){1,3}${lex.source['affiliation-words']}(?![\\p{L}])`,
    'gu',
  )));
  for (const m of matches(named, text)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const phrase = m[0].replace(/^the\s+/, '');
    const words = phrase.split(/\s+/);
    // "Maple Grove Nursing & Rehab" is where a patient lives, not only a care organisation.
    const kindAtEnd = once(lex, 'affiliations.kindAtEnd', () => new RegExp(`(?:^|\\s)(${lex.source['affiliation-words']})$`, 'u'));
    const kindWords = (kindAtEnd.exec(phrase)?.[1] ?? '').split(/\s+/).length;
    const nameWords = words.slice(0, words.length - kindWords);
    // "Sunrise Senior Living", "Maple Grove Middle School": ordinary words before a kind of two words are a name;
    // before a one-word kind ("the Back Pain Club") they may only describe it.
    const plain = kindWords > 1 ? nameWords.every((w) => ['month', 'weekday'].includes(wordKind(w))) : words.every((w) => wordKind(w) === 'common');
    if ((lex.test['care-organizations'].test(phrase) && !RESIDENCE.test(phrase)) || plain || nameWords.length === 0) continue;
    if (words.some((w) => ['month', 'weekday'].includes(wordKind(w))) || /^\s+East\b/.test(ctx.after(end, 6))) continue;
    if (!ctx.tie(start)) continue;
    const kind = lex.test['affiliation-words'].exec(phrase)?.[0] ?? '';
    found.push({ start, end, score: new Score(0.35, 'employer, school or club'), replacement: genericOf(kind) });
  }
  // "the Bristow shipyard", "the Dunmore paper mill": a named place of work, its kind in lower case.
  const namedLower = once(lex, 'affiliations.namedLower', () => tuned(new RegExp(
    // Case-sensitive, with the kinds in lower case: a case-free pattern would try every word as a name.
    `(?<![\\p{L}])(?:[Tt]he\\s+)?((?:${ORG_WORD}\\s+){1,2})((?:${lex.terms['affiliation-words']
      .map((t) => phraseSource(t.toLowerCase()))
      .sort((a, b) => b.length - a.length)
      .join('|')}))(?![\\p{L}])`,
    'gu',
  )));
  for (const m of matches(namedLower, text)) {
    const names = (m[1] ?? '').trim();
    const kind = m[2] ?? '';
    if (!/^\p{Ll}/u.test(kind) || !names.split(/\s+/).every((w) => /^\p{Lu}/u.test(w))) continue;
    const start = m.index;
    const end = start + m[0].length;
    const words = names.split(/\s+/);
    if (taken(start, end) || lex.test['care-organizations'].test(names)) continue;
    if (words.every((w) => ['common', 'month', 'weekday', 'region'].includes(wordKind(w)))) continue;
    if (!ctx.tie(start)) continue;
    found.push({ start, end, score: new Score(0.35, 'named place of work or school'), replacement: `a local ${kind.toLowerCase()}` });
  }
  // "the weatherman on Channel 4": a broadcaster is an employer everyone in the area knows.
  for (const m of matches(/\b(?:Channel|Ch\.)\s?\d{1,2}(?![\p{N}])/gu, text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (taken(start, end) || !ctx.tie(start)) continue;
    found.push({ start, end, score: new Score(0.35, 'employer named (broadcaster)'), replacement: 'a local station' });
  }
  const employedAt = once(lex, 'affiliations.employedAt', () => tuned(new RegExp(
    `(?<![\\p{L}])(?:works?|worked|working|employed|job|retired|teaches|taught|coaches|coached|plays|played|volunteers|crew|coworkers|co-workers|boss|shift|team|friends|buddies)\\s+(?:at|for|from|with|by)\\s+(?:the\\s+)?(${ORG_WORD}(?:\\s+${ORG_WORD}){0,3})`,
    'gu',
  )));
  for (const m of matches(employedAt, text)) {
    const org = m[1] ?? '';
    const start = (m.index ?? 0) + m[0].length - org.length;
    const end = start + org.length;
    if (taken(start, end) || lex.test['care-organizations'].test(org) || OWN.test(ctx.before(start, 40))) continue;
    if (!ctx.tie(start)) continue;
    found.push({ start, end, score: new Score(0.45, 'employer named'), replacement: 'a local employer' });
  }
  const orgBeforeJob = once(lex, 'affiliations.orgBeforeJob', () => tuned(new RegExp(
    `(?<![\\p{L}])(?:the|a|an|our|my)\\s+(${ORG_WORD})\\s+(?=${lex.source.occupations}(?![\\p{L}]))`,
    'gu',
  )));
  for (const m of matches(orgBeforeJob, text)) {
    const org = m[1] ?? '';
    const start = (m.index ?? 0) + m[0].length - org.length - 1;
    const end = start + org.length;
    // Acronyms and camel-cased brands ("UPS", "FedEx") name companies even when a dictionary knows the word.
    const acronym = /^\p{Lu}{2,6}$/u.test(org) || /\p{Ll}\p{Lu}/u.test(org) || wordKind(org) === 'organization';
    if (taken(start, end) || CARE_ACRONYM.test(org) || (!acronym && wordKind(org) === 'common')) continue;
    if (/^(?:my|our)\s/i.test(m[0]) || !ctx.tie(start)) continue;
    found.push({ start, end, score: new Score(0.4, 'employer named with the occupation'), replacement: '' });
  }

  // "the head groundskeeper at Kingsmead", "a kitchen porter at Nando's", "the caretaker for St Brigid's":
  // an occupation with its employer names a handful of people at most.
  const jobAtOrg = once(lex, 'affiliations.jobAtOrg', () => tuned(new RegExp(
    `(?<![\\p{L}])(?:[Tt]he|[Aa]n?|[Oo]ur|[Tt]heir|[Hh]is|[Hh]er)\\s+(?:(?:head|chief|lead|senior|junior|assistant|deputy|only|new|former|retired|longtime|long-serving|veteran|star|night|weekend|[\\p{L}\\p{N}][\\p{L}\\p{N}-]{0,20})\\s+){0,3}?(?:${lex.source.occupations}|\\p{Ll}{3,}(?:keeper|taker|smith|wright|monger|maker|hand|porter|master|mistress))\\s+(?:at|for|with)\\s+((?:the\\s+)?(?:${ORG_WORD}|St\\.?)(?:\\s+${ORG_WORD}){0,3})`,
    'gu',
  )));
  for (const m of matches(jobAtOrg, text)) {
    const org = m[1] ?? '';
    const start = m.index + m[0].length - org.length;
    const end = start + org.length;
    const words = org.replace(/^the\s+/, '').split(/\s+/);
    if (taken(start, end) || lex.test['care-organizations'].test(org) || OWN.test(ctx.before(m.index, 40))) continue;
    if (words.every((w) => ['common', 'month', 'weekday', 'region'].includes(wordKind(w))) || lex.test.regions.exec(org)?.[0] === org) continue;
    if (!ctx.tie(start)) continue;
    const lead = /\s+(?:at|for|with)\s+$/.exec(text.slice(m.index, start));
    found.push({ start: start - (lead?.[0].length ?? 0), end, score: new Score(0.4, 'occupation with its employer'), replacement: '' });
  }
  // "Big Tony from the fish market", "Sandra at the corner bakery": a named person placed by their workplace.
  const nameAtWork = once(lex, 'affiliations.nameAtWork', () => tuned(new RegExp(
    `(?<=(?:${CAP_WORD})\\s+(?:from|at|down at|of)\\s+)the\\s+(?:[\\p{Ll}-]+\\s+){0,2}?(?:market|docks?|yard|boatyard|mill|plant|factory|garage|chipp(?:y|er)|pub|bakery|butcher'?s|depot|warehouse|quarry|mine|farm|petrol station|gas station|servo|bodega|deli|diner|café|cafe|hardware store|corner shop|shop|store|salon|barbers?|barbershop|marina|harbou?r|abattoir|brewery|distillery|dairy|laundromat|takeaway|chemist|post office|fire station|nick|mart|co-?op)(?![\\p{L}])`,
    'gu',
  )));
  if (/\b(?:from|at|of)\s+the\s/.test(text)) {
    for (const m of matches(nameAtWork, text)) {
      const start = m.index;
      const end = start + m[0].length;
      const name = /(\p{Lu}[\p{L}'’-]*)\s+(?:from|at|down at|of)\s+$/u.exec(ctx.before(start, 40))?.[1] ?? '';
      if (taken(start, end) || !/^\p{Lu}\p{Ll}/u.test(name) || wordKind(name) === 'common' || ['month', 'weekday', 'place', 'region'].includes(wordKind(name))) continue;
      // A weak cue is enough: the person is named, and the workplace is theirs.
      const tie = ctx.tie(start, { weak: true });
      if (!tie) continue;
      found.push({ start, end, score: new Score(0.35, "a named person's workplace"), replacement: 'work' });
    }
  }
  const out: Candidate[] = [];
  for (const f of found) {
    if (OWN.test(ctx.before(f.start, 40))) continue;
    const tie = ctx.applyTie(f.score, f.start, { weak: f.score.has("a named person's workplace") });
    if (!tie) continue;
    ctx.applyNotPatient(f.score, f.start, f.end, 0.15);
    const c = toCandidate({
      start: f.start,
      end: f.end,
      score: f.score,
      sensitive: 'identifier',
      replacement: f.replacement,
      message: "The patient's employer, school or club; with other details it identifies them.",
    });
    if (c) out.push(c);
  }
  return out;
}

/** "the Oak Valley Symphony" → "a local symphony"; "Greer High" → "a local high school". */
function genericOf(kind: string): string {
  if (RESIDENCE.test(kind) && !/Home$/.test(kind)) return 'a local senior community';
  if (/^High$/.test(kind)) return 'a local high school';
  if (/^(?:Co\.?|Company|Inc\.?|LLC|Industries|Manufacturing)$/.test(kind)) return 'a local company';
  if (/^(?:Roofing|Plumbing|Construction|Contracting|Electric|Electrical|Landscaping|Trucking|Logistics|Motors|Lumber|Hardware|Transport|Freight|Steel|Foods|Realty|Auto|Auto Body|Tire)$/.test(kind)) {
    return 'a local business';
  }
  if (/^(?:Elementary|Prep|Middle|Primary School|Grammar|Collegiate|Comprehensive)$/.test(kind)) return 'a local school';
  if (/^\p{Lu}{2,}$/u.test(kind)) return `a local ${kind}`;
  return `a local ${kind.toLowerCase().replace(/\.$/, '')}`;
}
