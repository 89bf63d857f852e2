/** Compiles a validated Catalog once into detectors and context matchers. */
import { CatalogError } from './errors.js';
import { groupedByFirstLetter } from './first-letters.js';
import type { Catalog, CatalogRule } from './parse.js';
import { compilePattern, UnsafePatternError } from './regex.js';
import type { Term } from './schema.js';
import { DETECTORS } from '../detectors/registry.js';
import { patternDetector } from '../detectors/pattern.js';
import { compilePhrases, phrasesDetector } from '../detectors/phrases.js';
import type { Detector } from '../detectors/types.js';

export interface CompiledRule {
  spec: CatalogRule;
  detect: Detector;
  requires: RegExp[];
  requiresPost: RegExp[];
  unless: RegExp[];
  unlessPost: RegExp[];
}

export function compileRule(rule: CatalogRule, catalog: Catalog): CompiledRule {
  const regexes = (field: string, sources: readonly string[] | undefined, flags?: string): RegExp[] =>
    (sources ?? []).map((source, i) => {
      try {
        return compilePattern(source, flags);
      } catch (err) {
        if (err instanceof UnsafePatternError) throw new CatalogError(rule.file, rule.id, `${field}[${i}]`, err.message);
        throw err;
      }
    });
  const ctx = rule.context;
  return {
    spec: rule,
    detect: buildDetector(rule, catalog, regexes),
    // Context patterns are only tested, never iterated: no global flag, so no lastIndex state, and the order of
    // their choices is free.
    requires: regexes('context.requires', ctx.requires, 'iu').map(groupedByFirstLetter),
    requiresPost: regexes('context.requiresPost', ctx.requiresPost, 'iu').map(groupedByFirstLetter),
    unless: regexes('context.unless', ctx.unless, 'iu').map(groupedByFirstLetter),
    unlessPost: regexes('context.unlessPost', ctx.unlessPost, 'iu').map(groupedByFirstLetter),
  };
}

function buildDetector(
  rule: CatalogRule,
  catalog: Catalog,
  regexes: (field: string, sources: readonly string[] | undefined) => RegExp[],
): Detector {
  const d = rule.detect;
  switch (d.kind) {
    case 'pattern':
      return patternDetector(regexes('detect.patterns', d.patterns));
    case 'phrases': {
      const terms: Term[] = [...(d.phrases ?? [])];
      for (const name of d.lists ?? []) terms.push(...(catalog.lists.get(name)?.terms ?? []));
      return phrasesDetector(compilePhrases(terms));
    }
    case 'detector': {
      const factory = DETECTORS[d.name];
      if (!factory) {
        throw new CatalogError(rule.file, rule.id, 'detect.name', `no detector "${d.name}"; known: ${Object.keys(DETECTORS).join(', ')}`);
      }
      try {
        return factory({ options: d.options ?? {}, lists: catalog.lists, ruleId: rule.id });
      } catch (err) {
        if (err instanceof CatalogError) throw err;
        throw new CatalogError(rule.file, rule.id, 'detect.options', (err as Error).message);
      }
    }
  }
}
