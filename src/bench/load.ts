/**
 * `npm run load`: the Slack app under load, all on 127.0.0.1.
 *
 *   node dist/bench/load.js [--requests 1000] [--concurrency 50] [--retries 50]
 *                           [--corpus PATH] [--deadline 120] [--out bench-results-load.json]
 *                           [--profile DIR]   (a CPU profile of the app, for finding hot spots)
 *
 * Starts a fake Slack (Web API and response_url endpoints), starts the app
 * (`node dist/main.js`, HTTP mode) against it, and sends signed requests —
 * `/postcheck` slash commands and "review_post" message shortcuts, mixed —
 * with a bounded number in flight. Then checks that every request got
 * exactly one reply: slash commands through their response_url, shortcuts
 * by chat.postMessage in the message's thread, and that Slack's retries (the
 * same request delivered again) get no second reply. Reports ack latency, replies
 * received, lost and doubled; exits 1 if any was lost or doubled or not acked
 * with 200. Prints numbers only, never a post's text.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { DEFAULT_CORPUS, readPosts, REPO_ROOT } from './inputs.js';
import { commandBody, shortcutBody, signedHeaders } from './slack-requests.js';
import { ms, summarize } from './stats.js';

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '50' },
    corpus: { type: 'string', default: DEFAULT_CORPUS },
    deadline: { type: 'string', default: '120' },
    retries: { type: 'string', default: '50' },
    /** Write a CPU profile of the app to this folder (node --cpu-prof). */
    profile: { type: 'string' },
    /** More options for the app's node (diagnostics), e.g. --node-option=--cpu-prof-interval=5000. */
    'node-option': { type: 'string', multiple: true, default: [] },
    out: { type: 'string', default: join(REPO_ROOT, 'bench-results-load.json') },
  },
});

const REQUESTS = Math.max(1, Math.min(100_000, Number(args.requests)));
const CONCURRENCY = Math.max(1, Math.min(500, Number(args.concurrency)));
const DEADLINE_MS = Math.max(10, Number(args.deadline)) * 1000;
const RETRIES = Math.max(0, Math.min(REQUESTS, Number(args.retries)));
const HOST = '127.0.0.1';
const APP_START_MS = 30_000;
/** After the last reply we expect, wait this long for any second (doubled) reply. */
const SETTLE_MS = 2_000;

interface LoadRequest {
  id: string;
  kind: 'command' | 'shortcut';
  body: string;
  sentAt?: number;
  ackMs?: number;
  status?: number;
  error?: string;
  /** A second delivery of a request already acked, as Slack sends when an ack was slow. */
  retry?: number;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, HOST, () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

function buildRequests(texts: readonly string[], fake: FakeSlack): LoadRequest[] {
  const out: LoadRequest[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const n = String(i).padStart(5, '0');
    // Mixed in a fixed, interleaved order: two commands, a shortcut, a command, two shortcuts, …
    const kind: LoadRequest['kind'] = [0, 1, 3].includes(i % 6) ? 'command' : 'shortcut';
    const id = `${kind === 'command' ? 'c' : 's'}${n}`;
    const parts = {
      text: texts[i % texts.length] as string,
      user: `U0LOAD${i % 37}`,
      channel: `C0LOAD${i % 5}`,
      triggerId: `${1000 + i}.${Date.now()}.${randomBytes(6).toString('hex')}`,
      responseUrl: fake.respondUrl(id),
    };
    if (kind === 'command') out.push({ id, kind, body: commandBody(parts) });
    else {
      const ts = `1700000000.${n}0`;
      fake.threads.set(ts, id);
      out.push({ id, kind, body: shortcutBody({ ...parts, ts }) });
    }
  }
  return out;
}

function send(port: number, secret: string, r: LoadRequest, agent: Agent): Promise<void> {
  return new Promise((done) => {
    const req = httpRequest(
      {
        host: HOST,
        port,
        path: '/slack/events',
        method: 'POST',
        agent,
        headers: {
          ...signedHeaders(secret, r.body),
          'content-length': String(Buffer.byteLength(r.body)),
          ...(r.retry ? { 'x-slack-retry-num': String(r.retry), 'x-slack-retry-reason': 'http_timeout' } : {}),
        },
        timeout: 10_000,
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          r.ackMs = performance.now() - (r.sentAt ?? 0);
          r.status = res.statusCode;
          done();
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err) => {
      r.error = (err as NodeJS.ErrnoException).code ?? err.message;
      done();
    });
    r.sentAt = performance.now();
    req.end(r.body);
  });
}

async function waitForHealth(port: number, child: ChildProcess): Promise<void> {
  const until = Date.now() + APP_START_MS;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode} before it was ready`);
    const ok = await new Promise<boolean>((done) => {
      const req = httpRequest({ host: HOST, port, path: '/health', method: 'GET', timeout: 1_000 }, (res) => {
        res.resume();
        done(res.statusCode === 200);
      });
      req.on('error', () => done(false));
      req.on('timeout', () => req.destroy());
      req.end();
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the app did not answer GET /health within ${APP_START_MS / 1000} s`);
}

function stopChild(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => {
    if (child.exitCode !== null) return done(child.exitCode);
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', (code) => {
      clearTimeout(kill);
      done(code);
    });
    child.kill('SIGTERM');
  });
}

async function main(): Promise<number> {
  const texts = readPosts(resolve(REPO_ROOT, args.corpus as string)).map((p) => p.text);
  const fake = await startFakeSlack();
  const port = await freePort();
  const secret = randomBytes(16).toString('hex');
  const cwd = mkdtempSync(join(tmpdir(), 'postcheck-load-')); // no .env of the developer's is read
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('SLACK_') && k !== 'PORT') env[k] = v;
  Object.assign(env, {
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: secret,
    PORT: String(port),
    SLACK_API_URL: fake.apiUrl,
    NO_COLOR: '1',
  });

  log(`load: ${REQUESTS} signed requests, ${CONCURRENCY} at a time, app on ${HOST}:${port}, fake Slack on ${HOST}:${fake.port}`);
  const profile = [
    ...(args.profile !== undefined ? ['--cpu-prof', `--cpu-prof-dir=${resolve(args.profile)}`] : []),
    ...(args['node-option'] ?? []),
  ];
  // The app's logs go to a file, as they would to a log collector: a pipe read by this
  // process would make the app wait on us. Read afterwards: counted by level only.
  const logFile = join(cwd, 'app.log');
  const logFd = openSync(logFile, 'w');
  const child = spawn(process.execPath, [...profile, join(REPO_ROOT, 'dist', 'main.js')], { cwd, env, stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  const appOutput = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');

  const started = performance.now();
  try {
    await waitForHealth(port, child);
  } catch (error) {
    // Nothing has been sent yet, so the output holds no post text.
    log(`${(error as Error).message}\n--- app output at start-up ---\n${appOutput().slice(0, 3000)}`);
    await stopChild(child);
    await fake.close();
    rmSync(cwd, { recursive: true, force: true });
    return 2;
  }
  const readyMs = performance.now() - started;

  const requests = buildRequests(texts, fake);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const t0 = performance.now();
  const run = async (queue: LoadRequest[]) => {
    let next = 0;
    const worker = async () => {
      while (next < queue.length && performance.now() - t0 < DEADLINE_MS) await send(port, secret, queue[next++] as LoadRequest, agent);
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  };
  await run(requests);
  // Then Slack's retries: the same request delivered again (same trigger), marked as retry 1.
  const step = RETRIES > 0 ? requests.length / RETRIES : 0;
  const retries: LoadRequest[] = Array.from({ length: RETRIES }, (_, k) => {
    const original = requests[Math.floor(k * step)] as LoadRequest;
    return { id: original.id, kind: original.kind, body: original.body, retry: 1 };
  });
  await run(retries);
  const sendMs = performance.now() - t0;

  // Replies: wait until every request has one (or the deadline), then a little longer for doubles.
  const answered = () => new Set(fake.replies.map((r) => r.request)).size;
  const sent = requests.filter((r) => r.sentAt !== undefined);
  while (answered() < sent.length && performance.now() - t0 < DEADLINE_MS) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const lastReplyMs = Math.max(0, ...fake.replies.map((r) => r.at - t0));

  const exitCode = await stopChild(child);
  agent.destroy();
  await fake.close();
  const levels = new Map<string, number>();
  const output = appOutput();
  for (const m of output.matchAll(/"level":(\d+)/g)) levels.set(m[1] as string, (levels.get(m[1] as string) ?? 0) + 1);
  // The app logs each review's duration (a number, never the text): the first ones show a cold start.
  const reviewTimes = [...output.matchAll(/"reviewMs":([\d.]+)/g)].map((m) => Number(m[1]));
  rmSync(cwd, { recursive: true, force: true });

  // Exactly one reply per request.
  const byRequest = new Map<string, typeof fake.replies>();
  const ids = new Set(requests.map((q) => q.id));
  const stray = fake.replies.filter((r) => r.request === undefined || !ids.has(r.request));
  for (const r of fake.replies) {
    if (r.request === undefined) continue;
    byRequest.set(r.request, [...(byRequest.get(r.request) ?? []), r]);
  }
  const lost = sent.filter((r) => !byRequest.has(r.id));
  const doubled = sent.filter((r) => (byRequest.get(r.id)?.length ?? 0) > 1);
  const replyMs = sent.flatMap((r) => {
    const first = byRequest.get(r.id)?.[0];
    return first && r.sentAt !== undefined ? [first.at - r.sentAt] : [];
  });
  const acked = sent.filter((r) => r.status === 200);
  const retriesAcked = retries.filter((r) => r.status === 200).length;
  const ack = summarize(sent.flatMap((r) => (r.ackMs !== undefined ? [r.ackMs] : [])));
  const reply = summarize(replyMs);
  const shortcuts = sent.filter((r) => r.kind === 'shortcut');
  const inThread = shortcuts.filter((r) => byRequest.get(r.id)?.some((x) => x.via === 'chat.postMessage')).length;
  const statuses: Record<string, number> = {};
  for (const r of sent) {
    const key = r.status !== undefined ? String(r.status) : (r.error ?? 'none');
    statuses[key] = (statuses[key] ?? 0) + 1;
  }
  const via: Record<string, number> = {};
  for (const r of fake.replies) via[r.via] = (via[r.via] ?? 0) + 1;
  const levelNames: Record<string, string> = { '10': 'trace', '20': 'debug', '30': 'info', '40': 'warn', '50': 'error', '60': 'fatal' };
  const appLogs = Object.fromEntries([...levels.entries()].map(([k, v]) => [levelNames[k] ?? k, v]));

  const results = {
    date: new Date().toISOString(),
    requests: { planned: REQUESTS, sent: sent.length, commands: sent.length - shortcuts.length, shortcuts: shortcuts.length },
    retries: { sent: retries.filter((r) => r.sentAt !== undefined).length, acked: retriesAcked },
    concurrency: CONCURRENCY,
    appReadyMs: readyMs,
    sendMs,
    throughputPerSecond: (sent.length / sendMs) * 1000,
    ackStatuses: statuses,
    ackMs: ack,
    /** When the slowest acks were sent (ms after the first request): a cold start shows as early ones. */
    slowestAcks: [...sent]
      .sort((a, b) => (b.ackMs ?? 0) - (a.ackMs ?? 0))
      .slice(0, 20)
      .map((r) => ({
        id: r.id,
        sentAtMs: Math.round((r.sentAt ?? 0) - t0),
        ackMs: Math.round(r.ackMs ?? 0),
        repliedAtMs: Math.round((byRequest.get(r.id)?.[0]?.at ?? Number.NaN) - t0),
      })),
    ackMsAfterFirstSecond: summarize(sent.flatMap((r) => (r.ackMs !== undefined && (r.sentAt ?? 0) - t0 > 1000 ? [r.ackMs] : []))),
    replies: { received: fake.replies.length, requestsAnswered: byRequest.size, via, shortcutsInThread: inThread, stray: stray.length },
    replyMs: reply,
    lastReplyMs,
    lost: lost.length,
    doubled: doubled.length,
    webApiCalls: Object.fromEntries(fake.calls),
    appReviewMs: { ...summarize(reviewTimes), firstTwenty: reviewTimes.slice(0, 20).map((x) => Math.round(x)) },
    appLogs,
    appExit: exitCode,
  };
  writeFileSync(args.out as string, `${JSON.stringify(results, null, 2)}\n`);

  const ok =
    lost.length === 0 &&
    doubled.length === 0 &&
    acked.length === sent.length &&
    sent.length === REQUESTS &&
    retriesAcked === retries.length &&
    stray.length === 0;
  const rows = [
    `### postcheck load — ${sent.length} signed requests (${sent.length - shortcuts.length} slash commands, ${shortcuts.length} message shortcuts), ${CONCURRENCY} concurrent`,
    '',
    '| measure | value |',
    '| --- | ---: |',
    `| app start to healthy | ${ms(readyMs)} |`,
    `| acked with 200 | ${acked.length} / ${sent.length}${Object.keys(statuses).length > 1 ? ` (${JSON.stringify(statuses)})` : ''} |`,
    `| retried deliveries (same trigger, x-slack-retry-num: 1), acked with 200 | ${retriesAcked} / ${retries.length} |`,
    `| ack latency p50 / p90 / p99 / max | ${ms(ack.median)} / ${ms(ack.p90)} / ${ms(ack.p99)} / ${ms(ack.max)} |`,
    `| request to reply p50 / p99 / max | ${ms(reply.median)} / ${ms(reply.p99)} / ${ms(reply.max)} |`,
    `| requests sent in | ${ms(sendMs)} (${Math.round(results.throughputPerSecond)} requests/s) |`,
    `| replies received | ${fake.replies.length} (${Object.entries(via).map(([k, v]) => `${k} ${v}`).join(', ')}) |`,
    `| shortcuts answered in their thread | ${inThread} / ${shortcuts.length} |`,
    `| review time inside the app (its log) p50 / p99 / max; first 20 | ${ms(results.appReviewMs.median)} / ${ms(results.appReviewMs.p99)} / ${ms(results.appReviewMs.max)}; ${results.appReviewMs.firstTwenty.join(' ')} ms |`,
    `| lost (no reply) | ${lost.length} |`,
    `| doubled (more than one reply, retries included) | ${doubled.length} |`,
    `| replies to no request of ours | ${stray.length} |`,
    `| Web API calls | ${[...fake.calls.entries()].map(([k, v]) => `${k} ${v}`).join(', ')} |`,
    `| app log lines by level | ${Object.entries(appLogs).map(([k, v]) => `${k} ${v}`).join(', ') || '–'} |`,
    `| app exit after SIGTERM | ${exitCode} |`,
    '',
    ok ? 'every request got exactly one reply' : 'FAILED: not every request got exactly one reply with a 200 ack',
  ];
  process.stdout.write(`${rows.join('\n')}\n\nJSON: ${args.out as string}\n`);
  return ok ? 0 : 1;
}

process.exitCode = await main();
