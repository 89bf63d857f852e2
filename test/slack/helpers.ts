/**
 * Test doubles for the Slack app, all on 127.0.0.1: a fake Slack (Web API at
 * /api/<method>, response_url endpoints at /respond/<id>) that records every
 * call and can be told to fail, signed requests like Slack's, and a harness
 * that starts the real Bolt app in HTTP mode on an ephemeral port.
 */
import { readBody } from '../../src/bench/fake-slack.js';
import { sign as signWith } from '../../src/bench/slack-requests.js';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../../src/log.js';
import { createSlackApp, type SlackApp } from '../../src/slack/app.js';
import type { Services } from '../../src/slack/services.js';

export const SIGNING_SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
export const BOT_TOKEN = 'xoxb-test-token';

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
}

export interface Responded {
  id: string;
  body: Record<string, unknown>;
}

export class FakeSlack {
  private server: Server | undefined;
  port = 0;
  readonly calls: ApiCall[] = [];
  readonly responded: Responded[] = [];
  /** Web API method → error code it answers with (every time, until cleared). */
  readonly failures = new Map<string, string>();
  /** HTTP status of response_url answers. */
  respondStatus = 200;
  private seq = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void readBody(req).then((raw) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        if (url.pathname.startsWith('/respond/')) {
          this.responded.push({ id: url.pathname.slice('/respond/'.length), body: JSON.parse(raw) as Record<string, unknown> });
          res.writeHead(this.respondStatus, { 'content-type': 'text/plain' });
          res.end(this.respondStatus === 200 ? 'ok' : 'error');
          return;
        }
        if (url.pathname.startsWith('/api/')) {
          const method = url.pathname.slice('/api/'.length);
          const args = parseArgs(raw, req.headers['content-type'] ?? '');
          this.calls.push({ method, args });
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify(this.answer(method, args)));
          return;
        }
        res.writeHead(404);
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const failure = this.failures.get(method);
    if (failure !== undefined) return { ok: false, error: failure };
    this.seq++;
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'postcheck' };
      case 'chat.postMessage':
        return { ok: true, channel: args.channel, ts: `1700000100.${String(this.seq).padStart(6, '0')}` };
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'views.open':
        return { ok: true, view: { id: `V${this.seq}` } };
      default:
        return { ok: true };
    }
  }

  reset(): void {
    this.calls.length = 0;
    this.responded.length = 0;
    this.failures.clear();
    this.respondStatus = 200;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  /** Calls other than the start-up auth.test. */
  get replies(): ApiCall[] {
    return this.calls.filter((c) => c.method !== 'auth.test');
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
    this.server?.closeAllConnections();
  }
}


/** The Web API client sends form fields, with objects (blocks, view) as JSON strings. */
function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (['blocks', 'attachments', 'view', 'metadata'].includes(k)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // keep as text
      }
    }
    out[k] = v;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Requests as Slack sends them

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return signWith(secret, timestamp, body);
}

export interface SendOptions {
  /** Seconds since the epoch; now by default. */
  timestamp?: number;
  unsigned?: boolean;
  secret?: string;
  headers?: Record<string, string>;
}

export interface Sent {
  status: number;
  text: string;
  json: unknown;
  ms: number;
}

let triggerSeq = 0;
export function nextTrigger(): string {
  triggerSeq++;
  return `1234.5678.${triggerSeq}`;
}

export function commandBody(fields: { text: string; trigger_id?: string; channel_id?: string; response_url: string }): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T1',
    team_domain: 'clinic',
    channel_id: fields.channel_id ?? 'C1',
    channel_name: 'social',
    user_id: 'U1',
    user_name: 'dr.author',
    command: '/postcheck',
    text: fields.text,
    api_app_id: 'A1',
    response_url: fields.response_url,
    trigger_id: fields.trigger_id ?? nextTrigger(),
  }).toString();
}

export function payloadBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface MessageFields {
  text?: string;
  ts?: string;
  thread_ts?: string;
  channel?: { id: string; name: string };
  blocks?: unknown[];
  attachments?: unknown[];
  response_url: string;
  trigger_id?: string;
}

export function messageShortcut(m: MessageFields): Record<string, unknown> {
  const ts = m.ts ?? '1700000000.000100';
  const message: Record<string, unknown> = { type: 'message', user: 'U2', ts, text: m.text ?? '' };
  if (m.thread_ts) message.thread_ts = m.thread_ts;
  if (m.blocks) message.blocks = m.blocks;
  if (m.attachments) message.attachments = m.attachments;
  return {
    type: 'message_action',
    callback_id: 'review_post',
    trigger_id: m.trigger_id ?? nextTrigger(),
    message_ts: ts,
    response_url: m.response_url,
    message,
    user: { id: 'U1', name: 'dr.author', team_id: 'T1' },
    channel: m.channel ?? { id: 'C1', name: 'social' },
    team: { id: 'T1', domain: 'clinic' },
    token: 'legacy-verification-token',
    action_ts: '1700000001.000000',
    is_enterprise_install: false,
  };
}

export function globalShortcut(trigger_id = nextTrigger()): Record<string, unknown> {
  return {
    type: 'shortcut',
    callback_id: 'check_draft',
    trigger_id,
    user: { id: 'U1', username: 'dr.author', team_id: 'T1' },
    team: { id: 'T1', domain: 'clinic' },
    token: 'legacy-verification-token',
    action_ts: '1700000001.000000',
    is_enterprise_install: false,
  };
}

export function viewSubmission(value: string | null, callbackId = 'check_draft_modal'): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: 'T1', domain: 'clinic' },
    user: { id: 'U1', name: 'dr.author', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    trigger_id: nextTrigger(),
    is_enterprise_install: false,
    view: {
      id: 'V1',
      team_id: 'T1',
      type: 'modal',
      callback_id: callbackId,
      hash: '1700000000.abc',
      private_metadata: '',
      blocks: [],
      state: { values: { draft: { draft_input: { type: 'plain_text_input', value } } } },
      title: { type: 'plain_text', text: 'Check a draft' },
      app_id: 'A1',
      bot_id: 'BBOT',
    },
    response_urls: [],
  };
}

// ---------------------------------------------------------------------------
// The app under test

export interface Harness {
  fake: FakeSlack;
  slackApp: SlackApp;
  url: string;
  logs: string[];
  send(body: string, options?: SendOptions): Promise<Sent>;
  /** Sends, then waits until every reply is out. */
  deliver(body: string, options?: SendOptions): Promise<Sent>;
  stop(): Promise<void>;
}

export async function startHarness(services?: Partial<Omit<Services, 'log'>>): Promise<Harness> {
  const fake = new FakeSlack();
  await fake.start();
  const logs: string[] = [];
  const log = createLogger({ level: 'trace', destination: { write: (line: string) => void logs.push(line) } });
  const slackApp = createSlackApp({
    slack: { mode: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl },
    port: 0,
    log,
    services,
  });
  const { port } = await slackApp.start({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}`;

  const send = async (body: string, options: SendOptions = {}): Promise<Sent> => {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', ...options.headers };
    if (!options.unsigned) {
      headers['x-slack-request-timestamp'] = String(timestamp);
      headers['x-slack-signature'] = sign(body, timestamp, options.secret);
    }
    const started = performance.now();
    const res = await fetch(`${url}/slack/events`, { method: 'POST', headers, body });
    const text = await res.text();
    const ms = performance.now() - started;
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, text, json, ms };
  };

  return {
    fake,
    slackApp,
    url,
    logs,
    send,
    async deliver(body, options) {
      const sent = await send(body, options);
      await slackApp.idle();
      return sent;
    },
    async stop() {
      await slackApp.stop();
      await fake.stop();
    },
  };
}

// ---------------------------------------------------------------------------
// Checks on what Slack receives

/** Every string inside a value (blocks, views, texts). */
export function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) allStrings(v, out);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) allStrings(v, out);
  return out;
}

interface BlockLike {
  type?: string;
  text?: { text?: string };
  elements?: { text?: string }[];
}

/** Problems with Block Kit limits in a list of blocks (empty when within them). */
export function blockKitProblems(blocks: unknown, maxBlocks = 50): string[] {
  const problems: string[] = [];
  if (!Array.isArray(blocks)) return ['blocks is not an array'];
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks`);
  for (const [i, b] of (blocks as BlockLike[]).entries()) {
    if (b.type === 'header' && (b.text?.text?.length ?? 0) > 150) problems.push(`header ${i} has ${b.text?.text?.length} characters`);
    if (b.type === 'section' && (b.text?.text?.length ?? 0) > 3000) problems.push(`section ${i} has ${b.text?.text?.length} characters`);
    if (b.type === 'section' && (b.text?.text?.length ?? 0) === 0) problems.push(`section ${i} is empty`);
    if (b.type === 'context') {
      if ((b.elements?.length ?? 0) > 10) problems.push(`context ${i} has ${b.elements?.length} elements`);
      for (const e of b.elements ?? []) if ((e.text?.length ?? 0) > 3000) problems.push(`context ${i} is too long`);
    }
  }
  return problems;
}
