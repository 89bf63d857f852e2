/**
 * The engine's public entry. `review` uses the catalogue in rules/, loaded and
 * compiled on first use and kept for every later review.
 */
import { loadCatalog } from './catalog/load.js';
import { createEngine, type Engine } from './engine.js';
import type { Review, ReviewOptions } from './types.js';

let defaultEngine: Engine | undefined;

export function getEngine(): Engine {
  defaultEngine ??= createEngine(loadCatalog());
  return defaultEngine;
}

/**
 * Reviews every rule's own examples once. V8 compiles a regular expression
 * on its first use and optimises hot code later; a server that takes a burst
 * of requests right after start would otherwise pay for that inside its
 * first acknowledgements.
 */
export function warmUp(engine: Engine = getEngine()): void {
  for (const { spec } of engine.rules) {
    for (const example of [...spec.examples.flag, ...spec.examples.pass]) {
      engine.review(typeof example === 'string' ? example : example.text);
    }
  }
}

export function review(text: string, options?: ReviewOptions): Review {
  return getEngine().review(text, options);
}

export { createEngine, type Engine, type Located, type EditRecipe } from './engine.js';
export { loadCatalog, readCatalogFiles, DEFAULT_RULES_DIR } from './catalog/load.js';
export { parseCatalog, type Catalog, type CatalogRule, type SourceFile } from './catalog/parse.js';
export { CatalogError } from './catalog/errors.js';
export type { Practice } from './catalog/schema.js';
export { DraftError, MAX_DRAFT_CHARS, type DraftProblem } from './limits.js';
export * from './types.js';
export { createMasker, maskExcerpt, maskWithin, maskReview } from './mask.js';
