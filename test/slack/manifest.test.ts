/** manifest.yml and .env.example agree with the code. */
import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig, VARIABLES } from '../../src/config.js';
import { COMMAND } from '../../src/slack/listeners/commands/postcheck.js';
import { CHECK_DRAFT } from '../../src/slack/listeners/shortcuts/check-draft.js';
import { REVIEW_POST } from '../../src/slack/listeners/shortcuts/review-post.js';

const root = new URL('../../', import.meta.url);

interface Manifest {
  display_information: { name: string; description: string };
  features: {
    bot_user: { display_name: string };
    slash_commands: { command: string; description: string; url?: string }[];
    shortcuts: { name: string; type: string; callback_id: string; description: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: { interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
}

describe('manifest.yml', () => {
  const manifest = parse(readFileSync(new URL('manifest.yml', root), 'utf8')) as Manifest;

  it('creates a bot user with the slash command and both shortcuts the code listens to', () => {
    expect(manifest.features.bot_user.display_name).toBe('postcheck');
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([COMMAND]);
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({ type: 'message', callback_id: REVIEW_POST, name: 'Review this post' }),
      expect.objectContaining({ type: 'global', callback_id: CHECK_DRAFT, name: 'Check a draft' }),
    ]);
  });

  it('asks for exactly the scopes it needs, with interactivity and Socket Mode on', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['chat:write', 'chat:write.public', 'commands']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.slash_commands[0]?.url).toBeUndefined();
  });

  it('stays within Slack manifest limits', () => {
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    for (const s of manifest.features.shortcuts) {
      expect(s.name.length).toBeLessThanOrEqual(24);
      expect(s.description.length).toBeLessThanOrEqual(150);
    }
  });

  it('says what to change for HTTP mode', () => {
    const text = readFileSync(new URL('manifest.yml', root), 'utf8');
    expect(text).toContain('https://YOUR-HOST/slack/events');
    expect(text).toContain('socket_mode_enabled: false');
  });
});

describe('.env.example', () => {
  const text = readFileSync(new URL('.env.example', root), 'utf8');

  it('lists every variable, each after a comment', () => {
    const lines = text.split('\n');
    for (const name of VARIABLES) {
      const i = lines.findIndex((l) => l.startsWith(`${name}=`));
      expect(i, name).toBeGreaterThan(0);
      expect(lines[i - 1]?.startsWith('#'), name).toBe(true);
    }
  });

  it('as it stands, gives a valid local-mode configuration', () => {
    expect(loadConfig(parseEnv(text))).toEqual({ slack: null, port: 3000, logLevel: 'info' });
  });
});
