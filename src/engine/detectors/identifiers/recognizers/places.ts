/**
 * (B) Geographic units smaller than a state: street addresses and street
 * names, towns and counties, ZIP codes, and the roads of an accident. A
 * place is a patient's identifier only when the text ties it to the patient
 * ("a welder from Oak Hollow", "rollover out on Route 9"); the practice's own
 * address, a talk at the library, or where the author grew up are not.
 * States and anything larger may stay (Safe Harbor keeps them).
 */
import type { Candidate } from '../../types.js';
import type { PostContext } from '../context.js';
import { once } from '../lexicon.js';
import { drop } from '../generalise.js';
import { CAP_WORD } from '../patterns.js';
import { Score, toCandidate } from '../score.js';
import { wordKind } from '../words.js';
import { matches, overlapChecker } from '../scan.js';
import { tuned } from '../../../catalog/tune.js';

const PLACE_ENDING = /(?:ville|burg|burgh|borough|boro|ford|ton|field|wood|port|brook|dale|mont|view|land|ham|stead|chester|caster|mouth|haven|worth|ridge|creek|crest|shire|bury|wick|minster)$/;
const ACCIDENT = /\b(?:rollover|rolled|crash|crashed|wreck|MVC|MVA|accident|collision|ejected|struck|hit by|motorcycle|rear-ended|t-boned|pile-?up|fell|thrown|flipped|skidded|overturned)\b/i;
// The author's or the practice's own place: not the patient's.
const OWN_PLACE = /\b(?:our|my)\s+(?:(?:new|main|second|other)\s+)?(?:clinic|office|practice|location|hospital|team|center|centre|campus|home|house)\s+(?:in|on|at)\s*$|\b(?:I|we)(?:'m|'re| am| are| was| were)?\s+(?:(?:grew up|live|lived|trained|moved|based|located|working|work|practice|practise|raised|born|moving|heading|headed|going|flying|driving)\s+){1,3}(?:in|to|from|on|at)\s*$|\b(?:join us|visit us|see us|find us|come see us|located|based|serving|hiring|opening)\s+(?:in|on|at)\s*$|\bI'm from\s*$|\bgrew up (?:in|on)\s*$/i;
const DISTANCE_BEFORE = /\b(?:\d[\d,.]*\s?(?:km|k|kms|mi|miles?|kilomet(?:re|er)s?|metres?|meters?|m|steps|laps)|(?:first|last|final|whole|entire)\s+(?:stretch|leg|stage|section|mile|km|kilomet(?:re|er)|lap))\s*$/i;
const PRACTICE_AFTER = /^\s+(?:clinic|office|location|campus|site|branch|hospital|center|centre)\b/i;

interface Found {
  start: number;
  end: number;
  score: Score;
  replacement: string | null;
  /** Also drop the preposition before it. */
  dropLead?: boolean;
}

export function recognizePlaces(ctx: PostContext): Candidate[] {
  const lex = ctx.lex;
  const text = ctx.text;
  const street = lex.source['street-words'];
  const placeWord = lex.source['place-words'];
  const found: Found[] = [];
  const taken = overlapChecker(ctx.text.length, found);

  const streetAddress = once(lex, 'places.streetAddress', () => tuned(new RegExp(
    `(?<![\\p{L}\\p{N}])\\d{1,6}\\s+(?:[NSEW]\\.?\\s+)?(?:${CAP_WORD}\\s+){1,3}${street}(?![\\p{L}])`,
    'gu',
  )));
  for (const m of matches(streetAddress, text)) {
    const start = m.index ?? 0;
    found.push({ start, end: start + m[0].length, score: new Score(0.5, 'street address with house number'), replacement: null, dropLead: true });
  }
  const streetName = once(lex, 'places.streetName', () => tuned(new RegExp(`(?<![\\p{L}\\p{N}.])(?:(?:${CAP_WORD}|\\d{1,3}(?:st|nd|rd|th))\\s+){1,3}${street}(?![\\p{L}])`, 'gu')));
  for (const m of matches(streetName, text)) {
    let start = m.index ?? 0;
    const end = start + m[0].length;
    let words = m[0].split(/\s+/);
    // "Swipe to see Oak Lane" style openers: keep only the words that make up the street name.
    while (words.length > 2 && wordKind(words[0] as string) === 'common') {
      start += (words[0] as string).length + 1;
      words = words.slice(1);
    }
    if (taken(start, end)) continue;
    const last = words[words.length - 1] ?? '';
    // "St. Mary's" is a saint, not a street.
    if (/^St\.?$/.test(last) && /^\.?\s+\p{Lu}/u.test(text.slice(end, end + 4))) continue;
    if (words.length === 2 && wordKind(words[0] as string) === 'common' && !/^(?:Main|Oak|Elm|Pine|Maple|Cedar|Park|Lake|Hill|Church|Mill|High|Market|Water|Spring|River|Washington|Lincoln|Jefferson)$/.test(words[0] as string)) continue;
    found.push({ start, end, score: new Score(0.35, 'street name'), replacement: null, dropLead: true });
  }
  // "on Elm & 3rd", "at the corner of Main and 5th": an intersection places someone as well as an address.
  const intersection = once(lex, 'places.intersection', () => tuned(new RegExp(
    `(?<![\\p{L}])(?:on|at|corner of)\\s+((?:${CAP_WORD}|\\d{1,3}(?:st|nd|rd|th))(?:\\s+${street})?\\s*(?:&|and|@|\\/)\\s*(?:${CAP_WORD}|\\d{1,3}(?:st|nd|rd|th))(?:\\s+${street})?)(?![\\p{L}])`,
    'gu',
  )));
  for (const m of matches(intersection, text)) {
    const place = m[1] ?? '';
    const start = m.index + m[0].length - place.length;
    const end = start + place.length;
    const words = place.split(/\s*(?:&|and|@|\/)\s*|\s+/).filter((w) => /^\p{Lu}/u.test(w));
    if (taken(start, end) || words.some((w) => ['month', 'weekday', 'first-name'].includes(wordKind(w)))) continue;
    found.push({ start: m.index, end, score: new Score(0.4, 'street intersection'), replacement: 'nearby' });
  }
  const road = /(?<![\p{L}\p{N}])(?:Hwy|HWY|Highway|Route|Rte\.?|Rt\.?|Interstate|I-|US-?|U\.S\.\s|SR-?|State Route|State Road|County Road|CR-?|FM-?|mile marker)\s?\d{1,4}[A-Z]?(?![\p{L}\p{N}])/gu;
  for (const m of matches(road, text)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (taken(start, end)) continue;
    const score = new Score(0.3, 'road or highway number');
    if (ctx.sentenceHas(ctx.facts(start), ACCIDENT)) score.raise(0.2, 'accident described');
    found.push({ start, end, score, replacement: /mile marker/i.test(m[0]) ? null : 'a local road' });
  }
  const afterPreposition = once(lex, 'places.afterPreposition', () => tuned(new RegExp(
    `(?<![\\p{L}])(from|in|near|outside(?: of)?|around|out in|over in|up in|down in|by|of|(?:home|back|back home|discharged|transferred|headed|heading|off home|flown|airlifted|moved|relocated|sent home) to)\\s+(?:the\\s+)?(${CAP_WORD}(?:\\s+${CAP_WORD}){0,2})(?![\\p{L}])`,
    'gu',
  )));
  for (const m of matches(afterPreposition, text)) {
    const phrase = m[2] ?? '';
    const start = (m.index ?? 0) + m[0].length - phrase.length;
    const end = start + phrase.length;
    const prep = (m[1] ?? '').toLowerCase();
    // "a card from Linda" is a person; "near Dalton", "in Austin" are places even when they are also names.
    const personAfter = /^(?:from|of|by)$/.test(prep);
    if (taken(start, end) || !ctx.tie(start) || !isPlaceName(ctx, phrase, start, end, personAfter)) continue;
    // "photos of Keeley's scoliosis correction", "a note from Ana Ruiz, whose fusion ...": a person, not a place.
    if (personAfter && (/['’]s$/.test(phrase) || /^\s*,\s*(?:who|whose|whom)\b/i.test(ctx.after(end, 12)))) continue;
    // "200 km of the Camino", "the last mile of the Kokoda": a stretch of a route or landmark, not where anyone lives.
    if (prep === 'of' && DISTANCE_BEFORE.test(ctx.before(m.index ?? 0, 20))) continue;
    const score = placeScore(ctx, phrase, start, end, 0.2, `capitalised name after "${m[1] ?? ''}"`);
    // Written consent stated: a town in a consented story is the patient's to share (C3), a street address still is not.
    if (ctx.consent) score.lower(0.2, 'consent stated');
    const leadStart = m.index ?? 0;
    const replacement = /^(?:near|by|outside|around)/.test(prep) ? 'nearby' : /\sto$/.test(prep) ? prep.replace(/\s+to$/, '') : `${prep} our area`;
    found.push({ start: leadStart, end, score, replacement });
  }
  // A place name used as a modifier: "on the Oak Hollow route", "Lake County".
  const withEnding = once(lex, 'places.withEnding', () => tuned(new RegExp(`(?<![\\p{L}])(?:the\\s+)?(?:${CAP_WORD}\\s+){1,2}${placeWord}(?![\\p{L}])`, 'gu')));
  for (const m of matches(withEnding, text)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const phrase = m[0].replace(/^the\s+/, '');
    const nameStart = end - phrase.length;
    if (taken(nameStart, end) || !ctx.tie(start) || !isPlaceName(ctx, phrase, nameStart, end)) continue;
    const score = placeScore(ctx, phrase, nameStart, end, 0.25, 'capitalised place name');
    const followedByNoun = /^\s+\p{Ll}/u.test(text.slice(end, end + 3));
    const replacement = followedByNoun ? (m[0].startsWith('the') ? 'a local' : 'local') : 'our area';
    found.push({ start, end, score, replacement });
  }
  const zip = /(?<![\p{N}-])\d{5}(?:-\d{4})?(?![\p{N}-])/gu;
  for (const m of matches(zip, text)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const before = ctx.before(start, 25);
    if (!/(?:zip|postal)(?:\s*code)?\s*(?:is|:|#)?\s*$|\b[A-Z]{2},?\s*$/i.test(before) || taken(start, end)) continue;
    found.push({ start, end, score: new Score(0.45, 'ZIP code'), replacement: null, dropLead: true });
  }

  const out: Candidate[] = [];
  for (const f of found) {
    const before = ctx.before(f.start, 45);
    if (OWN_PLACE.test(before) || PRACTICE_AFTER.test(ctx.after(f.end, 12))) continue;
    const tie = ctx.applyTie(f.score, f.start);
    if (!tie) continue;
    ctx.applyNotPatient(f.score, f.start, f.end, 0.15);
    const edit = f.replacement === null ? drop(ctx, f.start, f.end) : { start: f.start, end: f.end, replacement: f.replacement };
    const c = toCandidate({
      start: edit.start,
      end: edit.end,
      score: f.score,
      sensitive: 'identifier',
      replacement: edit.replacement,
      message: 'A place smaller than a state tied to a patient (street, town, county, ZIP or road); it helps identify them.',
    });
    if (c) out.push(c);
  }
  return out;
}

/** A capitalised phrase that names a place rather than a person, a month, a hospital or an event. */
function isPlaceName(ctx: PostContext, phrase: string, start: number, end: number, personPossible = true): boolean {
  const lex = ctx.lex;
  const words = phrase.split(/\s+/);
  if (words.some((w) => ['month', 'weekday'].includes(wordKind(w)))) return false;
  if (lex.test.regions.exec(phrase)?.[0] === phrase) return false;
  if (lex.test['care-organizations'].test(phrase) || lex.test['care-organizations'].test(ctx.after(end, 25).split(/[,.;!?]/)[0] ?? '')) return false;
  if (lex.test['affiliation-words'].test(words[words.length - 1] as string)) return false;
  if (lex.test.credentials.test(words[0] as string)) return false;
  const next = /^\s+(\S+)/.exec(ctx.after(end, 20))?.[1];
  if (next && lex.test['affiliation-words'].test(next)) return false;
  const first = wordKind(words[0] as string);
  // "Harlan Springs", "Dalton Falls": a place-name ending settles it, even after a first name.
  if (words.length >= 2 && lex.test['place-words'].exec(words[words.length - 1] as string)?.[0] === words[words.length - 1]) return true;
  if (personPossible && words.length <= 2 && first === 'first-name' && !ctx.tagsOf(start, end).has('Place')) return false;
  if (words.every((w) => wordKind(w) === 'common') && !lex.test['place-words'].test(phrase)) return false;
  return true;
}

function placeScore(ctx: PostContext, phrase: string, start: number, end: number, base: number, why: string): Score {
  const score = new Score(/\b(?:County|Parish|Township|Borough)\b/.test(phrase) ? 0.45 : base, why);
  const last = phrase.split(/\s+/).pop() ?? '';
  if (ctx.lex.test['place-words'].test(last) || PLACE_ENDING.test(last)) score.raise(0.15, 'place-name ending');
  else if (ctx.tagsOf(start, end).has('Place')) score.raise(0.15, 'compromise: place');
  return score;
}
