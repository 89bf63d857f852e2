/**
 * The human-readable review for a terminal: findings grouped by theme in a
 * fixed order (severity, excerpt, message, suggestion, evidence), then the
 * rewritten draft. Colour only when asked (the caller decides: a TTY and no
 * NO_COLOR). This output stays on the author's own machine, so excerpts are
 * shown as typed.
 */
import pc from 'picocolors';
import { THEMES, THEME_TITLES, type Finding, type Review, type Severity } from '../engine/types.js';

export interface TextOptions {
  color: boolean;
  /** Show the words that raised or lowered a scored finding (default true). */
  showEvidence?: boolean;
}

const EXCERPT_MAX = 90;

function clip(text: string, max = EXCERPT_MAX): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}

export function summaryLine(review: Review): string {
  const n = review.findings.length;
  if (n === 0) return 'No findings: nothing to change before posting.';
  const bySeverity = (s: Severity) => review.findings.filter((f) => f.severity === s).length;
  const parts = (['error', 'warning', 'suggestion'] as const)
    .map((s) => [s, bySeverity(s)] as const)
    .filter(([, k]) => k > 0)
    .map(([s, k]) => `${k} ${s}${k === 1 ? '' : 's'}`);
  const themes = new Set(review.findings.map((f) => f.theme)).size;
  return `${n} finding${n === 1 ? '' : 's'} (${parts.join(', ')}) in ${themes} theme${themes === 1 ? '' : 's'}.`;
}

export function formatText(review: Review, options: TextOptions): string {
  const c = pc.createColors(options.color);
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, suggestion: c.cyan };
  const showEvidence = options.showEvidence ?? true;
  const out: string[] = [];
  if (review.id !== undefined) out.push(c.dim(`[${review.id}]`));
  out.push(c.bold(summaryLine(review)));

  for (const theme of THEMES) {
    const findings = review.findings.filter((f) => f.theme === theme);
    if (findings.length === 0) continue;
    out.push('', c.bold(c.underline(THEME_TITLES[theme])));
    for (const f of findings) out.push(...formatFinding(f, paint[f.severity], c, showEvidence));
  }

  if (review.findings.length > 0) {
    out.push('', c.bold('Rewritten draft:'), ...review.rewrite.split('\n').map((line) => `  ${line}`));
  }
  return out.join('\n');
}

function formatFinding(
  f: Finding,
  paint: (s: string) => string,
  c: ReturnType<typeof pc.createColors>,
  showEvidence: boolean,
): string[] {
  const lines = [
    `  ${paint(f.severity.padEnd(10))} “${clip(f.text)}”  ${c.dim(`${f.practice} · ${f.rule}`)}`,
    `             ${f.message}`,
  ];
  if (f.suggestion !== null) {
    lines.push(`             ${c.green('→')} ${f.suggestion.trim() === '' ? c.dim('(remove)') : `“${clip(f.suggestion)}”`}`);
  }
  if (showEvidence && f.evidence && f.evidence.length > 0) {
    const confidence = f.confidence !== undefined ? ` (confidence ${f.confidence.toFixed(2)})` : '';
    lines.push(c.dim(`             evidence: ${f.evidence.join('; ')}${confidence}`));
  }
  lines.push(c.dim(`             why: ${f.why}`));
  return lines;
}
