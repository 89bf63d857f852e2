/**
 * The engine: a compiled catalogue that reviews drafts. Pure: text in,
 * Review out; no I/O, no logging, no Slack.
 */
import type { Catalog } from './catalog/parse.js';
import type { Practice } from './catalog/schema.js';
import { hasMatch } from './catalog/anchors.js';
import { compileRule, type CompiledRule } from './catalog/compile.js';
import { compileCues, isHedged, isNegated, type ContextCues } from './context.js';
import { disclosureTagPattern, keepingDisclosures } from './disclosure-tags.js';
import type { Candidate, Post } from './detectors/types.js';
import { checkDraft } from './limits.js';
import { createParser } from './nlp.js';
import { normalize, type Normalized } from './normalize.js';
import { applyEdits, compatibleEdits, matchCase, type Edit } from './rewrite.js';
import { Structure } from './structure.js';
import { twoByteForm } from './two-byte.js';
import { SEVERITY_RANK, THEMES, type Finding, type Review, type ReviewOptions } from './types.js';

export interface Engine {
  review(text: string, options?: ReviewOptions): Review;
  /**
   * One share of a review: the findings of the rules `share` picks (by their
   * place in `rules`), before findings are merged. Plain data, so that two
   * threads can each run part of the catalogue on the same draft
   * (cli/split.ts); `finish` merges the shares into the Review that
   * `review` gives. Throws DraftError as `review` does.
   */
  locate(text: string, options?: ReviewOptions, share?: (ruleIndex: number) => boolean): Located[];
  finish(text: string, located: readonly Located[]): Review;
  readonly rules: readonly CompiledRule[];
  readonly practices: readonly Practice[];
}

/** A rule's finding before findings are merged. */
export interface Located {
  /** The rule's place in the catalogue: shares merge in this order, as one thread would have found them. */
  rule: number;
  finding: Finding;
  edit?: EditRecipe;
}

/** What the rewrite puts in place of [start, end): data from which rewrite.ts's Edit is built. */
export interface EditRecipe {
  start: number;
  end: number;
  priority: number;
  source: string;
  template: string;
  keepCase: boolean;
  groups?: readonly (string | undefined)[];
}

export function createEngine(catalog: Catalog): Engine {
  const rules = catalog.rules.map((r) => compileRule(r, catalog));
  const cues = compileCues(catalog.lists);
  const disclosureTags = disclosureTagPattern(catalog.lists.get('disclosures'));
  const locateIn = (text: string, options: ReviewOptions = {}, share?: (ruleIndex: number) => boolean) =>
    locateAll(rules, cues, disclosureTags, text, options, share);
  return {
    rules,
    practices: catalog.practices,
    review: (text, options) => finish(text, locateIn(text, options)),
    locate: locateIn,
    finish,
  };
}

function locateAll(
  rules: readonly CompiledRule[],
  cues: ContextCues,
  disclosureTags: RegExp | undefined,
  original: string,
  options: ReviewOptions,
  share: ((ruleIndex: number) => boolean) | undefined,
): Located[] {
  checkDraft(original);
  const normalized = normalize(original);
  const text = twoByteForm(normalized.text);
  const post: Post = {
    text,
    structure: new Structure(text, normalized.clauseDashes),
    platform: options.platform ?? 'any',
    parse: createParser(text),
  };
  const themes = options.themes ?? THEMES;
  const located: Located[] = [];
  for (let index = 0; index < rules.length; index++) {
    if (share && !share(index)) continue;
    const rule = rules[index] as CompiledRule;
    const spec = rule.spec;
    if (!themes.includes(spec.theme)) continue;
    if (spec.platforms && post.platform !== 'any' && !spec.platforms.includes(post.platform)) continue;
    if (!postAllows(rule, post.text)) continue;
    const candidates = rule.detect(post);
    if (candidates.length === 0) continue;
    // A rule's sentence-level context is the same for every candidate in a sentence: weighed once.
    const verdicts = new Map<number, boolean>();
    for (const candidate of candidates) {
      if (!candidateHolds(rule, candidate, post, cues, verdicts)) continue;
      located.push(locate(index, rule, candidate, post, normalized, original, disclosureTags));
    }
  }
  return located;
}

function finish(original: string, shares: readonly Located[]): Review {
  // Stable: a rule's findings keep the order its detector gave them.
  const located = [...shares].sort((a, b) => a.rule - b.rule);
  const edits = compatibleEdits(editsOf(located));
  return { findings: mergeOverlapping(located, original), rewrite: applyEdits(original, edits) };
}

function editsOf(located: readonly Located[]): Edit[] {
  const edits: Edit[] = [];
  for (const l of located) {
    const recipe = l.edit;
    if (!recipe) continue;
    edits.push({
      start: recipe.start,
      end: recipe.end,
      priority: recipe.priority,
      source: recipe.source,
      build: (inner) => suggest(recipe, inner),
      keepsInner: recipe.template.includes('$0'),
    });
  }
  return edits;
}

function suggest(recipe: Pick<EditRecipe, 'template' | 'keepCase' | 'groups'>, inner: string): string {
  const filled = fillTemplate(recipe.template, inner, recipe.groups);
  return recipe.keepCase ? filled : matchCase(inner, filled);
}

function postAllows(rule: CompiledRule, text: string): boolean {
  // What a rule requires is rare in a post (that is why it is required): asked first, it spares the other scans.
  if (rule.requiresPost.length > 0 && !rule.requiresPost.some((re) => hasMatch(re, text))) return false;
  return !rule.unlessPost.some((re) => hasMatch(re, text));
}

function candidateHolds(
  rule: CompiledRule,
  c: Candidate,
  post: Post,
  cues: ContextCues,
  verdicts: Map<number, boolean>,
): boolean {
  const ctx = rule.spec.context;
  const { text, structure } = post;
  if (!c.contextChecked) {
    if (ctx.quoted === 'skip' && structure.isQuoted(c.start, c.end)) return false;
    if (ctx.negation === 'skip' && isNegated(text, structure, c.start, cues)) return false;
    if (ctx.hedged === 'skip' && isHedged(text, structure, c.start, cues)) return false;
  }
  if (rule.requires.length === 0 && rule.unless.length === 0) return true;
  const s = structure.sentenceAt(c.start);
  // A candidate that runs past its sentence is weighed with the text it covers.
  const shared = c.end <= s.end;
  const known = shared ? verdicts.get(s.start) : undefined;
  if (known !== undefined) return known;
  const sentence = text.slice(s.start, Math.max(s.end, c.end));
  const holds =
    !rule.unless.some((re) => re.test(sentence)) && (rule.requires.length === 0 || rule.requires.some((re) => re.test(sentence)));
  if (shared) verdicts.set(s.start, holds);
  return holds;
}

function locate(
  index: number,
  rule: CompiledRule,
  c: Candidate,
  post: Post,
  normalized: Normalized,
  original: string,
  disclosureTags: RegExp | undefined,
): Located {
  const spec = rule.spec;
  let { start, end } = c;
  if (spec.span !== 'match') {
    const outer = spec.span === 'sentence' ? post.structure.sentenceAt(c.start) : post.structure.clauseAt(c.start);
    ({ start, end } = post.structure.keepQuotesWhole(Math.min(start, outer.start), Math.max(end, outer.end), c.start, c.end));
  }
  const [oStart, oEnd] = normalized.toOriginal(start, end);
  const excerpt = original.slice(oStart, oEnd);
  const severity = c.severity ?? spec.severity;
  const written = c.replacement !== undefined ? c.replacement : (spec.suggestion?.replace ?? null);
  // A suggestion in place of the text (rather than around it, "$0 …") keeps the author's "#ad" (disclosure-tags.ts).
  const template = written === null || written.includes('$0') ? written : keepingDisclosures(written, excerpt, disclosureTags);
  const recipe = template === null ? undefined : { template, keepCase: c.keepCase === true, ...(c.groups ? { groups: c.groups } : {}) };
  const finding: Finding = {
    rule: spec.id,
    practice: spec.practice,
    theme: spec.theme,
    severity,
    start: oStart,
    end: oEnd,
    text: excerpt,
    message: c.message ?? spec.message,
    why: spec.why,
    suggestion: recipe ? suggest(recipe, excerpt) : null,
  };
  if (c.confidence !== undefined) finding.confidence = Math.round(c.confidence * 100) / 100;
  if (c.evidence && c.evidence.length > 0) finding.evidence = c.evidence;
  const sensitive = c.sensitive ?? spec.sensitive;
  if (sensitive) finding.sensitive = sensitive;
  if (!recipe) return { rule: index, finding };
  const priority = SEVERITY_RANK[severity] * 1e6 - (oEnd - oStart);
  return { rule: index, finding, edit: { start: oStart, end: oEnd, priority, source: spec.id, ...recipe } };
}

function fillTemplate(template: string, whole: string, groups: readonly (string | undefined)[] | undefined): string {
  return template.replace(/\$(\d)/g, (_, d: string) => (d === '0' ? whole : (groups?.[Number(d) - 1] ?? '')));
}

/**
 * One finding per problem: overlapping findings of the same theme become one
 * (the most severe speaks for them, its span covers them all and its
 * suggestion applies all their edits). Findings of different themes stay
 * apart even when they overlap, since each is a different concern.
 */
function mergeOverlapping(located: readonly Located[], original: string): Finding[] {
  const sorted = [...located].sort((a, b) => a.finding.start - b.finding.start || b.finding.end - a.finding.end);
  const out: Finding[] = [];
  for (const theme of THEMES) {
    let group: Located[] = [];
    let groupEnd = -1;
    const flush = () => {
      if (group.length > 0) out.push(mergeGroup(group, original));
      group = [];
    };
    for (const l of sorted) {
      if (l.finding.theme !== theme) continue;
      if (group.length > 0 && l.finding.start >= groupEnd) flush();
      group.push(l);
      groupEnd = Math.max(group.length === 1 ? l.finding.end : groupEnd, l.finding.end);
    }
    flush();
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}

function mergeGroup(group: Located[], original: string): Finding {
  if (group.length === 1) return (group[0] as Located).finding;
  const lead = [...group].sort(
    (a, b) =>
      SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] ||
      b.finding.end - b.finding.start - (a.finding.end - a.finding.start),
  )[0] as Located;
  const start = Math.min(...group.map((l) => l.finding.start));
  const end = Math.max(...group.map((l) => l.finding.end));
  const edits = compatibleEdits(editsOf(group));
  const merged: Finding = {
    ...lead.finding,
    start,
    end,
    text: original.slice(start, end),
    suggestion: edits.length > 0 ? applyEdits(original, edits, start, end) : null,
  };
  const evidence = [...new Set(group.flatMap((l) => l.finding.evidence ?? []))];
  if (evidence.length > 0) merged.evidence = evidence;
  // The merged excerpt holds every member's text: if any was sensitive, so is it.
  const sensitive = lead.finding.sensitive ?? group.find((l) => l.finding.sensitive)?.finding.sensitive;
  if (sensitive) merged.sensitive = sensitive;
  return merged;
}
