/**
 * Builds the Bolt app and registers its listeners. Socket Mode when an
 * app-level token is configured; otherwise Bolt's HTTPReceiver on PORT, with
 * Slack's requests at POST /slack/events (signatures checked: unsigned or
 * stale requests get 401) and GET /health answering 200.
 *
 * A global middleware drops second deliveries of the same request (a retry
 * with `x-slack-retry-num`, or the same trigger id twice), so nothing is ever
 * answered twice, and counts the work in flight so that `stop()` (and tests)
 * can wait for replies to go out.
 */
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, type AllMiddlewareArgs, type AnyMiddlewareArgs } from '@slack/bolt';
import type { SlackMode, SlackSettings } from '../config.js';
import { boltLogger, errorCode, type Logger } from '../log.js';
import { registerListeners } from './listeners/index.js';
import { createServices, type Services } from './services.js';
import { warmUp } from '../engine/index.js';

export const EVENTS_PATH = '/slack/events';
export const HEALTH_PATH = '/health';

export interface SlackAppOptions {
  slack: SlackSettings;
  /** HTTP mode: where to listen unless `start` is told otherwise. */
  port: number;
  log: Logger;
  /** Replace parts of the services (tests: a reviewer, stores). */
  services?: Partial<Omit<Services, 'log'>>;
}

export interface ListenOptions {
  port?: number;
  host?: string;
}

export interface SlackApp {
  app: App;
  mode: SlackMode;
  services: Services;
  /** Checks the bot token with Slack (auth.test), then connects or listens. HTTP mode: the port listened on. */
  start(listen?: ListenOptions): Promise<{ port?: number }>;
  /** Stops receiving, then waits (a bounded time) for replies already under way. */
  stop(): Promise<void>;
  /** Resolves when no listener work is in flight. */
  idle(): Promise<void>;
}

const STOP_GRACE_MS = 10_000;

/** Why the app could not start: the step that failed and Slack's (or the system's) error code. */
export class StartError extends Error {
  constructor(
    readonly phase: 'catalogue' | 'bot-token' | 'connect' | 'listen',
    readonly code: string,
    /** For the catalogue only: what is wrong in rules/ (never draft text). */
    readonly detail?: string,
  ) {
    super(`could not start (${phase}: ${code})`);
    this.name = 'StartError';
  }
}

export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { slack, log } = options;
  const services = createServices(log, options.services);
  const logger = boltLogger(log);
  const clientOptions = {
    ...(slack.apiUrl !== undefined ? { slackApiUrl: slack.apiUrl } : {}),
    timeout: 10_000,
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2_000 },
  };

  let app: App;
  if (slack.mode === 'socket') {
    app = new App({
      token: slack.botToken,
      appToken: slack.appToken,
      socketMode: true,
      logger,
      clientOptions,
      convoStore: false,
      deferInitialization: true,
    });
  } else {
    const receiver = new HTTPReceiver({
      signingSecret: slack.signingSecret ?? '',
      signatureVerification: true,
      endpoints: EVENTS_PATH,
      port: options.port,
      logger,
      processBeforeResponse: false,
      customRoutes: [
        {
          path: HEALTH_PATH,
          method: ['GET', 'HEAD'],
          handler: (_req, res) => {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end('{"ok":true}');
          },
        },
      ],
    });
    app = new App({
      token: slack.botToken,
      receiver,
      logger,
      clientOptions,
      convoStore: false,
      deferInitialization: true,
    });
  }

  app.use(trackWork(services));
  app.use(deduplicate(services));
  registerListeners(app, services);
  app.error(async (error) => {
    log.error({ code: errorCode(error), err: error }, 'unhandled error in a listener');
    throw error;
  });

  let started = false;
  return {
    app,
    mode: slack.mode,
    services,
    async start(listen = {}) {
      try {
        services.practices(); // loads and compiles the catalogue now: fail at start, not at the first request
        warmUp(); // a burst of requests right after start must not pay for first-use compilation in its acks
      } catch (error) {
        throw new StartError('catalogue', errorCode(error), error instanceof Error ? error.message : undefined);
      }
      try {
        await app.init(); // auth.test: a wrong bot token stops the start here
      } catch (error) {
        throw new StartError('bot-token', errorCode(error));
      }
      if (slack.mode === 'socket') {
        try {
          await app.start();
        } catch (error) {
          throw new StartError('connect', errorCode(error));
        }
        started = true;
        return {};
      }
      const port = listen.port ?? options.port;
      let server: { address(): AddressInfo | string | null };
      try {
        server = (await app.start(listen.host !== undefined ? { port, host: listen.host } : port)) as unknown as typeof server;
      } catch (error) {
        throw new StartError('listen', errorCode(error));
      }
      started = true;
      const address = server.address();
      return { port: typeof address === 'object' && address !== null ? address.port : port };
    },
    async stop() {
      if (started) {
        started = false;
        await app.stop();
      }
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        services.work.idle(),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, STOP_GRACE_MS);
          timer.unref();
        }),
      ]);
      if (timer) clearTimeout(timer);
    },
    idle: () => services.work.idle(),
  };
}

/** Which delivery a request is: the same key twice is one request delivered twice. */
export function deliveryKey(body: unknown): string | null | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as Record<string, unknown>;
  // A modal's answer is its ack; answering a repeated submission again is harmless.
  if (b.type === 'view_submission' || b.type === 'view_closed') return null;
  if (b.type === 'event_callback' && typeof b.event_id === 'string') return `event:${b.event_id}`;
  if (typeof b.trigger_id === 'string' && b.trigger_id !== '') return `trigger:${b.trigger_id}`;
  return undefined;
}

function kindOf(body: Record<string, unknown>): string {
  if (typeof body.command === 'string') return 'command';
  return typeof body.type === 'string' ? body.type : 'unknown';
}

function deduplicate(services: Services) {
  return async (args: AnyMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const { body, context, next } = args;
    const key = deliveryKey(body);
    const retry = context.retryNum ?? 0;
    const repeated = key === null ? false : key === undefined ? retry > 0 : !services.seen.first(key);
    if (repeated) {
      if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
      const b = body as unknown as Record<string, unknown>;
      services.log.info({ kind: kindOf(b), retry, team: context.teamId }, 'repeated delivery ignored');
      return;
    }
    await next();
  };
}

/** Counts each request's work until its listener is done (replies sent), for `stop()` and `idle()`. */
function trackWork(services: Services) {
  return async ({ next }: AnyMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await services.work.track(next());
  };
}
