/**
 * The identifier rules alone (rules/compliance.yml), so that a test sees what
 * these recognizers find and how they rewrite, without other teams' rules
 * merging into the same findings.
 */
import { createEngine, loadCatalog, type Finding, type Review } from '../../../src/engine/index.js';

const catalog = loadCatalog();
export const engine = createEngine({ ...catalog, rules: catalog.rules.filter((r) => r.file === 'compliance.yml') });

export function review(text: string): Review {
  return engine.review(text);
}

/** Findings of one rule that count (error or warning). */
export function hits(text: string, rule: string): Finding[] {
  return review(text).findings.filter((f) => f.rule === rule && f.severity !== 'suggestion');
}

/** The excerpts one rule flags in a text. */
export function flagged(text: string, rule: string): string[] {
  // Spans may take a comma or dash along with the identifier (so the rewrite reads well).
  return hits(text, rule).map((f) => f.text.replace(/^[\s,;:—–-]+|[\s,;:—–-]+$/g, ''));
}

/** The rewrite of a text, and whether reviewing it again still gives an error. */
export function rewriteOf(text: string): { rewrite: string; errorsAfter: string[] } {
  const { rewrite } = review(text);
  const errorsAfter = review(rewrite)
    .findings.filter((f) => f.severity === 'error')
    .map((f) => `${f.rule}: ${f.text}`);
  return { rewrite, errorsAfter };
}
