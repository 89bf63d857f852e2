/**
 * A stand-in for Slack on 127.0.0.1, for the load run: the Web API methods the
 * app calls (under /api/) and the response_url endpoints of its requests
 * (under /respond/<id>). It records what arrived, never what the messages
 * said: only ids, methods, channels and thread stamps.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Reply {
  /** `respond` (the request's response_url) or a Web API method. */
  via: string;
  /** The load request it answers, when it can be told. */
  request?: string;
  at: number;
}

export interface FakeSlack {
  port: number;
  apiUrl: string;
  respondUrl(id: string): string;
  replies: Reply[];
  /** Web API calls by method. */
  calls: Map<string, number>;
  /** Thread stamp (message ts) of a shortcut's message → its request id. */
  threads: Map<string, string>;
  close(): Promise<void>;
}

const BOT = { user_id: 'U0POSTCHECK', bot_id: 'B0POSTCHECK', team_id: 'T0LOAD', team: 'load-test', user: 'postcheck' };

/** The whole body of a request, as text. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The Web API takes form-encoded or JSON arguments. */
function apiArgs(body: string, type: string | undefined): Record<string, unknown> {
  if (type?.includes('application/json')) {
    try {
      return JSON.parse(body) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(body));
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const replies: Reply[] = [];
  const calls = new Map<string, number>();
  const threads = new Map<string, string>();
  let nextTs = 1;

  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req).catch(() => '');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    if (url.pathname.startsWith('/respond/')) {
      replies.push({ via: 'respond', request: decodeURIComponent(url.pathname.slice('/respond/'.length)), at: performance.now() });
      return json(200, { ok: true });
    }
    if (!url.pathname.startsWith('/api/')) return json(404, { ok: false, error: 'unknown_path' });
    const method = url.pathname.slice('/api/'.length);
    calls.set(method, (calls.get(method) ?? 0) + 1);
    const args = apiArgs(body, req.headers['content-type']);
    const channel = typeof args.channel === 'string' ? args.channel : 'C0LOAD';
    switch (method) {
      case 'auth.test':
        return json(200, { ok: true, url: 'https://load-test.slack.invalid/', ...BOT });
      case 'chat.postMessage':
      case 'chat.update':
      case 'chat.postEphemeral': {
        const thread = typeof args.thread_ts === 'string' ? args.thread_ts : undefined;
        replies.push({ via: method, ...(thread && threads.has(thread) ? { request: threads.get(thread) } : {}), at: performance.now() });
        const ts = `1800000000.${String(nextTs++).padStart(6, '0')}`;
        return json(200, { ok: true, channel, ts, message: { ts, ...(thread ? { thread_ts: thread } : {}) } });
      }
      default:
        // Anything else the app might ask (bots.info, team.info, …): a harmless yes.
        return json(200, { ok: true });
    }
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    apiUrl: `http://127.0.0.1:${port}/api/`,
    respondUrl: (id) => `http://127.0.0.1:${port}/respond/${encodeURIComponent(id)}`,
    replies,
    calls,
    threads,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
