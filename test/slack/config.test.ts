import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const BOT = 'xoxb-1111-2222-abcdefABCDEF';
const SECRET = '0123456789abcdef0123456789abcdef';
const APP = 'xapp-1-A111-222-abcdef';

function problemsOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('without any Slack setting: local mode, defaults', () => {
    expect(loadConfig({})).toEqual({ slack: null, port: 3000, logLevel: 'info' });
    expect(loadConfig({ SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '  ' })).toEqual({ slack: null, port: 3000, logLevel: 'info' });
  });

  it('HTTP mode with a bot token and a signing secret', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: '8080', LOG_LEVEL: 'DEBUG' })).toEqual({
      slack: { mode: 'http', botToken: BOT, signingSecret: SECRET },
      port: 8080,
      logLevel: 'debug',
    });
  });

  it('Socket Mode when an app token is set (no signing secret needed)', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP })).toMatchObject({
      slack: { mode: 'socket', botToken: BOT, appToken: APP },
    });
  });

  it('SLACK_API_URL gains a trailing slash', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: 'http://127.0.0.1:9999/api' });
    expect(config.slack?.apiUrl).toBe('http://127.0.0.1:9999/api/');
  });

  it('PORT 0 (any free port) is allowed', () => {
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
  });

  it('names a missing signing secret in HTTP mode, and the Socket Mode alternative', () => {
    const e = problemsOf({ SLACK_BOT_TOKEN: BOT });
    expect(e.problems.map((p) => p.variable)).toEqual(['SLACK_SIGNING_SECRET']);
    expect(e.message).toContain('SLACK_SIGNING_SECRET is missing');
    expect(e.message).toContain('Basic Information');
    expect(e.message).toContain('SLACK_APP_TOKEN');
  });

  it('names a missing bot token when other Slack settings are set', () => {
    const e = problemsOf({ SLACK_APP_TOKEN: APP });
    expect(e.problems.map((p) => p.variable)).toEqual(['SLACK_BOT_TOKEN']);
    expect(e.message).toContain('OAuth & Permissions');
  });

  it('reports every problem in ONE message, in a fixed order, without repeating secrets', () => {
    const badBot = 'xoxp-user-token-SECRETVALUE';
    const e = problemsOf({
      SLACK_BOT_TOKEN: badBot,
      SLACK_SIGNING_SECRET: 'short',
      SLACK_APP_TOKEN: 'not-an-app-token-SECRETVALUE',
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      SLACK_API_URL: 'ftp://example.org',
    });
    expect(e.problems.map((p) => p.variable)).toEqual([
      'SLACK_BOT_TOKEN',
      'SLACK_SIGNING_SECRET',
      'SLACK_APP_TOKEN',
      'PORT',
      'LOG_LEVEL',
      'SLACK_API_URL',
    ]);
    expect(e.message.split('\n')[0]).toBe('postcheck cannot start: 6 settings need fixing (in the environment or in .env):');
    expect(e.message).toContain('must start with xoxb-');
    expect(e.message).toContain('must start with xapp-');
    expect(e.message).toContain('"eighty" is not a port number');
    expect(e.message).toContain('"loud" is not a log level');
    expect(e.message).toContain('SLACK_API_URL is not an http(s) URL');
    expect(e.message).toContain('.env.example');
    expect(e.message).not.toContain('SECRETVALUE');
    expect(e.message).not.toContain('short');
  });

  it('says which variable a misplaced token belongs in', () => {
    const e = problemsOf({ SLACK_BOT_TOKEN: APP, SLACK_SIGNING_SECRET: BOT });
    expect(e.problems.find((p) => p.variable === 'SLACK_BOT_TOKEN')?.problem).toContain('belongs in SLACK_APP_TOKEN');
    expect(e.problems.find((p) => p.variable === 'SLACK_SIGNING_SECRET')?.problem).toContain('looks like a token');
    expect(e.message).not.toContain(APP);
    expect(e.message).not.toContain(BOT);
  });

  it.each([['65536'], ['-1'], ['3.5'], ['80a']])('refuses PORT %j', (port) => {
    expect(problemsOf({ PORT: port }).problems.map((p) => p.variable)).toEqual(['PORT']);
  });
});
