/**
 * Configuration from the environment, validated with zod. Anything missing or
 * wrong stops the start with ONE message that names every variable at fault
 * and says what to do about it. Secret values are never repeated in messages.
 */
import { z } from 'zod';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

export const DEFAULT_PORT = 3000;

export type SlackMode = 'socket' | 'http';

export interface SlackSettings {
  /** Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP on PORT. */
  mode: SlackMode;
  botToken: string;
  /** Required in HTTP mode; optional in Socket Mode. */
  signingSecret?: string;
  appToken?: string;
  /** Base URL of the Slack Web API (ends with "/"); Slack's own when absent. */
  apiUrl?: string;
}

export interface Config {
  /** null when no Slack setting is present at all: run locally instead. */
  slack: SlackSettings | null;
  port: number;
  logLevel: LogLevelName;
}

export interface ConfigProblem {
  variable: string;
  /** What is wrong and what to do, as one sentence or two. */
  problem: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(describeProblems(problems));
    this.name = 'ConfigError';
  }
}

/** The variables this module reads, in the order they are reported. */
export const VARIABLES = [
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'PORT',
  'LOG_LEVEL',
  'SLACK_API_URL',
] as const;

const WHERE = {
  botToken:
    'Copy the "Bot User OAuth Token" (it starts with xoxb-) from your Slack app\'s OAuth & Permissions page, after installing the app to your workspace.',
  signingSecret:
    'Copy the "Signing Secret" from your Slack app\'s Basic Information page (App Credentials).',
  appToken:
    'Create an app-level token with the connections:write scope under Basic Information → App-Level Tokens; it starts with xapp-.',
};

/** An unset variable and an empty one (`FOO=` in .env) mean the same. */
const optionalText = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
  z.string().optional(),
);

const EnvSchema = z
  .object({
    SLACK_BOT_TOKEN: optionalText.pipe(
      z
        .string()
        .refine((v) => !v.startsWith('xapp-'), {
          message: `looks like an app-level token (xapp-), which belongs in SLACK_APP_TOKEN. ${WHERE.botToken}`,
        })
        .refine((v) => v.startsWith('xapp-') || v.startsWith('xoxb-'), {
          message: `does not look like a bot token: it must start with xoxb-. ${WHERE.botToken}`,
        })
        .optional(),
    ),
    SLACK_SIGNING_SECRET: optionalText.pipe(
      z
        .string()
        .refine((v) => !/^xox|^xapp-/.test(v), {
          message: `looks like a token, not a signing secret. ${WHERE.signingSecret}`,
        })
        .refine((v) => /^xox|^xapp-/.test(v) || /^[A-Za-z0-9]{16,}$/.test(v), {
          message: `does not look like a signing secret (letters and digits only, usually 32). ${WHERE.signingSecret}`,
        })
        .optional(),
    ),
    SLACK_APP_TOKEN: optionalText.pipe(
      z
        .string()
        .refine((v) => v.startsWith('xapp-'), {
          message: `does not look like an app-level token: it must start with xapp-. ${WHERE.appToken} Leave SLACK_APP_TOKEN unset to receive requests over HTTP instead.`,
        })
        .optional(),
    ),
    PORT: optionalText.pipe(
      z
        .string()
        .refine((v) => /^\d{1,5}$/.test(v) && Number(v) <= 65535, {
          error: (issue) =>
            `${JSON.stringify(issue.input)} is not a port number: use a whole number from 1 to 65535 (0 picks any free port); the default is ${DEFAULT_PORT}.`,
        })
        .transform(Number)
        .optional(),
    ),
    LOG_LEVEL: optionalText.pipe(
      z
        .string()
        .transform((v) => v.toLowerCase())
        .pipe(
          z.enum(LOG_LEVELS, {
            error: (issue) =>
              `${JSON.stringify(issue.input)} is not a log level: use one of ${LOG_LEVELS.join(', ')} (default info).`,
          }),
        )
        .optional(),
    ),
    SLACK_API_URL: optionalText.pipe(
      z
        .string()
        .refine(isHttpUrl, {
          message:
            'is not an http(s) URL: leave it unset to use Slack itself, or give the base URL of the Web API, such as https://slack.com/api/.',
        })
        .transform((v) => (v.endsWith('/') ? v : `${v}/`))
        .optional(),
    ),
  })
  .strict();

function isHttpUrl(v: string): boolean {
  try {
    const url = new URL(v);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Reads the configuration; throws ConfigError listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const picked = Object.fromEntries(VARIABLES.map((name) => [name, env[name]]));
  const issues: { variable: string; message: string }[] = [];
  const parsed = EnvSchema.safeParse(picked);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) issues.push({ variable: String(issue.path[0] ?? 'environment'), message: issue.message });
  }
  // Which settings go together is checked on presence alone, so that one
  // message reports these along with any malformed value.
  const present = (name: (typeof VARIABLES)[number]) => (env[name] ?? '').trim() !== '';
  const anySlack = present('SLACK_BOT_TOKEN') || present('SLACK_SIGNING_SECRET') || present('SLACK_APP_TOKEN');
  if (anySlack && !present('SLACK_BOT_TOKEN')) {
    issues.push({ variable: 'SLACK_BOT_TOKEN', message: `is missing, but other Slack settings are set. ${WHERE.botToken}` });
  }
  if (anySlack && !present('SLACK_APP_TOKEN') && !present('SLACK_SIGNING_SECRET')) {
    issues.push({
      variable: 'SLACK_SIGNING_SECRET',
      message: `is missing: without SLACK_APP_TOKEN (Socket Mode) the app receives requests over HTTP and must check their signatures. ${WHERE.signingSecret} Or set SLACK_APP_TOKEN to use Socket Mode instead.`,
    });
  }
  if (issues.length > 0 || !parsed.success) {
    const byVariable = new Map<string, string[]>();
    for (const { variable, message } of issues) {
      const list = byVariable.get(variable) ?? [];
      if (!list.includes(message)) list.push(message);
      byVariable.set(variable, list);
    }
    const problems = [...byVariable]
      .sort(([a], [b]) => order(a) - order(b))
      .map(([variable, messages]) => ({ variable, problem: messages.join(' ') }));
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const port = e.PORT ?? DEFAULT_PORT;
  const logLevel = e.LOG_LEVEL ?? 'info';
  if (e.SLACK_BOT_TOKEN === undefined) return { slack: null, port, logLevel };
  const slack: SlackSettings = {
    mode: e.SLACK_APP_TOKEN !== undefined ? 'socket' : 'http',
    botToken: e.SLACK_BOT_TOKEN,
  };
  if (e.SLACK_SIGNING_SECRET !== undefined) slack.signingSecret = e.SLACK_SIGNING_SECRET;
  if (e.SLACK_APP_TOKEN !== undefined) slack.appToken = e.SLACK_APP_TOKEN;
  if (e.SLACK_API_URL !== undefined) slack.apiUrl = e.SLACK_API_URL;
  return { slack, port, logLevel };
}

function order(variable: string): number {
  const i = (VARIABLES as readonly string[]).indexOf(variable);
  return i === -1 ? VARIABLES.length : i;
}

function describeProblems(problems: readonly ConfigProblem[]): string {
  const n = problems.length;
  const head = `postcheck cannot start: ${n === 1 ? '1 setting needs' : `${n} settings need`} fixing (in the environment or in .env):`;
  const lines = problems.map((p) => `  - ${p.variable} ${p.problem}`);
  return [head, ...lines, 'See .env.example for every setting and what it is for.'].join('\n');
}
