/** `postcheck rules`: the catalogue by theme, and the checklist of practices text cannot show. */
import type { Engine } from '../engine/index.js';
import { THEMES, THEME_TITLES } from '../engine/types.js';

export function formatRules(engine: Engine, format: 'text' | 'json'): string {
  const rules = engine.rules.map(({ spec }) => ({
    id: spec.id,
    practice: spec.practice,
    theme: spec.theme,
    severity: spec.severity,
    message: spec.message,
    why: spec.why,
  }));
  const checklist = engine.practices
    .filter((p) => !p.checkable)
    .map((p) => ({ practice: p.id, theme: p.theme, question: p.checklist ?? p.title }));
  if (format === 'json') return JSON.stringify({ rules, checklist }, null, 2);

  const out: string[] = [];
  for (const theme of THEMES) {
    out.push(`${THEME_TITLES[theme]} (${theme})`);
    for (const p of engine.practices.filter((p) => p.theme === theme)) {
      const own = rules.filter((r) => r.practice === p.id);
      out.push(`  ${p.id.padEnd(4)} ${p.title}`);
      if (!p.checkable) out.push(`       checklist: ${p.checklist ?? ''}`);
      for (const r of own) out.push(`       ${r.severity.padEnd(10)} ${r.id}: ${r.message}`);
    }
    out.push('');
  }
  out.push(`${rules.length} rules; ${checklist.length} practices are checklist items (text cannot show them).`);
  return out.join('\n');
}
