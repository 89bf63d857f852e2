/**
 * `npm start`: with Slack credentials, runs the Slack app (Socket Mode or
 * HTTP); without any, says so and reviews a draft locally instead (the one on
 * standard input when it is piped, else a short sample), then exits 0.
 *
 * Settings come from the environment, and from `.env` in the working
 * directory when there is one (the environment wins).
 */
import './regexp-tier.js';
import { existsSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { formatText } from './cli/format.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { DraftError, getEngine } from './engine/index.js';
import type { DestinationStream } from 'pino';
import { createLogger, errorCode, type Logger } from './log.js';
import { createSlackApp, StartError, type SlackApp } from './slack/app.js';

export interface MainIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** Where SIGTERM and SIGINT come from (the process unless a test says otherwise). */
  signals?: NodeJS.EventEmitter;
  /** Where log lines go (stdout unless a test says otherwise). */
  logDestination?: DestinationStream;
  /** HTTP mode: the interface to listen on (all unless a test says otherwise). */
  host?: string;
}

export const SAMPLE_DRAFT =
  'Back pain this week? Your slipped disc is not the end of the story: most back pain settles with time and gentle activity. Ask your own clinician what suits you.';

/** How long to wait for the first bytes of piped input before using the sample instead. */
const STDIN_FIRST_BYTE_MS = 2_000;

export async function main(io: MainIo = processIo()): Promise<number> {
  let config: Config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  if (config.slack === null) return reviewLocally(io);
  return runSlackApp(config, io);
}

// ---------------------------------------------------------------------------
// Without Slack credentials

async function reviewLocally(io: MainIo): Promise<number> {
  const piped = io.stdin.isTTY !== true ? await readPiped(io.stdin) : '';
  const fromStdin = piped.trim() !== '';
  io.stderr.write(
    [
      'postcheck: no Slack credentials are set (SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET, or with SLACK_APP_TOKEN for Socket Mode),',
      'so the Slack app is not started. See .env.example to connect it.',
      '',
      'To review a draft on this computer:  npx postcheck review "your draft"',
      '',
      fromStdin ? 'Reviewing the draft from standard input:' : 'Reviewing a sample draft:',
      '',
    ].join('\n'),
  );
  const draft = fromStdin ? piped : SAMPLE_DRAFT;
  if (!fromStdin) io.stdout.write(`${SAMPLE_DRAFT}\n\n`);
  try {
    const review = getEngine().review(draft);
    const color = io.stdout.isTTY === true && (io.env.NO_COLOR ?? '') === '';
    io.stdout.write(`${formatText(review, { color })}\n`);
    return 0;
  } catch (error) {
    if (error instanceof DraftError) {
      io.stderr.write(`postcheck: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** Reads piped input to its end; gives up (empty) if nothing at all arrives soon. */
function readPiped(stdin: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = false;
    const timer = setTimeout(() => {
      if (received) return;
      cleanup();
      stdin.pause();
      resolve('');
    }, STDIN_FIRST_BYTE_MS);
    const onData = (chunk: Buffer | string) => {
      received = true;
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onError = (error: unknown) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      clearTimeout(timer);
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.off('error', onError);
    };
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.on('error', onError);
  });
}

// ---------------------------------------------------------------------------
// With Slack credentials

async function runSlackApp(config: Config, io: MainIo): Promise<number> {
  const slack = config.slack;
  if (slack === null) return 1;
  const log = createLogger({ level: config.logLevel, destination: io.logDestination });
  const running = createSlackApp({ slack, port: config.port, log });
  try {
    const { port } = await running.start(io.host !== undefined ? { host: io.host } : {});
    log.info({ mode: slack.mode, port: slack.mode === 'http' ? port : undefined }, 'postcheck is running');
    if (slack.mode === 'http') {
      io.stderr.write(`postcheck is listening on port ${port}: Slack requests at POST /slack/events, health at GET /health.\n`);
    } else {
      io.stderr.write('postcheck is connected to Slack (Socket Mode).\n');
    }
  } catch (error) {
    io.stderr.write(`${startFailure(error, config)}\n`);
    try {
      await running.stop();
    } catch {
      // it did not start
    }
    return 1;
  }
  return new Promise<number>((resolve) => stopOnSignals(io.signals ?? process, running, log, resolve));
}

function stopOnSignals(signals: NodeJS.EventEmitter, running: SlackApp, log: Logger, done: (code: number) => void): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    signals.off('SIGTERM', stop);
    signals.off('SIGINT', stop);
    log.info({ signal }, 'stopping');
    const force = setTimeout(() => done(1), 15_000);
    force.unref();
    running
      .stop()
      .then(() => {
        log.info('stopped');
        done(0);
      })
      .catch((error: unknown) => {
        log.error({ code: errorCode(error) }, 'could not stop cleanly');
        done(1);
      })
      .finally(() => clearTimeout(force));
  };
  signals.once('SIGTERM', stop);
  signals.once('SIGINT', stop);
}

/** One clear sentence for a failed start: which setting to fix. */
export function startFailure(error: unknown, config: Config): string {
  const code = error instanceof StartError ? error.code : errorCode(error);
  const phase = error instanceof StartError ? error.phase : undefined;
  if (phase === 'catalogue') {
    const detail = error instanceof StartError && error.detail ? `\n${error.detail}` : '';
    return `postcheck cannot start: the rule catalogue in rules/ did not load (${code}).${detail}`;
  }
  const refused = ['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'not_allowed_token_type'];
  if (refused.includes(code) && (phase === 'bot-token' || phase === 'connect')) {
    const which = phase === 'bot-token' ? 'SLACK_BOT_TOKEN' : 'SLACK_APP_TOKEN';
    return `postcheck cannot start: Slack refused ${which} (${code}). Copy the token again from your Slack app's settings (reinstall the app to your workspace if it was revoked) and put it in .env.`;
  }
  if (code === 'EADDRINUSE') return `postcheck cannot start: port ${config.port} is already in use. Set PORT to a free port.`;
  if (code === 'EACCES') return `postcheck cannot start: not allowed to listen on port ${config.port}. Set PORT to a port above 1023.`;
  const check = phase === 'connect' ? 'SLACK_APP_TOKEN' : phase === 'listen' ? 'PORT' : 'SLACK_BOT_TOKEN, SLACK_API_URL';
  return `postcheck cannot start (${phase ?? 'start'}: ${code}). Check ${check} and the network connection to Slack.`;
}

// ---------------------------------------------------------------------------

function processIo(): MainIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  if (existsSync('.env')) process.loadEnvFile('.env');
  main().then(
    (code) => {
      process.exitCode = code;
      // Let output drain; leave even if a handle (stdin, a socket) would keep the process alive.
      setTimeout(() => process.exit(code), 1_000).unref();
    },
    (error: unknown) => {
      process.stderr.write(`postcheck: unexpected failure (${errorCode(error)}).\n`);
      process.exit(1);
    },
  );
}
