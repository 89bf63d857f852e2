/** `npm start` (src/main.ts): local review without credentials, clear failures, a clean stop on SIGTERM. */
import { EventEmitter } from 'node:events';
import { PassThrough, Readable, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { main, SAMPLE_DRAFT, startFailure, type MainIo } from '../../src/main.js';
import { createSlackApp, StartError } from '../../src/slack/app.js';
import { BOT_TOKEN, FakeSlack, SIGNING_SECRET } from './helpers.js';

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

function io(over: Partial<MainIo> & { stdinText?: string; tty?: boolean } = {}) {
  const stdout = new Collect();
  const stderr = new Collect();
  let stdin: MainIo['stdin'];
  if (over.tty) stdin = Object.assign(new PassThrough(), { isTTY: true });
  else stdin = Readable.from(over.stdinText !== undefined ? [Buffer.from(over.stdinText)] : []);
  const logs: string[] = [];
  const value: MainIo = {
    stdin,
    stdout,
    stderr,
    env: {},
    logDestination: { write: (l: string) => void logs.push(l) },
    host: '127.0.0.1',
    ...over,
  };
  return { io: value, stdout, stderr, logs };
}

describe('without Slack credentials', () => {
  it('says so, shows how to review locally, reviews piped input and exits 0', async () => {
    const t = io({ stdinText: 'Your slipped disc is why your leg hurts.' });
    expect(await main(t.io)).toBe(0);
    expect(t.stderr.text).toContain('no Slack credentials');
    expect(t.stderr.text).toContain('npx postcheck review "your draft"');
    expect(t.stderr.text).toContain('standard input');
    expect(t.stdout.text).toContain('slipped disc');
    expect(t.stdout.text).toContain('disc herniation');
    expect(t.stdout.text).toContain('Spine Care');
    expect(t.stdout.text).not.toContain(SAMPLE_DRAFT);
  });

  it('reviews the built-in sample when stdin is a terminal', async () => {
    const t = io({ tty: true });
    expect(await main(t.io)).toBe(0);
    expect(t.stderr.text).toContain('sample draft');
    expect(t.stdout.text).toContain(SAMPLE_DRAFT);
    expect(t.stdout.text).toContain('disc herniation');
  });

  it('reviews the sample when piped input is empty', async () => {
    const t = io({ stdinText: '' });
    expect(await main(t.io)).toBe(0);
    expect(t.stdout.text).toContain(SAMPLE_DRAFT);
  });

  it('reports a draft that cannot be reviewed (exit 2)', async () => {
    const t = io({ stdinText: 'x'.repeat(40_001) });
    expect(await main(t.io)).toBe(2);
    expect(t.stderr.text).toContain('40,001 characters');
  });
});

describe('with wrong settings', () => {
  it('stops with one clear message naming the variable (exit 1)', async () => {
    const t = io({ env: { SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: 'x' } });
    expect(await main(t.io)).toBe(1);
    expect(t.stderr.text).toContain('postcheck cannot start: 2 settings need fixing');
    expect(t.stderr.text).toContain('SLACK_BOT_TOKEN is missing');
    expect(t.stderr.text).toContain('PORT "x" is not a port number');
    expect(t.stdout.text).toBe('');
  });
});

describe('with Slack credentials (HTTP mode against a fake Slack)', () => {
  let fake: FakeSlack | undefined;
  afterEach(async () => {
    await fake?.stop();
    fake = undefined;
  });

  async function fakeSlack(): Promise<FakeSlack> {
    fake = new FakeSlack();
    await fake.start();
    return fake;
  }

  it('a refused bot token stops the start with a clear message (exit 1)', async () => {
    const f = await fakeSlack();
    f.failures.set('auth.test', 'invalid_auth');
    const t = io({ env: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: f.apiUrl, PORT: '0' } });
    expect(await main(t.io)).toBe(1);
    expect(t.stderr.text).toContain('Slack refused SLACK_BOT_TOKEN (invalid_auth)');
    expect(t.stderr.text).not.toContain(BOT_TOKEN);
  });

  it('Socket Mode is used when SLACK_APP_TOKEN is set; a refused app token stops the start naming it', async () => {
    const f = await fakeSlack();
    f.failures.set('apps.connections.open', 'invalid_auth');
    const t = io({ env: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: 'xapp-1-A1-refused', SLACK_API_URL: f.apiUrl } });
    expect(await main(t.io)).toBe(1);
    expect(f.calls.map((c) => c.method)).toEqual(['auth.test', 'apps.connections.open']);
    expect(t.stderr.text).toContain('Slack refused SLACK_APP_TOKEN (invalid_auth)');
    expect(t.stderr.text).not.toContain('xapp-1-A1-refused');
  });

  it('runs until SIGTERM, then stops the app cleanly (exit 0)', async () => {
    const f = await fakeSlack();
    const signals = new EventEmitter();
    const t = io({
      env: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: f.apiUrl, PORT: '0', LOG_LEVEL: 'info' },
      signals,
    });
    const running = main(t.io);
    let port: number | undefined;
    for (let i = 0; i < 200 && port === undefined; i++) {
      const m = t.stderr.text.match(/listening on port (\d+)/);
      if (m) port = Number(m[1]);
      else await new Promise((r) => setTimeout(r, 25));
    }
    expect(port).toBeGreaterThan(0);
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    expect(f.calls.map((c) => c.method)).toEqual(['auth.test']);
    signals.emit('SIGTERM', 'SIGTERM');
    expect(await running).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    expect(t.logs.some((l) => l.includes('"msg":"stopped"'))).toBe(true);
    expect(signals.listenerCount('SIGINT')).toBe(0);
  });
});

describe('start failures', () => {
  const http: Config = { slack: { mode: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET }, port: 3000, logLevel: 'info' };
  const socket: Config = { slack: { mode: 'socket', botToken: BOT_TOKEN, appToken: 'xapp-1' }, port: 3000, logLevel: 'info' };

  it('name the setting to fix', () => {
    expect(startFailure(new StartError('bot-token', 'invalid_auth'), http)).toContain('Slack refused SLACK_BOT_TOKEN (invalid_auth)');
    expect(startFailure(new StartError('connect', 'invalid_auth'), socket)).toContain('Slack refused SLACK_APP_TOKEN (invalid_auth)');
    expect(startFailure(new StartError('listen', 'EADDRINUSE'), http)).toContain('port 3000 is already in use');
    expect(startFailure(new StartError('bot-token', 'ENOTFOUND'), http)).toContain('Check SLACK_BOT_TOKEN, SLACK_API_URL');
    const catalogue = startFailure(new StartError('catalogue', 'CatalogError', 'security.yml: rule x: bad regex'), http);
    expect(catalogue).toContain('the rule catalogue in rules/ did not load (CatalogError)');
    expect(catalogue).toContain('security.yml: rule x: bad regex');
  });

  it('a catalogue that does not load stops the start before Slack is contacted', async () => {
    const f = new FakeSlack();
    await f.start();
    try {
      const app = createSlackApp({
        slack: { mode: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: f.apiUrl },
        port: 0,
        log: createLogger({ level: 'silent' }),
        services: {
          practices: () => {
            throw Object.assign(new Error('rules/x.yml: broken'), { name: 'CatalogError' });
          },
        },
      });
      await expect(app.start({ port: 0, host: '127.0.0.1' })).rejects.toMatchObject({ phase: 'catalogue', code: 'CatalogError' });
      expect(f.calls).toEqual([]);
    } finally {
      await f.stop();
    }
  });
});
