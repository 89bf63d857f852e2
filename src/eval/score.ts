/**
 * Scores reviews against a labelled set, with exactly the definitions of
 * shared/eval/README.md. Pure: labelled posts and a review function in,
 * figures out.
 */
import { z } from 'zod';
import { THEMES, type Review, type Theme } from '../engine/types.js';

export const LabelledPostSchema = z.object({
  id: z.string(),
  platform: z.string().optional(),
  author: z.string().optional(),
  text: z.string(),
  expect: z.object({
    compliance: z.boolean(),
    professionalism: z.boolean(),
    security: z.boolean(),
    'spine-care': z.boolean(),
  }),
  phi: z.array(z.string()).default([]),
  why: z.string().optional(),
});
export type LabelledPost = z.infer<typeof LabelledPostSchema>;

export interface ThemeScore {
  theme: Theme;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Miss {
  id: string;
  theme: Theme | 'identifier';
  kind: 'false-positive' | 'false-negative';
  /** Rule ids that fired (false positives) or the missed identifier. */
  detail: string[];
}

export interface EvalReport {
  posts: number;
  themes: ThemeScore[];
  identifiers: { total: number; caught: number; recall: number };
  cleanPosts: number;
  cleanFalseAlarms: number;
  falseAlarmRate: number;
  rewrite: { phiLeft: number; errorPosts: number; cleanRewrites: number; cleanShare: number };
  misses: Miss[];
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** A post is flagged for a theme when a finding of it is an error or a warning. */
export function flaggedThemes(review: Review): Set<Theme> {
  return new Set(review.findings.filter((f) => f.severity !== 'suggestion').map((f) => f.theme));
}

function occurrences(text: string, needle: string): number[] {
  const at: number[] = [];
  if (needle.length === 0) return at;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) at.push(i);
  return at;
}

export function score(posts: readonly LabelledPost[], reviewOf: (post: LabelledPost) => Review): EvalReport {
  const counts = new Map<Theme, { tp: number; fp: number; fn: number }>(THEMES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const misses: Miss[] = [];
  let idTotal = 0;
  let idCaught = 0;
  let cleanPosts = 0;
  let cleanFalseAlarms = 0;
  let phiLeft = 0;
  let errorPosts = 0;
  let cleanRewrites = 0;

  for (const post of posts) {
    const review = reviewOf(post);
    const flagged = flaggedThemes(review);
    for (const theme of THEMES) {
      const c = counts.get(theme) as { tp: number; fp: number; fn: number };
      const expected = post.expect[theme];
      const got = flagged.has(theme);
      if (expected && got) c.tp++;
      else if (!expected && got) {
        c.fp++;
        const rules = review.findings.filter((f) => f.theme === theme && f.severity !== 'suggestion');
        misses.push({ id: post.id, theme, kind: 'false-positive', detail: rules.map((f) => `${f.rule} «${f.text}»`) });
      } else if (expected && !got) {
        c.fn++;
        misses.push({ id: post.id, theme, kind: 'false-negative', detail: [] });
      }
    }
    if (THEMES.every((t) => !post.expect[t])) {
      cleanPosts++;
      if (flagged.size > 0) cleanFalseAlarms++;
    }
    const compliance = review.findings.filter((f) => f.theme === 'compliance' && f.severity !== 'suggestion');
    for (const phi of post.phi) {
      for (const start of occurrences(post.text, phi)) {
        idTotal++;
        const end = start + phi.length;
        if (compliance.some((f) => f.start < end && f.end > start)) idCaught++;
        else misses.push({ id: post.id, theme: 'identifier', kind: 'false-negative', detail: [phi] });
      }
      if (review.rewrite.includes(phi)) phiLeft++;
    }
    if (review.findings.some((f) => f.severity === 'error')) {
      errorPosts++;
      const again = reviewOf({ ...post, text: review.rewrite });
      if (!again.findings.some((f) => f.severity === 'error')) cleanRewrites++;
    }
  }

  const themes = THEMES.map((theme) => {
    const { tp, fp, fn } = counts.get(theme) as { tp: number; fp: number; fn: number };
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { theme, tp, fp, fn, precision, recall, f1 };
  });
  return {
    posts: posts.length,
    themes,
    identifiers: { total: idTotal, caught: idCaught, recall: ratio(idCaught, idTotal) },
    cleanPosts,
    cleanFalseAlarms,
    falseAlarmRate: cleanPosts === 0 ? 0 : cleanFalseAlarms / cleanPosts,
    rewrite: { phiLeft, errorPosts, cleanRewrites, cleanShare: ratio(cleanRewrites, errorPosts) },
    misses,
  };
}

const pct = (x: number) => x.toFixed(3);

export function formatReport(report: EvalReport, options: { showMisses?: boolean } = {}): string {
  const lines = [
    `Development set: ${report.posts} posts`,
    '',
    '| theme | TP | FP | FN | precision | recall | F1 |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...report.themes.map(
      (t) => `| ${t.theme} | ${t.tp} | ${t.fp} | ${t.fn} | ${pct(t.precision)} | ${pct(t.recall)} | ${pct(t.f1)} |`,
    ),
    '',
    '| measure | value |',
    '|---|---:|',
    `| identifier recall | ${pct(report.identifiers.recall)} (${report.identifiers.caught}/${report.identifiers.total}) |`,
    `| clean-post false alarms | ${pct(report.falseAlarmRate)} (${report.cleanFalseAlarms}/${report.cleanPosts}) |`,
    `| identifiers left in rewrites | ${report.rewrite.phiLeft} |`,
    `| rewrites that re-review with no error | ${pct(report.rewrite.cleanShare)} (${report.rewrite.cleanRewrites}/${report.rewrite.errorPosts}) |`,
  ];
  if (options.showMisses && report.misses.length > 0) {
    lines.push('', 'Misses:');
    for (const m of report.misses) lines.push(`  ${m.id} ${m.theme} ${m.kind}${m.detail.length ? `: ${m.detail.join('; ')}` : ''}`);
  }
  return lines.join('\n');
}
