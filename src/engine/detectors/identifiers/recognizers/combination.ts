/**
 * C2: details that identify a patient together though none does alone: an
 * age, an occupation, an employer, a town, a procedure, a day, and above all
 * rarity ("the only left-handed cellist in the county"). Each detail carries
 * a weight; a post about one patient whose details add up, across enough
 * kinds, is flagged with the list of what combines. One vague detail ("a
 * patient in her 40s") never flags, and a stated consent lowers the total.
 * Details that are identifiers on their own (towns, employers, dates) are
 * flagged by their recognizers and only counted here.
 */
import type { Candidate } from '../../types.js';
import type { PostContext, SentenceFacts } from '../context.js';
import { ageAdjective, ageRange } from '../generalise.js';
import { Score, severityOf } from '../score.js';
import { matches, overlapChecker } from '../scan.js';
import { tuned } from '../../../catalog/tune.js';

type Kind = 'name' | 'age' | 'occupation' | 'employer or school' | 'place' | 'procedure' | 'day' | 'rarity' | 'incident' | 'relationship' | 'physical trait';

interface Detail {
  kind: Kind;
  weight: number;
  start: number;
  end: number;
  replacement: string | null;
  /** Already flagged by another recognizer: counted, not emitted. */
  counted?: boolean;
}

const EXACT_AGE = /(?<![\p{L}\p{N}.,$])([1-8]?\d)\s?(?:yo|y\/o|y\.o\.|-year-old|-yr-old| years? old| yrs? old)(?!s)(?![\p{L}])/giu;
const AGE_SEX = /(?<![\p{L}\p{N}.,$])(1\d|[2-8]\d)\s?([MF])(?![\p{L}\p{N}])/gu;
const AGE_STATED = tuned(/(?<=\b(?:aged|age|turned|just turned|at age)\s)([1-8]?\d)(?![\p{L}\p{N}+])/giu);
const AGE_APPOSITION = tuned(/(?<=[\p{L}.],\s)(1\d|[2-8]\d)(?=\s*,)|(?<=\p{Lu}\p{Ll}+\s?\()(1\d|[2-8]\d)(?=\))/gu);
// "hurt in the grain elevator fire", "pulled from the Route 9 pileup": one known event, and whoever was hurt in it.
const INCIDENT =
  tuned(/\b(?:hurt|injured|burned|burnt|caught|trapped|pulled from|rescued from|survived|involved|thrown from|crushed)\s+(?:in|at|during|from)\s+(the\s+(?:[\p{L}\d'’-]+\s+){0,3}?(fire|blaze|explosion|crash|wreck|pile-?up|collapse|shooting|derailment|flood|tornado|rollover|blast|stampede|cave-in|attack|incident|accident|collision))(?![\p{L}])/giu);
const AGE_RANGE = tuned(/\bin (?:his|her|their) (?:early |mid-?|late )?(?:\d0s|twenties|thirties|forties|fifties|sixties|seventies|eighties)\b/giu);
const RELATIONSHIP = tuned(/\bmy (?:neighbou?r|next-door neighbou?r|barber|mail ?man|mail carrier|landlord|pastor|dentist|mechanic|boss|old teacher|(?:kid|son|daughter)'s (?:teacher|coach)|high school (?:teacher|coach)|hairdresser|plumber|contractor)\b/giu);
const PHYSICAL = /(?<![\p{L}\p{N}])(?:\d{3}[- ]?(?:lb|lbs|pound)s?|\d'\s?\d{1,2}"?|(?:six|seven)[- ]f(?:oo|ee)t|\d-foot)(?![\p{L}])/giu;
// Roles that one person holds in a community: naming the role names the person.
const UNIQUE_ROLE = /\b(?:mayor|sheriff|police chief|fire chief|pastor|priest|rabbi|imam|principal|superintendent|judge|head coach|postmaster|town clerk|bishop|state senator|county commissioner)\b/i;
const SMALL_PLACE = tuned(/\b(?:our|my|this|a|the)\s+(?:small|little|tiny)\s+(?:town|village|community|county|island)\b/giu);
const COMMUNITY_KNOWS = tuned(/\b(?:the whole|everyone in|everybody in|all of)\s+(?:the\s+|our\s+)?(?:town|county|diner|church|school|neighbou?rhood|village|valley|building|plant|base|parish|congregation)\b/giu);
const RELATIVE_DAY = tuned(/\b(?:this morning|yesterday|last night|tonight|today|last week|this week|over the weekend|last weekend)\b/giu);
const PROCEDURE = /\b(?:fused|decompressed|operated on|fusion|ACDF|TLIF|PLIF|ALIF|XLIF|LLIF|OLIF|laminectomy|laminotomy|discectomy|microdiscectomy|decompression|foraminotomy|kyphoplasty|vertebroplasty|corpectomy|osteotomy|disc replacement|stimulator|ablation|injection|surgery)\b/i;

// A role one person holds in a community, or that person's close family: "the mayor's wife", "a city
// council member", "the local news anchor". Naming the role names the person (C2), so tied to a patient
// it is flagged on its own, without other details.
const PUBLIC_ROLE = tuned(new RegExp(
  "(?<![\\p{L}])(?:the|a|an|our|my|this|that)\\s+(?:(?:town|city|county|village|school|team|state|district|parish|church)['’]s\\s+)?(?:(?:local|town|city|county|state|former|retired|longtime|beloved|well-known|famous|head|varsity|high school|evening|morning|nightly|lead|senior|chief)\\s+){0,2}(?:mayor|governor|lieutenant governor|sheriff|police chief|fire chief|chief of police|city council(?:wo)?man|city council member|council(?:wo)?man|council member|city councilor|alderman|alderwoman|state senator|senator|state representative|congress(?:wo)?man|congressional representative|district attorney|judge|news anchor|anchor(?:wo)?man|anchor|weather(?:wo)?man|meteorologist|radio host|talk show host|football coach|basketball coach|coach of the [\\p{L}\\s]{2,30}?team|quarterback|school principal|principal|superintendent|pastor|priest|rabbi|imam|bishop|TV personality|news reporter|celebrity chef|Olympian)(?:['’]s\\s+(?:wife|husband|son|daughter|mother|father|mom|dad|kid|child|partner|sister|brother|grandma|grandpa|grandson|granddaughter|grandmother|grandfather|fianc[eé]e?))?(?![\\p{L}])(?!\\s+(?:investigator|component|author|of (?:our|the) (?:practice|clinic|team|hospital|department)))",
  'giu',
));
const PUBLIC_ROLE_HINT = /mayor|governor|sheriff|chief|council|alder|senator|representative|congress|attorney|judge|anchor|weather|meteorolog|host|coach|quarterback|principal|superintendent|pastor|priest|rabbi|imam|bishop|personality|reporter|celebrity|olympian/i;

// A place in a team that one person holds: "the only Springbok prop on the injury list", "our starting quarterback",
// "the club captain". A plain "a striker" is one of many, so it needs a word that makes it one person.
const TEAM_ROLE =
  tuned(/\b(?:the|our|their|his|her)\s+(?:only|starting|star|reigning|current|first-choice|first-team|club|team|national|varsity|school|new)\s+(?:[\p{L}-]+\s+){0,2}?(?:prop|flanker|hooker|fly-half|scrum-half|winger|fullback|full-back|quarterback|linebacker|pitcher|shortstop|point guard|goalie|goalkeeper|goalkeeper|striker|captain|skipper|vice-captain|jockey|fast bowler|opening batsman|wicketkeeper)(?![\p{L}])/giu);
const TEAM_CARE = /\b(?:came in|comes in|walk(?:s|ed)? in(?:to)?|(?:in|into) (?:my|our|your) (?:rooms|clinic|office)|in clinic|on the table|fractured?|herniat\w*|[CTL]\d{1,2}(?:\s?[-/]\s?[CTLS]?\d{1,2})?|(?:had|has|having|needs?|booked (?:in )?for) (?:his|her|their|a|an) (?:[\w-]+ )?(?:surgery|fusion|decompression|discectomy|op|operation|scan|mri))\b/i;
const TEAM_ROLE_HINT = /prop|flanker|hooker|half|winger|back|pitcher|shortstop|guard|goal|striker|captain|skipper|jockey|bowler|batsman|keeper/i;

function recognizePublicRoles(ctx: PostContext): Candidate[] {
  const civic = PUBLIC_ROLE_HINT.test(ctx.text);
  const team = TEAM_ROLE_HINT.test(ctx.text);
  if (!civic && !team) return [];
  const out: Candidate[] = [];
  const found = [
    ...[...(civic ? matches(PUBLIC_ROLE, ctx.text) : [])].map((m) => ({ m, onTeam: false })),
    ...[...(team ? matches(TEAM_ROLE, ctx.text) : [])].map((m) => ({ m, onTeam: true })),
  ];
  for (const { m, onTeam } of found) {
    const start = m.index;
    const end = start + m[0].length;
    const f = ctx.facts(start);
    // A care event of this person: a patient cue in the sentence (not the role itself).
    const tie = ctx.tie(start, { own: [start, end] });
    if (ctx.isNegated(start)) continue;
    const tied = tie !== undefined && tie !== null && tie.boost >= 0.25 && f.patientCues.some((c) => c.weight > 0.2);
    // A team's one player "came in with a C5/6": the injury in the same sentence is the care event.
    const injured = !tied && onTeam && TEAM_CARE.test(ctx.text.slice(f.span.start, f.span.end));
    if (!tied && !injured) continue;
    const score = new Score(0.4, 'a role held by one person in a community');
    if (tied && tie) score.raise(tie.boost, tie.evidence);
    else score.raise(0.25, 'injury or care of that player in the sentence');
    if (ctx.consent) score.lower(0.3, 'consent stated');
    const severity = severityOf(score.confidence);
    if (!severity) continue;
    const lead = /^(?:the|a|an|our|my|this|that)\s+/i.exec(m[0])?.[0] ?? '';
    out.push({
      start,
      end,
      severity,
      confidence: score.confidence,
      evidence: score.evidence,
      replacement: /^(?:the|a|an|this|that)\s/i.test(lead) ? 'a member of our community' : `${lead}neighbour`,
      contextChecked: true,
      message: 'A public role (or a relative of the person who holds it) points to one person; tied to a patient it identifies them.',
    });
  }
  return out;
}

export function recognizeCombination(ctx: PostContext): Candidate[] {
  const roles = recognizePublicRoles(ctx);
  return roles.length > 0 ? [...roles, ...combine(ctx).filter((c) => !roles.some((r) => c.start < r.end && c.end > r.start))] : combine(ctx);
}

function combine(ctx: PostContext): Candidate[] {
  if (ctx.focus === 0) return [];
  const lex = ctx.lex;
  const about = ctx.sentences.filter((f) => aboutPatient(ctx, f));
  if (about.length === 0) return [];
  const details: Detail[] = [];
  const taken = overlapChecker(ctx.text.length, details);
  const add = (d: Detail) => {
    if (!taken(d.start, d.end)) details.push(d);
  };
  for (const f of about) {
    const body = ctx.sentenceText(f);
    const at = (m: RegExpMatchArray) => f.span.start + (m.index ?? 0);
    for (const m of matches(AGE_SEX, body)) {
      const age = Number(m[1]);
      add({ kind: 'age', weight: 1.25, start: at(m), end: at(m) + m[0].length, replacement: `${ageRange(age).replace(/^in their /, '')} ${m[2] ?? ''}`.trim() });
    }
    for (const m of matches(EXACT_AGE, body)) {
      const age = Number(m[1]);
      // Before a noun the age is an adjective: "a 16 yo gymnast" → "a teenage gymnast".
      const adjective = /-year-old|-yr-old/.test(m[0]) || /^\s+\p{Ll}/u.test(body.slice(m.index + m[0].length, m.index + m[0].length + 3));
      add({ kind: 'age', weight: 1, start: at(m), end: at(m) + m[0].length, replacement: adjective ? ageAdjective(age) : ageRange(age) });
    }
    for (const re of /\b(?:aged?|turned|at age)\b/i.test(body) ? [AGE_STATED, AGE_APPOSITION] : [AGE_APPOSITION]) {
      for (const m of matches(re, body)) {
        const age = Number(m[1] ?? m[2]);
        add({ kind: 'age', weight: 1, start: at(m), end: at(m) + m[0].length, replacement: ageRange(age) });
      }
    }
    for (const m of matches(AGE_RANGE, body)) add({ kind: 'age', weight: 0.5, start: at(m), end: at(m) + m[0].length, replacement: null });
    lex.scan.occupations.lastIndex = 0;
    for (const m of matches(lex.scan.occupations, body)) {
      const before = body.slice(Math.max(0, (m.index ?? 0) - 25), m.index ?? 0);
      // "our nurse", "my PA": a colleague's job, not the patient's.
      if (/\b(?:our|my|your)\s+(?:\w+\s+)?$/i.test(before)) continue;
      add({ kind: 'occupation', weight: UNIQUE_ROLE.test(m[0]) ? 1.5 : 1, start: at(m), end: at(m) + m[0].length, replacement: null });
    }
    lex.scan['rarity-cues'].lastIndex = 0;
    for (const m of matches(lex.scan['rarity-cues'], body)) {
      const phrase = m[0].toLowerCase();
      const replacement = phrase === 'the only' || phrase === 'the first' ? 'a' : null;
      add({ kind: 'rarity', weight: 1.5, start: at(m), end: at(m) + m[0].length, replacement });
    }
    for (const m of matches(SMALL_PLACE, body)) add({ kind: 'place', weight: 1, start: at(m), end: at(m) + m[0].length, replacement: null });
    for (const m of matches(COMMUNITY_KNOWS, body)) add({ kind: 'rarity', weight: 1.5, start: at(m), end: at(m) + m[0].length, replacement: null });
    for (const m of /\bthe\s/i.test(body) ? matches(INCIDENT, body) : []) {
      const event = m[1] ?? '';
      const start = at(m) + m[0].length - event.length;
      const head = (m[2] ?? 'accident').toLowerCase();
      // A bare "the crash" may only point back to a crash just described; with its own words it names one event.
      const named = event.split(/\s+/).length > 2;
      add({ kind: 'incident', weight: named ? 1.5 : 0.75, start, end: start + event.length, replacement: `${/^[aeiou]/.test(head) ? 'an' : 'a'} ${head}` });
    }
    for (const m of matches(RELATIONSHIP, body)) add({ kind: 'relationship', weight: 1, start: at(m), end: at(m) + m[0].length, replacement: null });
    for (const m of matches(PHYSICAL, body)) add({ kind: 'physical trait', weight: 1, start: at(m), end: at(m) + m[0].length, replacement: '' });
    for (const m of matches(RELATIVE_DAY, body)) add({ kind: 'day', weight: 0.5, start: at(m), end: at(m) + m[0].length, replacement: null });
    const procedure = PROCEDURE.exec(body);
    if (procedure && !details.some((d) => d.kind === 'procedure')) {
      const start = f.span.start + procedure.index;
      details.push({ kind: 'procedure', weight: 0.5, start, end: start + procedure[0].length, replacement: null, counted: true });
    }
  }
  for (const [name, kind] of [['places', 'place'], ['affiliations', 'employer or school'], ['dates', 'day'], ['names', 'name']] as const) {
    for (const c of ctx.found(name)) {
      if (c.severity === undefined) continue;
      details.push({ kind, weight: kind === 'day' || kind === 'name' ? 1 : 1.5, start: c.start, end: c.end, replacement: null, counted: true });
    }
  }
  // One detail of a kind counts fully; more of the same kind add little.
  const byKind = new Map<Kind, number>();
  for (const d of details) byKind.set(d.kind, Math.max(byKind.get(d.kind) ?? 0, d.weight) + (byKind.has(d.kind) ? 0.25 : 0));
  let total = [...byKind.values()].reduce((a, b) => a + b, 0);
  if (ctx.consent) total -= 1.5;
  if (byKind.size < 3 || total < 3) return [];
  const kinds = [...byKind.keys()];
  const score = new Score(Math.min(1, total / 6.5), `details that combine: ${kinds.join(', ')}`);
  const severity = total >= 4.5 ? 'error' : 'warning';
  const out: Candidate[] = [];
  for (const d of details) {
    if (d.counted || (d.kind === 'day' && d.weight < 1 && severity === 'warning')) continue;
    const c: Candidate = {
      start: d.start,
      end: d.end,
      severity,
      confidence: Math.max(score.confidence, severityOf(score.confidence) === undefined ? 0.45 : score.confidence),
      evidence: [...score.evidence, `this detail: ${d.kind}`],
      replacement: d.replacement,
      contextChecked: true,
      message: `Together, these details can identify the patient without a name: ${kinds.join(', ')}. Generalise or remove some of them.`,
    };
    // An exact age is masked like a number; an occupation or "the only" is context, shown as written.
    if (d.kind === 'age') c.sensitive = 'identifier';
    out.push(c);
  }
  return out;
}

function aboutPatient(ctx: PostContext, f: SentenceFacts): boolean {
  if (f.patientCues.length > 0) return true;
  if (f.notPatient.length > 0) return false;
  if (f.personRef) return true;
  const near = [ctx.sentences[f.index - 1], ctx.sentences[f.index + 1]];
  return near.some((s) => s !== undefined && s.patientCues.length > 0);
}
