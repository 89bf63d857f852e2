/**
 * Logging with pino. Log lines say what happened (request kind, team and
 * channel ids, counts per theme, durations, Slack error codes), never what a
 * post says: no draft, excerpt, suggestion, rewrite or request body is ever
 * passed to a logger. `redact` is only a safety net for the known paths.
 *
 * Bolt logs through `boltLogger`, an adapter that drops Bolt's debug lines
 * (they carry whole request bodies and API payloads) and cuts the rest at the
 * first quotation mark (a JSON parse error quotes the input).
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { LogLevelName } from './config.js';

export type { Logger } from 'pino';

/** Paths whose values never reach a log line, should one ever be passed. */
export const REDACT_PATHS: readonly string[] = [
  'text',
  'draft',
  'excerpt',
  'rewrite',
  'suggestion',
  'suggestions',
  'findings',
  'blocks',
  'attachments',
  'body',
  'payload',
  'view',
  'values',
  'command',
  'shortcut',
  'message.text',
  'message.blocks',
  'message.attachments',
  'review',
  'rendered',
  'response_url',
  'token',
  'authorization',
  'headers.authorization',
  '*.text',
  '*.draft',
  '*.excerpt',
  '*.rewrite',
  '*.suggestion',
  '*.findings',
  '*.blocks',
  '*.attachments',
  '*.body',
  '*.payload',
  '*.view',
  '*.values',
  '*.response_url',
  '*.token',
  '*.message.text',
  'err.data',
  'err.config',
  'err.request',
  'err.response',
];

export const REDACTED = '[redacted]';

export interface LoggerOptions {
  level?: LogLevelName;
  /** Where lines go; stdout when absent. Tests pass a stream that collects lines. */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      name: 'postcheck',
      level: options.level ?? 'info',
      redact: { paths: [...REDACT_PATHS], censor: REDACTED },
      serializers: { err: errorSummary },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/**
 * The short code of an error, for logs and for telling the user what failed:
 * Slack's error code ("not_in_channel") when there is one, otherwise the
 * error's own code or name. Never the message, which can quote input.
 */
export function errorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return typeof error;
  const e = error as { data?: { error?: unknown }; code?: unknown; name?: unknown; statusCode?: unknown };
  if (typeof e.data?.error === 'string' && /^[\w.-]{1,80}$/.test(e.data.error)) return e.data.error;
  if (typeof e.code === 'string' && /^[\w.-]{1,80}$/.test(e.code)) return e.code;
  if (typeof e.statusCode === 'number') return `http_${e.statusCode}`;
  if (typeof e.name === 'string' && /^[\w.-]{1,80}$/.test(e.name)) return e.name;
  return 'unknown_error';
}

/** pino serializer for errors: the type and code only (no message, no data, no stack). */
export function errorSummary(error: unknown): { type: string; code: string } {
  const type =
    typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string'
      ? ((error as { name: string }).name.match(/^[\w.-]{1,80}$/)?.[0] ?? 'Error')
      : typeof error;
  return { type, code: errorCode(error) };
}

const MAX_MESSAGE = 300;

/** Bolt's own message text: first line, cut at the first quotation mark, length capped. */
export function sanitizeBoltMessage(args: readonly unknown[]): { msg: string; errors: { type: string; code: string }[] } {
  const words: string[] = [];
  const errors: { type: string; code: string }[] = [];
  for (const arg of args) {
    if (arg instanceof Error) errors.push(errorSummary(arg));
    else if (typeof arg === 'string') words.push(arg);
    else if (typeof arg === 'number' || typeof arg === 'boolean') words.push(String(arg));
    // Objects are dropped: Bolt passes payloads and API responses this way.
  }
  let msg = words.join(' ').split('\n')[0] ?? '';
  // Whatever follows a quote may be quoted input (a JSON parse error quotes the body): cut there.
  const quote = msg.search(/["'`“‘]/);
  if (quote !== -1) msg = `${msg.slice(0, quote).trimEnd()} […]`;
  if (msg.length > MAX_MESSAGE) msg = `${msg.slice(0, MAX_MESSAGE)}…`;
  return { msg, errors };
}

/** A Bolt (`@slack/logger`) Logger that writes through pino. */
export function boltLogger(log: Logger): BoltLogger {
  const bolt = log.child({ source: 'bolt' });
  const forward = (level: 'info' | 'warn' | 'error', args: unknown[]) => {
    if (!bolt.isLevelEnabled(level)) return;
    const { msg, errors } = sanitizeBoltMessage(args);
    if (errors.length > 0) bolt[level]({ cause: errors[0] }, msg);
    else bolt[level](msg);
  };
  return {
    // Bolt's debug lines include whole request bodies, ack bodies and Web API
    // arguments: they are never forwarded, whatever the level.
    debug: () => {},
    info: (...args: unknown[]) => forward('info', args),
    warn: (...args: unknown[]) => forward('warn', args),
    error: (...args: unknown[]) => forward('error', args),
    // The level is pino's (LOG_LEVEL); Bolt may ask, but does not set it.
    setLevel: () => {},
    getLevel: () => {
      if (bolt.isLevelEnabled('info')) return LogLevel.INFO;
      if (bolt.isLevelEnabled('warn')) return LogLevel.WARN;
      return LogLevel.ERROR;
    },
    setName: () => {},
  };
}
