/** The CLI contract of shared/design.md, driven in-process with fake streams. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';

class Sink extends Writable {
  data = '';
  isTTY = false;
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void) {
    this.data += chunk.toString();
    done();
  }
}

async function cli(args: string[], stdin: string | Buffer | null = null, env: NodeJS.ProcessEnv = {}) {
  const stdout = new Sink();
  const stderr = new Sink();
  const input = Object.assign(Readable.from(stdin === null ? [] : [Buffer.from(stdin)]), { isTTY: stdin === null });
  const code = await run(args, { stdout, stderr, stdin: input, env });
  return { code, out: stdout.data, err: stderr.data };
}

const FLAGGED = 'Honestly your slipped disc is the reason for the pain.';

describe('postcheck review', () => {
  it('reviews a draft given as arguments, grouped by theme, with the rewrite', async () => {
    const { code, out } = await cli(['review', ...FLAGGED.split(' ')]);
    expect(code).toBe(0);
    expect(out).toContain('Spine Care');
    expect(out).toContain('slipped disc');
    expect(out).toContain('Rewritten draft:');
    expect(out).toContain('disc herniation');
    expect(out).not.toMatch(/\x1b\[/);
  });

  it('colours only when asked or on a terminal', async () => {
    expect((await cli(['review', '--color', FLAGGED])).out).toMatch(/\x1b\[/);
    expect((await cli(['review', FLAGGED], null, { FORCE_COLOR: '1' })).out).toMatch(/\x1b\[/);
  });

  it('prints one Review as JSON with offsets into the input', async () => {
    const { code, out } = await cli(['review', '--format', 'json'], FLAGGED);
    expect(code).toBe(0);
    const review = JSON.parse(out) as { findings: { start: number; end: number; text: string }[]; rewrite: string };
    expect(review.findings.length).toBeGreaterThan(0);
    for (const f of review.findings) expect(FLAGGED.slice(f.start, f.end)).toBe(f.text);
    expect(review.rewrite).toContain('disc herniation');
  });

  it('reads --file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'postcheck-'));
    const file = join(dir, 'draft.txt');
    writeFileSync(file, FLAGGED);
    const { code, out } = await cli(['review', '--file', file, '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(out).findings.length).toBeGreaterThan(0);
  });

  it('exits 1 when a finding is an error', async () => {
    // A catalogue rule of severity error, found through the rules command so the test follows the catalogue.
    const rules = JSON.parse((await cli(['rules', '--format', 'json'])).out) as { rules: { id: string; severity: string }[] };
    const { getEngine } = await import('../../src/engine/index.js');
    const errorRule = getEngine().rules.find((r) => r.spec.severity === 'error');
    expect(rules.rules.length).toBe(getEngine().rules.length);
    expect(errorRule, 'the catalogue has a rule of severity error').toBeDefined();
    const example = errorRule?.spec.examples.flag[0];
    const text = typeof example === 'string' ? example : (example?.text ?? '');
    expect((await cli(['review', text])).code).toBe(1);
  });

  it('answers bad input with a clear message and exit 2, never a stack trace', async () => {
    const cases = [
      await cli(['review'], '   \n\t '),
      await cli(['review'], Buffer.from([0xff, 0xfe, 0x41])),
      await cli(['review', '--file', '/no/such/file.txt']),
      await cli(['review', 'x'.repeat(40_001)]),
      await cli(['review', '--format', 'yaml', 'hello']),
      await cli(['review']),
      await cli(['frobnicate']),
    ];
    for (const c of cases) {
      expect(c.code).toBe(2);
      expect(c.err).not.toMatch(/\n\s+at /);
      expect(c.err.length).toBeGreaterThan(0);
    }
    expect(cases[0]?.err).toMatch(/empty/);
    expect(cases[1]?.err).toMatch(/UTF-8/);
    expect(cases[2]?.err).toMatch(/no such file/);
    expect(cases[3]?.err).toMatch(/40,000/);
  });

  it('reviews a draft of exactly 40,000 characters', async () => {
    const text = `${'Stay active. '.repeat(3077)}ok`.slice(0, 40_000);
    const { code } = await cli(['review', '--format', 'json'], text);
    expect(code).toBe(0);
  });
});

describe('postcheck review --jsonl', () => {
  it('answers each line in order with its id; a bad line gives an error and the batch goes on', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: FLAGGED }),
      'not json',
      JSON.stringify({ id: 'b', text: '  ' }),
      JSON.stringify({ id: 'c', text: 'A clean post about walking.', platform: 'linkedin' }),
      JSON.stringify({ id: 'd', text: 'x', platform: 'myspace' }),
      JSON.stringify({ text: 'no id' }),
    ].join('\n');
    const { code, out } = await cli(['review', '--jsonl'], input);
    expect(code).toBe(2);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual(['a', null, 'b', 'c', 'd', null]);
    expect(lines[0]).toHaveProperty('findings');
    expect(lines[0]).toHaveProperty('rewrite');
    expect(lines[1]).toHaveProperty('error');
    expect(lines[2]?.error).toMatch(/empty/);
    expect(lines[3]).toMatchObject({ findings: [] });
    expect(lines[4]?.error).toMatch(/platform/);
    expect(lines[5]?.error).toMatch(/id/);
  });

  it('exits 0 when every line was reviewed, whatever was found', async () => {
    const input = `${JSON.stringify({ id: 1, text: FLAGGED })}\n\n${JSON.stringify({ id: 2, text: 'Walk daily.' })}\n`;
    const { code, out } = await cli(['review', '--jsonl'], input);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(2);
  });

  it('isolates a line that is not UTF-8', async () => {
    const good = Buffer.from(`${JSON.stringify({ id: 'ok', text: 'Walk daily.' })}\n`);
    const { code, out } = await cli(['review', '--jsonl'], Buffer.concat([Buffer.from([0xc3, 0x28, 0x0a]), good]));
    expect(code).toBe(2);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { id: string | null; error?: string });
    expect(lines[0]?.error).toMatch(/UTF-8/);
    expect(lines[1]?.id).toBe('ok');
  });
});

describe('postcheck rules', () => {
  it('lists rules by theme and the checklist of practices text cannot show', async () => {
    const { code, out } = await cli(['rules']);
    expect(code).toBe(0);
    for (const title of ['Compliance and Confidentiality', 'Professionalism', 'Security and Access', 'Spine Care']) {
      expect(out).toContain(title);
    }
    expect(out).toMatch(/checklist:/);
    const json = JSON.parse((await cli(['rules', '--format', 'json'])).out) as { checklist: { practice: string }[] };
    expect(json.checklist.map((c) => c.practice)).toEqual(expect.arrayContaining(['C8', 'P1', 'S5', 'S6', 'S8', 'SC8']));
  });
});
