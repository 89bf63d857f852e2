/**
 * Patterns as V8 runs them fastest, matching exactly what they match as
 * written. Every catalogue pattern and every detector pattern with the u flag
 * goes through here once, when it is compiled.
 */
import { guardCapitals } from './capital-guard.js';
import { factsOf } from './pattern-facts.js';
import { fastWordBoundaries } from './word-boundary.js';

export function tuned(re: RegExp): RegExp {
  const facts = factsOf(re.source, re.flags);
  if (facts.tuned === undefined) {
    const source = guardCapitals(fastWordBoundaries(re.source, re.flags), re.flags);
    facts.tuned = source === re.source ? null : source;
  }
  const source = facts.tuned ?? re.source;
  if (source === re.source) return re;
  try {
    return new RegExp(source, re.flags);
  } catch {
    return re;
  }
}
