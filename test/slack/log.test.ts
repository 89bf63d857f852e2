import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boltLogger, createLogger, errorCode, REDACTED, sanitizeBoltMessage } from '../../src/log.js';
import { commandBody, globalShortcut, messageShortcut, payloadBody, startHarness, viewSubmission, type Harness } from './helpers.js';

function capture(level: 'trace' | 'info' | 'warn' = 'trace') {
  const lines: string[] = [];
  const log = createLogger({ level, destination: { write: (line: string) => void lines.push(line) } });
  return { log, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('createLogger', () => {
  it('writes JSON lines to the injected destination', () => {
    const { log, parsed } = capture();
    log.info({ kind: 'command', team: 'T1' }, 'hello');
    expect(parsed()).toMatchObject([{ level: 30, kind: 'command', team: 'T1', msg: 'hello', name: 'postcheck' }]);
  });

  it('redacts the known paths of draft text, should they ever be passed', () => {
    const { log, lines } = capture();
    const secret = 'Zebraquill patient draft';
    log.info(
      {
        text: secret,
        draft: secret,
        excerpt: secret,
        rewrite: secret,
        suggestion: secret,
        body: { text: secret },
        payload: { message: { text: secret } },
        message: { text: secret },
        view: { state: secret },
        finding: { text: secret, excerpt: secret, suggestion: secret },
        blocks: [secret],
      },
      'safety net',
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('Zebraquill');
    expect(lines[0]).toContain(REDACTED);
  });

  it('serialises errors as type and code only (no message, data or stack)', () => {
    const { log, lines } = capture();
    const error = Object.assign(new Error('failed for Zebraquill draft'), { code: 'slack_webapi_platform_error', data: { ok: false, error: 'not_in_channel', text: 'Zebraquill' } });
    log.error({ err: error }, 'api failed');
    const line = JSON.parse(lines[0]!) as { err: unknown };
    expect(line.err).toEqual({ type: 'Error', code: 'not_in_channel' });
    expect(lines[0]).not.toContain('Zebraquill');
  });
});

describe('errorCode', () => {
  it('prefers Slack error codes, then codes, then status, then names', () => {
    expect(errorCode({ data: { error: 'not_in_channel' }, code: 'slack_webapi_platform_error' })).toBe('not_in_channel');
    expect(errorCode({ code: 'ECONNREFUSED' })).toBe('ECONNREFUSED');
    expect(errorCode({ statusCode: 404 })).toBe('http_404');
    expect(errorCode(new TypeError('x'))).toBe('TypeError');
    expect(errorCode({ code: 'has spaces and Zebraquill words' })).toBe('unknown_error');
    expect(errorCode('plain string')).toBe('string');
  });
});

describe('boltLogger', () => {
  it('never forwards debug lines (they carry request bodies), even at trace level', () => {
    const { log, lines } = capture('trace');
    const bolt = boltLogger(log);
    bolt.debug('ack() response sent (body: {"text":"Zebraquill"})');
    bolt.debug({ body: 'Zebraquill' });
    expect(lines).toEqual([]);
  });

  it('forwards info, warn and error cut at the first quotation mark, objects dropped', () => {
    const { log, parsed } = capture('trace');
    const bolt = boltLogger(log);
    bolt.warn('Malformed request body: Unexpected token \'Z\', "Zebraquill draft" is not valid JSON');
    bolt.error('Slack API error: not_in_channel', { data: { text: 'Zebraquill' } }, new Error('Zebraquill'));
    bolt.info('Unhandled HTTP request (GET) made to /x');
    const lines = parsed();
    expect(lines.map((l) => l.level)).toEqual([40, 50, 30]);
    expect(JSON.stringify(lines)).not.toContain('Zebraquill');
    expect(lines[0]!.msg).toBe('Malformed request body: Unexpected token […]');
    expect(lines[1]).toMatchObject({ source: 'bolt', msg: 'Slack API error: not_in_channel', cause: { type: 'Error', code: 'Error' } });
  });

  it('respects the level and reports it to Bolt', () => {
    const { log, lines } = capture('warn');
    const bolt = boltLogger(log);
    bolt.info('not shown');
    bolt.warn('shown');
    expect(lines).toHaveLength(1);
    expect(bolt.getLevel()).toBe('warn');
  });

  it('caps long messages', () => {
    expect(sanitizeBoltMessage(['x'.repeat(1000)]).msg.length).toBeLessThanOrEqual(301);
    expect(sanitizeBoltMessage(['first line\nsecond line']).msg).toBe('first line');
  });
});

describe('what the running app logs', () => {
  const MARK = 'Zebraquill';
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });

  afterAll(async () => {
    await h.stop();
  });

  it('never logs a draft, an excerpt, a suggestion or a rewrite, in any path, at trace level', async () => {
    const draft = `${MARK} says: your slipped disc is why your leg hurts. Call me.`;
    await h.deliver(commandBody({ text: draft, response_url: h.fake.responseUrl('a') }));
    await h.deliver(commandBody({ text: `help ${MARK}`, response_url: h.fake.responseUrl('b') }));
    await h.deliver(payloadBody(messageShortcut({ text: draft, response_url: h.fake.responseUrl('c') })));
    h.fake.failures.set('chat.postMessage', 'not_in_channel');
    await h.deliver(payloadBody(messageShortcut({ text: draft, ts: '1700000000.000999', response_url: h.fake.responseUrl('d') })));
    h.fake.failures.clear();
    await h.deliver(payloadBody(globalShortcut()));
    await h.deliver(payloadBody(viewSubmission(draft)));
    // A signed request whose payload is not JSON: Bolt reports the parse error, which quotes the body.
    const malformed = await h.deliver(`payload=${encodeURIComponent(`{"text": ${MARK} draft}`)}`);
    expect(malformed.status).toBe(400);
    expect(h.logs.some((l) => l.includes('Malformed request body'))).toBe(true);
    // Unsigned and stale requests are refused, and logged without their body.
    await h.deliver(commandBody({ text: draft, response_url: h.fake.responseUrl('e') }), { unsigned: true });
    await h.deliver(commandBody({ text: draft, response_url: h.fake.responseUrl('f') }), { timestamp: Math.floor(Date.now() / 1000) - 3600 });

    expect(h.logs.length).toBeGreaterThan(5);
    for (const line of h.logs) {
      expect(line).not.toContain(MARK);
      expect(line).not.toContain('slipped disc');
      expect(line).not.toContain('disc herniation');
      expect(line).not.toContain('leg hurts');
      expect(line).not.toContain('xoxb-');
    }
  });

  it('logs the request kind, team and channel ids, counts per theme and durations', async () => {
    const before = h.logs.length;
    await h.deliver(commandBody({ text: 'a slipped disc and bone on bone', channel_id: 'C77', response_url: h.fake.responseUrl('g') }));
    const line = h.logs
      .slice(before)
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'review sent');
    expect(line).toMatchObject({ kind: 'command', team: 'T1', channel: 'C77', outcome: 'reviewed', total: 2, themes: { 'spine-care': 2 } });
    expect(typeof line?.ms).toBe('number');
    expect(typeof line?.reviewMs).toBe('number');
  });

  it('logs a refused request as a warning from Bolt', async () => {
    const before = h.logs.length;
    await h.deliver(commandBody({ text: 'x', response_url: h.fake.responseUrl('h') }), { unsigned: true });
    const lines = h.logs.slice(before).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.some((l) => l.source === 'bolt' && l.level === 40)).toBe(true);
  });
});
