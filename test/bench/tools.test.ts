/**
 * The measuring tools must measure what they say: percentiles by nearest
 * rank, drafts of exactly the size asked for, requests Slack's own verifier
 * accepts, and a fake Slack that attributes each reply to its request.
 */
import { request } from 'node:http';
import { verifySlackRequest } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../../src/bench/fake-slack.js';
import { adversarialDrafts, interleave, longDraft, takeChars } from '../../src/bench/inputs.js';
import { commandBody, shortcutBody, sign, signedHeaders } from '../../src/bench/slack-requests.js';
import { percentile, summarize } from '../../src/bench/stats.js';
import { MAX_DRAFT_CHARS } from '../../src/engine/index.js';

const chars = (s: string) => [...s].length;

describe('stats', () => {
  it('takes percentiles by nearest rank', () => {
    const sample = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(sample, 50), percentile(sample, 90), percentile(sample, 99), percentile(sample, 100)]).toEqual([50, 90, 99, 100]);
    expect(percentile([7], 99)).toBe(7);
  });
  it('summarizes an unsorted sample', () => {
    expect(summarize([5, 1, 3])).toMatchObject({ n: 3, min: 1, median: 3, max: 5, mean: 3 });
  });
});

describe('bench inputs', () => {
  it('builds a draft of exactly the limit from the pieces, cutting astral characters whole', () => {
    const draft = longDraft(['My patient 😷 had a slipped disc.', 'Call 555-123-4567.']);
    expect(chars(draft)).toBe(MAX_DRAFT_CHARS);
    expect(draft.startsWith('My patient 😷 had a slipped disc.\n\nCall 555-123-4567.\n\nMy patient')).toBe(true);
    expect(draft).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/u);
  });
  it('makes every slow shape exactly the size asked for', () => {
    for (const { name, text } of adversarialDrafts(1000)) expect(chars(text), name).toBe(1000);
  });
  it('interleaves and takes by characters', () => {
    expect(interleave<number | string>([1, 2, 3], ['a'])).toEqual([1, 'a', 2, 3]);
    expect(takeChars('a😷b', 2)).toBe('a😷');
  });
});

describe('signed Slack requests', () => {
  const secret = 'abcdef0123456789abcdef0123456789';
  const parts = { text: 'a draft & more', user: 'U1', channel: 'C1', triggerId: 't.1', responseUrl: 'http://127.0.0.1:9/respond/c1' };

  it('are accepted by Bolt’s own verifier, and refused with another secret', () => {
    for (const body of [commandBody(parts), shortcutBody({ ...parts, ts: '1700000000.000100' })]) {
      const headers = signedHeaders(secret, body);
      const verify = (signingSecret: string) => () =>
        verifySlackRequest({
          signingSecret,
          body,
          headers: {
            'x-slack-signature': headers['x-slack-signature'] as string,
            'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']),
          },
        });
      expect(verify(secret)).not.toThrow();
      expect(verify('0123456789abcdef0123456789abcdef')).toThrow();
    }
  });
  it('sign HMACs "v0:<ts>:<body>"', () => {
    expect(sign('s', 1, 'b')).toMatch(/^v0=[0-9a-f]{64}$/);
    expect(sign('s', 1, 'b')).not.toBe(sign('s', 2, 'b'));
  });
  it('carry the shortcut’s message and response_url in its payload', () => {
    const payload = JSON.parse(new URLSearchParams(shortcutBody({ ...parts, ts: '1.2' })).get('payload') ?? '{}');
    expect(payload).toMatchObject({ type: 'message_action', callback_id: 'review_post', channel: { id: 'C1' }, message: { ts: '1.2', text: parts.text }, response_url: parts.responseUrl });
  });
});

describe('fake Slack', () => {
  let fake: FakeSlack | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  const post = (url: string, body: string, type = 'application/x-www-form-urlencoded') =>
    new Promise<{ status: number; json: Record<string, unknown> }>((done, fail) => {
      const req = request(url, { method: 'POST', headers: { 'content-type': type } }, (res) => {
        let data = '';
        res.on('data', (c: Buffer) => (data += c.toString()));
        res.on('end', () => done({ status: res.statusCode ?? 0, json: JSON.parse(data) as Record<string, unknown> }));
      });
      req.on('error', fail);
      req.end(body);
    });

  it('listens on 127.0.0.1 only and attributes replies to their requests', async () => {
    fake = await startFakeSlack();
    expect(fake.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
    fake.threads.set('1700000000.000200', 's2');
    expect((await post(`${fake.apiUrl}auth.test`, '')).json).toMatchObject({ ok: true, user_id: expect.any(String) });
    await post(fake.respondUrl('c1'), JSON.stringify({ text: 'x' }), 'application/json');
    const posted = await post(`${fake.apiUrl}chat.postMessage`, 'channel=C1&thread_ts=1700000000.000200&text=x');
    expect(posted.json).toMatchObject({ ok: true, channel: 'C1', ts: expect.any(String) });
    expect(fake.replies.map((r) => [r.via, r.request])).toEqual([
      ['respond', 'c1'],
      ['chat.postMessage', 's2'],
    ]);
    expect(Object.fromEntries(fake.calls)).toEqual({ 'auth.test': 1, 'chat.postMessage': 1 });
  });
});
