/**
 * `npm run eval`: scores the engine on the labelled development set
 * (shared/eval/dev.jsonl) and prints the table. `--misses` lists what it got
 * wrong, `--theme T` narrows that list, `--json` prints the report as JSON.
 */
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DraftError, review, type Review } from '../engine/index.js';
import { formatReport, LabelledPostSchema, score, type LabelledPost } from './score.js';

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_DEV_SET = join(here, '..', '..', '..', 'shared', 'eval', 'dev.jsonl');

const { values } = parseArgs({
  options: {
    file: { type: 'string', default: DEFAULT_DEV_SET },
    misses: { type: 'boolean', default: false },
    theme: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

function readSet(path: string): LabelledPost[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line, i) => {
      const parsed = LabelledPostSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return parsed.data;
    });
}

function reviewOf(post: LabelledPost): Review {
  try {
    return review(post.text);
  } catch (err) {
    // A rewrite that removed everything has nothing left to flag.
    if (err instanceof DraftError) return { findings: [], rewrite: '' };
    throw err;
  }
}

try {
  const report = score(readSet(values.file), reviewOf);
  if (values.theme) report.misses = report.misses.filter((m) => m.theme === values.theme);
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${formatReport(report, { showMisses: values.misses || values.theme !== undefined })}\n`);
} catch (err) {
  process.stderr.write(`eval: ${(err as Error).message}\n`);
  process.exitCode = 2;
}
