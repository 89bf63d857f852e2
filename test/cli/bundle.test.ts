import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The bundle is what `postcheck` runs (package.json "bin"); it must answer exactly as the modules it is built from.
const ROOT = join(import.meta.dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'bundle', 'postcheck.js');
const UNBUNDLED = join(ROOT, 'dist', 'cli', 'bin.js');

const run = (bin: string, args: string[], input?: string, nodeArgs: string[] = []) =>
  spawnSync(process.execPath, [...nodeArgs, bin, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

const batch = (n: number) =>
  `${Array.from({ length: n }, (_, i) =>
    i === 7
      ? '{"id": 7, "text": '
      : JSON.stringify({ id: i, text: i % 4 === 0 ? `Mrs. Okafor in bed ${i} had her fusion today, password: Spine${i}!` : `Post ${i}: rest, then walk a little more each day.` }),
  ).join('\n')}\n`;

const profiles = mkdtempSync(join(tmpdir(), 'postcheck-bundle-'));
afterAll(() => rmSync(profiles, { recursive: true, force: true }));

describe('the bundled command', () => {
  it('is built, and executable as package.json\'s bin (npx runs it through its #! line)', () => {
    expect(existsSync(BUNDLE), 'dist/bundle/ is missing: run npm ci or npm run build first').toBe(true);
    expect(statSync(BUNDLE).mode & 0o111).toBe(0o111);
  });

  it('answers a draft, the catalogue and bad usage as the unbundled build does', () => {
    const draft = 'Huge thanks to Mrs. Delgado (DOB 03/14/1952) for letting us share her story! Login: drsmith / Tr0ub4dor';
    for (const args of [['review', draft], ['review', '--format', 'json', draft], ['rules', '--format', 'json'], ['review', '--jobs', '0', '--jsonl']]) {
      const bundled = run(BUNDLE, args, '');
      const unbundled = run(UNBUNDLED, args, '');
      expect(bundled.stdout, args.join(' ')).toBe(unbundled.stdout);
      expect(bundled.stderr, args.join(' ')).toBe(unbundled.stderr);
      expect(bundled.status, args.join(' ')).toBe(unbundled.status);
    }
  });

  it('shares a batch with its bundled worker thread and answers as one thread does', () => {
    const input = batch(260);
    const alone = run(UNBUNDLED, ['review', '--jsonl', '--jobs', '1'], input);
    const shared = run(BUNDLE, ['review', '--jsonl', '--jobs', '2'], input, ['--cpu-prof', `--cpu-prof-dir=${profiles}`]);
    expect(shared.stdout).toBe(alone.stdout);
    expect(shared.status).toBe(2);
    expect(shared.stdout.trim().split('\n')).toHaveLength(260);
    // One profile per thread: the worker was found next to the bundle and ran (else the main thread does it all).
    expect(readdirSync(profiles).filter((f) => f.endsWith('.cpuprofile'))).toHaveLength(2);
  });

  it('starts its worker from two lines, not for one (split.ts: SPLIT_MIN_LINES)', () => {
    const threadsFor = (lines: number) => {
      const dir = mkdtempSync(join(profiles, `lines-${lines}-`));
      const input = batch(lines);
      const shared = run(BUNDLE, ['review', '--jsonl', '--jobs', '2'], input, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
      expect(shared.stdout).toBe(run(UNBUNDLED, ['review', '--jsonl', '--jobs', '1'], input).stdout);
      return readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).length;
    };
    expect(threadsFor(1)).toBe(1);
    expect(threadsFor(2)).toBe(2);
  });
});
