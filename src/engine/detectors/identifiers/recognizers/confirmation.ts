/**
 * C5: confirming that a named or handle-identified person is a patient. A
 * reply to a review or comment that speaks to someone by name or handle about
 * their own care ("Thanks, Mr. Ruiz, glad your laminectomy went well", "@kim
 * it was a pleasure treating you") tells the world they are a patient, even
 * when they said so first. Policy statements ("we never confirm who our
 * patients are") and colleagues addressed by name do not count.
 */
import type { Candidate } from '../../types.js';
import type { Address, PostContext } from '../context.js';
import { Score, toCandidate } from '../score.js';

export function recognizeConfirmation(ctx: PostContext): Candidate[] {
  if (ctx.addresses.length === 0) return [];
  // The names recognizer has marked colleagues by then; they are not patients.
  ctx.found('names');
  const people = ctx.addresses.filter((a) => {
    const words = ctx.text
      .slice(a.start, a.end)
      .replace(/^(?:mrs|mr|ms|miss|mx|mister)\.?\s+|^@/i, '')
      .toLowerCase()
      .split(/[\s.]+/);
    return !words.some((w) => ctx.colleagueNames.has(w));
  });
  if (people.length === 0) return [];
  const out: Candidate[] = [];
  // The person must be addressed in the sentence of the care or the one next to it.
  const addressedIn = new Map<number, Address>();
  for (const a of people) addressedIn.set(ctx.facts(a.start).index, addressedIn.get(ctx.facts(a.start).index) ?? a);
  for (const f of ctx.sentences) {
    for (const cue of f.secondPersonCare) {
      const near = addressedIn.get(f.index) ?? addressedIn.get(f.index - 1) ?? addressedIn.get(f.index + 1);
      if (!near || ctx.isNegated(cue.start)) continue;
      // "your first solo fusion", "your 500th ACDF": the person addressed performed it.
      if (/^(?:your|ur)\s+(?:first|\d+(?:st|nd|rd|th)|solo|hundredth|thousandth)\b/i.test(cue.label)) continue;
      const handle = ctx.text.slice(near.start, near.end).startsWith('@');
      const score = new Score(0.5, `speaks to ${handle ? 'a handle' : 'a named person'} about their care`);
      score.raise(0.25, `care of the person addressed: ${cue.label}`);
      if (!/^(?:your|ur)\s/i.test(cue.label)) ctx.applyNotPatient(score, cue.start, cue.end, 0.2);
      const c = toCandidate({
        start: cue.start,
        end: cue.end,
        score,
          replacement: null,
        message: 'This reply confirms that the person addressed is a patient; answer without naming them or their care, and take it offline.',
      });
      if (c) out.push(c);
    }
  }
  return out;
}
