/**
 * The requests Slack sends the app, as the load run sends them: signed
 * `/postcheck` slash commands and "review_post" message shortcuts.
 */
import { createHmac } from 'node:crypto';

/** Slack's v0 request signature: HMAC-SHA256 of `v0:<timestamp>:<body>` with the signing secret. */
export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export function signedHeaders(secret: string, body: string, now: number = Date.now()): Record<string, string> {
  const ts = Math.floor(now / 1000);
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': sign(secret, ts, body),
  };
}

export interface RequestParts {
  text: string;
  user: string;
  channel: string;
  triggerId: string;
  responseUrl: string;
}

/** A slash command's form body. */
export function commandBody(p: RequestParts): string {
  return new URLSearchParams({
    token: 'legacy-unused',
    team_id: 'T0LOAD',
    team_domain: 'load-test',
    channel_id: p.channel,
    channel_name: 'load',
    user_id: p.user,
    user_name: 'load',
    command: '/postcheck',
    text: p.text,
    api_app_id: 'A0LOAD',
    is_enterprise_install: 'false',
    response_url: p.responseUrl,
    trigger_id: p.triggerId,
  }).toString();
}

/** A message shortcut's form body (`payload=<json>`), for the message with stamp `ts`. */
export function shortcutBody(p: RequestParts & { ts: string }): string {
  const payload = {
    type: 'message_action',
    token: 'legacy-unused',
    action_ts: `${Math.floor(Date.now() / 1000)}.000001`,
    team: { id: 'T0LOAD', domain: 'load-test' },
    user: { id: p.user, username: 'load', name: 'load', team_id: 'T0LOAD' },
    channel: { id: p.channel, name: 'load' },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: 'review_post',
    trigger_id: p.triggerId,
    response_url: p.responseUrl,
    message_ts: p.ts,
    message: { type: 'message', user: 'U0AUTHOR', ts: p.ts, text: p.text },
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
