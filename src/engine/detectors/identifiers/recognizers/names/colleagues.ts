/**
 * Names that belong to colleagues: a title right before ("Dr."), a credential
 * right after (", DPT"), a colleague's role before or in apposition ("my
 * partner Sam", "Rosa, our charge nurse"), a list under one role ("nurses
 * Kelly and Brianna"). A name seen once that way is a colleague everywhere in
 * the post ("Dr. Kwame Boateng ... Kwame, coffee?").
 */
import type { PostContext } from '../../context.js';
import type { Lexicon } from '../../lexicon.js';
import { CAP_WORD } from '../../patterns.js';
import { matches } from '../../scan.js';
import { nameWords, type NameSpan } from './shapes.js';
import { tuned } from '../../../../catalog/tune.js';

interface ColleaguePatterns {
  titleBefore: RegExp;
  credentialAfter: RegExp;
  roleBefore: RegExp;
  roleAfter: RegExp;
  titled: RegExp;
  credentialed: RegExp;
}

// Built once per lexicon: the lists' alternations are long, and compiling them for every post cost more than using them.
const cache = new WeakMap<Lexicon, ColleaguePatterns>();

function patternsOf(lex: Lexicon): ColleaguePatterns {
  let p = cache.get(lex);
  if (!p) {
    p = {
      titleBefore: new RegExp(`(?:^|[\\s(])${lex.source.credentials}\\.?\\s*$`, 'u'),
      credentialAfter: new RegExp(`^\\s*,?\\s*${lex.source.credentials}(?![\\p{L}])`, 'u'),
      roleBefore: tuned(new RegExp(`(?:^|\\s)${lex.source['colleague-roles']}\\s*,?\\s*$`, 'iu')),
      roleAfter: tuned(new RegExp(
        `^\\s*(?:,|—|–|-|\\(|\\s(?:from|in|at|on)\\s+(?:our|the))\\s*(?:my|our|the|a|an|his|her|their)?\\s*(?:[\\p{L}-]+\\s+){0,2}(?:${lex.source['colleague-roles']}|office|desk|department|billing|scheduling)(?![\\p{L}])`,
        'iu',
      )),
      titled: tuned(new RegExp(`(?:Dr|Doctor|Prof|Professor)\\.?\\s+(${CAP_WORD}(?:\\s+${CAP_WORD}){0,2})`, 'gu')),
      credentialed: tuned(new RegExp(`(${CAP_WORD}(?:\\s+${CAP_WORD}){0,2}),\\s*${lex.source.credentials}(?![\\p{L}])`, 'gu')),
    };
    cache.set(lex, p);
  }
  return p;
}

export function markColleagues(ctx: PostContext, spans: readonly NameSpan[]): Set<NameSpan> {
  const { titleBefore, credentialAfter, roleBefore, roleAfter, titled, credentialed } = patternsOf(ctx.lex);
  const colleague = new Set<NameSpan>();
  let previous: NameSpan | undefined;
  for (const span of spans) {
    if (span.shape === 'spaced') continue;
    const before = ctx.before(span.start, 40);
    const after = ctx.after(span.end, 50);
    // "nurses Kelly and Brianna": the role covers the whole list.
    const listed =
      previous !== undefined &&
      colleague.has(previous) &&
      /^\s*(?:,|,?\s*and|&)\s*$/.test(ctx.text.slice(previous.end, span.start));
    const isColleague =
      listed || titleBefore.test(before) || credentialAfter.test(after) || roleBefore.test(before) || roleAfter.test(after);
    previous = span;
    if (isColleague) {
      colleague.add(span);
      for (const w of nameWords(ctx.text.slice(span.start, span.end))) ctx.colleagueNames.add(w);
    }
  }
  // Colleagues named with a title anywhere in the post ("Dr. Kwame Boateng"), even outside a candidate.
  for (const m of matches(titled, ctx.text)) for (const w of nameWords(m[1] ?? '')) ctx.colleagueNames.add(w);
  for (const m of matches(credentialed, ctx.text)) for (const w of nameWords(m[1] ?? '')) ctx.colleagueNames.add(w);
  return colleague;
}

