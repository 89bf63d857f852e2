/**
 * The Slack app through Bolt's real HTTP receiver: signed requests in, and
 * what Slack would receive (Web API calls, response_url posts, ack bodies)
 * checked on a fake Slack. Everything runs on 127.0.0.1.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { review as engineReview, type Finding, type Review } from '../../src/engine/index.js';
import {
  allStrings,
  blockKitProblems,
  commandBody,
  globalShortcut,
  messageShortcut,
  nextTrigger,
  payloadBody,
  startHarness,
  viewSubmission,
  type Harness,
} from './helpers.js';

/** What the identifier detector will flag, added to the real engine's review (the catalogue is still being written). */
function withIdentifiers(text: string): Review {
  const base = engineReview(text);
  const extra: Finding[] = [];
  const add = (needle: string, f: Omit<Finding, 'start' | 'end' | 'text'>) => {
    for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) {
      extra.push({ ...f, start: i, end: i + needle.length, text: needle });
    }
  };
  const id = { practice: 'C1', theme: 'compliance' as const, severity: 'error' as const, why: 'A Safe Harbor identifier.' };
  add('John Smith', { ...id, rule: 'compliance.patient-name', message: 'A patient name.', suggestion: null, sensitive: 'name' });
  add('555-867-5309', { ...id, rule: 'compliance.phone', message: 'A phone number.', suggestion: '', sensitive: 'number' });
  add('MRN 00482913', { ...id, rule: 'compliance.mrn', message: 'A record number.', suggestion: null, sensitive: 'identifier' });
  add('my patient John Smith', {
    ...id,
    rule: 'compliance.patient-reference',
    message: 'Refers to a patient.',
    suggestion: 'a patient (John Smith)',
  });
  return { findings: [...base.findings, ...extra].sort((a, b) => a.start - b.start), rewrite: base.rewrite };
}

const SECRETS = ['John Smith', 'John', 'Smith', '555-867-5309', '8675309', '00482913'];

/** Everything Slack received since the last reset, as strings. */
function received(h: Harness): string[] {
  return [...allStrings(h.fake.replies.map((c) => c.args)), ...allStrings(h.fake.responded.map((r) => r.body))];
}

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ review: withIdentifiers });
});

afterAll(async () => {
  await h.stop();
});

afterEach(() => {
  h.fake.reset();
});

describe('HTTP receiver', () => {
  it('answers GET /health with 200', async () => {
    const res = await fetch(`${h.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('checked the bot token at start (auth.test against SLACK_API_URL)', async () => {
    const fresh = await startHarness();
    try {
      expect(fresh.fake.calls.map((c) => c.method)).toEqual(['auth.test']);
    } finally {
      await fresh.stop();
    }
  });

  it('refuses unsigned requests with 401 and calls no Web API', async () => {
    const body = commandBody({ text: 'slipped disc', response_url: h.fake.responseUrl('unsigned') });
    const sent = await h.deliver(body, { unsigned: true });
    expect(sent.status).toBe(401);
    expect(h.fake.calls).toEqual([]);
    expect(h.fake.responded).toEqual([]);
  });

  it('refuses a request signed with another secret', async () => {
    const body = commandBody({ text: 'slipped disc', response_url: h.fake.responseUrl('forged') });
    const sent = await h.deliver(body, { secret: 'ffffffffffffffffffffffffffffffff' });
    expect(sent.status).toBe(401);
    expect(h.fake.responded).toEqual([]);
  });

  it('refuses stale requests (more than 5 minutes old) with 401, even when correctly signed', async () => {
    const body = commandBody({ text: 'slipped disc', response_url: h.fake.responseUrl('stale') });
    const sent = await h.deliver(body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(sent.status).toBe(401);
    expect(h.fake.calls).toEqual([]);
    expect(h.fake.responded).toEqual([]);
  });

  it('answers 404 elsewhere', async () => {
    const res = await fetch(`${h.url}/nothing-here`);
    expect(res.status).toBe(404);
  });
});

describe('/postcheck', () => {
  it('acks at once, then answers privately through response_url with the review grouped by theme', async () => {
    const sent = await h.deliver(commandBody({ text: 'Your slipped disc is why your leg hurts.', response_url: h.fake.responseUrl('c1') }));
    expect(sent.status).toBe(200);
    expect(sent.text).toBe('');
    expect(h.fake.replies).toEqual([]); // nothing public
    expect(h.fake.responded).toHaveLength(1);
    const answer = h.fake.responded[0]!;
    expect(answer.id).toBe('c1');
    expect(answer.body.response_type).toBe('ephemeral');
    expect(answer.body.text).toMatch(/^1 finding in 1 theme: Spine Care \(1\)/);
    const strings = allStrings(answer.body.blocks);
    expect(strings.some((s) => s.includes('*Spine Care*'))).toBe(true);
    expect(strings.some((s) => s.includes('`slipped disc`'))).toBe(true);
    expect(strings.some((s) => s.includes('`disc herniation`'))).toBe(true);
    expect(strings.some((s) => s.includes('SC3'))).toBe(true);
    expect(strings.some((s) => s.includes('Your disc herniation is why your leg hurts.'))).toBe(true);
    expect(blockKitProblems(answer.body.blocks)).toEqual([]);
  });

  it('decodes Slack entities before the review', async () => {
    await h.deliver(commandBody({ text: 'Knees &amp; a slipped disc', response_url: h.fake.responseUrl('c2') }));
    const rewrite = allStrings(h.fake.responded[0]!.body.blocks).find((s) => s.includes('```'));
    // "&" came in as &amp;, was reviewed as "&", and goes back out escaped once.
    expect(rewrite).toContain('Knees &amp; a disc herniation');
    expect(rewrite).not.toContain('&amp;amp;');
  });

  it.each([[''], ['help'], ['  HELP ']])('shows usage and the checklist for %j', async (text) => {
    const sent = await h.deliver(commandBody({ text, response_url: h.fake.responseUrl('help') }));
    expect(sent.status).toBe(200);
    expect(h.fake.responded).toHaveLength(1);
    const body = h.fake.responded[0]!.body;
    expect(body.response_type).toBe('ephemeral');
    const strings = allStrings(body.blocks).join('\n');
    expect(strings).toContain('/postcheck your draft');
    expect(strings).toContain('Review this post');
    // The practices text cannot show (checkable: false) are listed with their checklist question.
    expect(strings).toMatch(/\*C8\* .*\?/);
    expect(strings).toMatch(/\*S5\* /);
    expect(strings).not.toMatch(/\*SC3\*/); // a checkable practice is not in the checklist
  });

  it('gives a draft problem its message, privately', async () => {
    await h.deliver(commandBody({ text: '!!! ...', response_url: h.fake.responseUrl('empty') }));
    expect(h.fake.responded).toHaveLength(1);
    const body = h.fake.responded[0]!.body;
    expect(body.response_type).toBe('ephemeral');
    expect(String(body.text)).toContain('The draft is empty');
  });

  it('never answers a retried delivery (x-slack-retry-num) a second time', async () => {
    const body = commandBody({ text: 'a slipped disc', response_url: h.fake.responseUrl('retry') });
    expect((await h.deliver(body)).status).toBe(200);
    const again = await h.deliver(body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(again.status).toBe(200);
    expect(h.fake.responded).toHaveLength(1);
  });

  it('never answers the same trigger twice, even without a retry header', async () => {
    const body = commandBody({ text: 'a slipped disc', response_url: h.fake.responseUrl('twice') });
    await h.deliver(body);
    await h.deliver(body);
    expect(h.fake.responded).toHaveLength(1);
  });

  it('answers a retry whose first delivery never arrived (once)', async () => {
    const body = commandBody({ text: 'a slipped disc', response_url: h.fake.responseUrl('late') });
    await h.deliver(body, { headers: { 'x-slack-retry-num': '2' } });
    await h.deliver(body, { headers: { 'x-slack-retry-num': '3' } });
    expect(h.fake.responded).toHaveLength(1);
  });

  it('reviews a 40,000-character draft full of findings, acks well within 3 s and stays within Block Kit limits', async () => {
    const unit = 'Your slipped disc &amp; bone on bone knees: my patient John Smith (555-867-5309) is out of alignment. ';
    const text = unit.repeat(Math.ceil(40_000 / unit.length)).slice(0, 40_000);
    const sent = await h.send(commandBody({ text, response_url: h.fake.responseUrl('big') }));
    expect(sent.status).toBe(200);
    expect(sent.ms).toBeLessThan(3_000);
    await h.slackApp.idle();
    expect(h.fake.responded).toHaveLength(1);
    const body = h.fake.responded[0]!.body;
    expect(blockKitProblems(body.blocks)).toEqual([]);
    const strings = allStrings(body.blocks).join('\n');
    expect(strings).toMatch(/\+[\d,]+ more in Spine Care/);
    expect(strings).toMatch(/\+[\d,]+ more in Compliance and Confidentiality/);
    expect(strings).toMatch(/The rewrite is [\d,]+ characters long; the first [\d,]+ are shown/);
    for (const secret of SECRETS) expect(strings).not.toContain(secret);
    expect(String(body.text)).toMatch(/^[\d,]+ findings in 2 themes: Compliance and Confidentiality \([\d,]+\), Spine Care \([\d,]+\)\. Fix before posting\.$/);
  });

  it('a draft longer than 40,000 characters is refused with its message', async () => {
    await h.deliver(commandBody({ text: 'a'.repeat(40_001), response_url: h.fake.responseUrl('long') }));
    expect(String(h.fake.responded[0]!.body.text)).toContain('40,001 characters');
  });

  it('when response_url fails, the failure is logged with its code only', async () => {
    h.fake.respondStatus = 404;
    const before = h.logs.length;
    await h.deliver(commandBody({ text: 'a slipped disc', response_url: h.fake.responseUrl('gone') }));
    const lines = h.logs.slice(before).map((l) => JSON.parse(l) as Record<string, unknown>);
    const failed = lines.find((l) => l.msg === 'command failed');
    expect(failed).toMatchObject({ kind: 'command', team: 'T1', channel: 'C1', code: 'slack_bolt_respond_error' });
  });
});

describe('message shortcut "Review this post"', () => {
  it('answers in the thread of a channel message', async () => {
    const sent = await h.deliver(
      payloadBody(messageShortcut({ text: 'A slipped disc again.', ts: '1700000000.000200', response_url: h.fake.responseUrl('m1') })),
    );
    expect(sent.status).toBe(200);
    expect(h.fake.replies.map((c) => c.method)).toEqual(['chat.postMessage']);
    const post = h.fake.replies[0]!.args;
    expect(post).toMatchObject({ channel: 'C1', thread_ts: '1700000000.000200' });
    expect(String(post.text)).toMatch(/^1 finding in 1 theme/);
    expect(blockKitProblems(post.blocks)).toEqual([]);
    expect(allStrings(post.blocks).join('\n')).toContain('`slipped disc`');
    expect(allStrings(post.blocks).join('\n')).toContain('Review requested by <@U1>');
    expect(h.fake.responded).toEqual([]);
  });

  it('answers in the existing thread when the message is itself a reply', async () => {
    await h.deliver(
      payloadBody(
        messageShortcut({
          text: 'slipped disc',
          ts: '1700000000.000400',
          thread_ts: '1700000000.000300',
          response_url: h.fake.responseUrl('m2'),
        }),
      ),
    );
    expect(h.fake.replies[0]).toMatchObject({ method: 'chat.postMessage', args: { channel: 'C1', thread_ts: '1700000000.000300' } });
  });

  it('updates its earlier reply when the same message is checked again', async () => {
    const first = messageShortcut({ text: 'slipped disc', ts: '1700000000.000500', response_url: h.fake.responseUrl('m3') });
    await h.deliver(payloadBody(first));
    const posted = h.fake.replies[0]!;
    expect(posted.method).toBe('chat.postMessage');
    const again = messageShortcut({ text: 'slipped disc, edited', ts: '1700000000.000500', response_url: h.fake.responseUrl('m3b') });
    await h.deliver(payloadBody(again));
    expect(h.fake.replies.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.update']);
    const update = h.fake.replies[1]!.args;
    expect(update.channel).toBe('C1');
    expect(update.ts).toMatch(/^1700000100\./); // the ts the fake gave the first reply
    expect(allStrings(update.blocks).join('\n')).toContain('disc herniation, edited');
  });

  it('posts anew when the earlier reply was deleted', async () => {
    await h.deliver(payloadBody(messageShortcut({ text: 'slipped disc', ts: '1700000000.000600', response_url: h.fake.responseUrl('m4') })));
    h.fake.failures.set('chat.update', 'message_not_found');
    await h.deliver(payloadBody(messageShortcut({ text: 'slipped disc', ts: '1700000000.000600', response_url: h.fake.responseUrl('m4b') })));
    expect(h.fake.replies.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.update', 'chat.postMessage']);
    expect(h.fake.responded).toEqual([]);
  });

  it('falls back to a private answer with how to invite the app when it is not in the channel', async () => {
    h.fake.failures.set('chat.postMessage', 'not_in_channel');
    const before = h.logs.length;
    await h.deliver(payloadBody(messageShortcut({ text: 'slipped disc', channel: { id: 'G9', name: 'private-team' }, response_url: h.fake.responseUrl('m5') })));
    expect(h.fake.replies.map((c) => c.method)).toEqual(['chat.postMessage']);
    expect(h.fake.responded).toHaveLength(1);
    const body = h.fake.responded[0]!.body;
    expect(body.response_type).toBe('ephemeral');
    const strings = allStrings(body.blocks).join('\n');
    expect(strings).toContain('`not_in_channel`');
    expect(strings).toContain('/invite @postcheck');
    expect(strings).toContain('`slipped disc`');
    const warn = h.logs.slice(before).map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.api === 'chat.postMessage');
    expect(warn).toMatchObject({ code: 'not_in_channel', channel: 'G9', level: 40 });
  });

  it('falls back privately (without the invite hint) for other Web API failures', async () => {
    h.fake.failures.set('chat.postMessage', 'fatal_error');
    await h.deliver(payloadBody(messageShortcut({ text: 'slipped disc', response_url: h.fake.responseUrl('m6') })));
    const strings = allStrings(h.fake.responded[0]!.body.blocks).join('\n');
    expect(strings).toContain('`fatal_error`');
    expect(strings).not.toContain('/invite');
  });

  it('answers privately in a direct message without trying to post', async () => {
    await h.deliver(
      payloadBody(messageShortcut({ text: 'slipped disc', channel: { id: 'D42', name: 'directmessage' }, response_url: h.fake.responseUrl('dm') })),
    );
    expect(h.fake.replies).toEqual([]);
    expect(h.fake.responded).toHaveLength(1);
    expect(h.fake.responded[0]!.body.response_type).toBe('ephemeral');
  });

  it('reads the words from rich-text blocks when text is empty', async () => {
    const blocks = [
      {
        type: 'rich_text',
        elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'Bone on bone, ' }, { type: 'text', text: 'a slipped disc' }] }],
      },
    ];
    await h.deliver(payloadBody(messageShortcut({ text: '', blocks, response_url: h.fake.responseUrl('rt') })));
    expect(allStrings(h.fake.replies[0]!.args.blocks).join('\n')).toContain('`slipped disc`');
  });

  it('reads the words from attachments when text is empty', async () => {
    const attachments = [{ fallback: 'x', pretext: 'Shared post', text: 'Fix that slipped disc' }];
    await h.deliver(payloadBody(messageShortcut({ text: '', attachments, response_url: h.fake.responseUrl('att') })));
    expect(allStrings(h.fake.replies[0]!.args.blocks).join('\n')).toContain('`slipped disc`');
  });

  it('says privately when a message has no text', async () => {
    await h.deliver(payloadBody(messageShortcut({ text: '', response_url: h.fake.responseUrl('nothing') })));
    expect(h.fake.replies).toEqual([]);
    expect(String(h.fake.responded[0]!.body.text)).toContain('no text');
  });

  it('never posts twice for the same trigger', async () => {
    const body = payloadBody(messageShortcut({ text: 'slipped disc', ts: '1700000000.000700', response_url: h.fake.responseUrl('dup') }));
    await h.deliver(body);
    await h.deliver(body, { headers: { 'x-slack-retry-num': '1' } });
    await h.deliver(body);
    expect(h.fake.replies.map((c) => c.method)).toEqual(['chat.postMessage']);
  });

  it('two quick checks of one message give one reply, then an update', async () => {
    const a = payloadBody(messageShortcut({ text: 'slipped disc', ts: '1700000000.000800', response_url: h.fake.responseUrl('q1') }));
    const b = payloadBody(messageShortcut({ text: 'slipped disc', ts: '1700000000.000800', response_url: h.fake.responseUrl('q2') }));
    await Promise.all([h.send(a), h.send(b)]);
    await h.slackApp.idle();
    expect(h.fake.replies.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.update']);
  });

  it('keeps a 40,000-character message within Block Kit limits and acks at once', async () => {
    const unit = 'Bone on bone &amp; a slipped disc, crumbling spine; my patient John Smith, call 555-867-5309. ';
    const text = unit.repeat(Math.ceil(40_000 / unit.length)).slice(0, 40_000);
    const sent = await h.send(payloadBody(messageShortcut({ text, ts: '1700000000.000900', response_url: h.fake.responseUrl('big') })));
    expect(sent.status).toBe(200);
    expect(sent.ms).toBeLessThan(3_000);
    await h.slackApp.idle();
    const post = h.fake.replies[0]!.args;
    expect(blockKitProblems(post.blocks)).toEqual([]);
    const strings = allStrings(post).join('\n');
    for (const secret of SECRETS) expect(strings).not.toContain(secret);
  });
});

describe('nothing unmasked or unescaped reaches Slack', () => {
  const draft =
    'Hey &lt;!here&gt; and <!channel>: my patient John Smith (call <tel:5558675309|555-867-5309>, MRN 00482913) had a slipped disc. ' +
    'Details: <https://evil.example/login|click here> *bold* &amp;lt;b&amp;gt;';

  function checkReceived(strings: string[]) {
    const all = strings.join('\n');
    for (const secret of SECRETS) expect(all).not.toContain(secret);
    expect(all).not.toContain('<!here>');
    expect(all).not.toContain('<!channel>');
    expect(all).not.toContain('<https://evil');
    expect(all).not.toMatch(/<(?!@U1>)[^\s]/); // the only "<" control sequence is the requester mention
    expect(all).toContain('J*** S****'); // masked, not dropped
  }

  it('in a /postcheck answer', async () => {
    await h.deliver(commandBody({ text: draft, response_url: h.fake.responseUrl('leak1') }));
    expect(h.fake.responded).toHaveLength(1);
    checkReceived(received(h));
    const all = received(h).join('\n');
    expect(all).toContain('&lt;!here&gt;');
    expect(all).toContain('@channel');
  });

  it('in a thread reply', async () => {
    await h.deliver(payloadBody(messageShortcut({ text: draft, ts: '1700000000.001000', response_url: h.fake.responseUrl('leak2') })));
    expect(h.fake.replies).toHaveLength(1);
    checkReceived(received(h));
  });

  it('in the modal', async () => {
    const decoded = 'Hey <!here>: my patient John Smith (call 555-867-5309, MRN 00482913) had a slipped disc. <https://evil.example|x>';
    const sent = await h.deliver(payloadBody(viewSubmission(decoded)));
    checkReceived(allStrings(sent.json));
  });

  it('with the real engine alone: no sensitive excerpt it finds is echoed', async () => {
    const plain = await startHarness();
    try {
      const text = 'My patient Maria Lopez, DOB 03/14/1956, SSN 123-45-6789, phone 555-867-5309, MRN 00482913, had a slipped disc.';
      const review = engineReview(text);
      await plain.deliver(commandBody({ text, response_url: plain.fake.responseUrl('real') }));
      const all = allStrings(plain.fake.responded.map((r) => r.body)).join('\n');
      expect(plain.fake.responded).toHaveLength(1);
      for (const f of review.findings) {
        if (f.sensitive !== undefined && f.sensitive !== 'text' && f.text.trim().length > 1) expect(all).not.toContain(f.text);
      }
    } finally {
      await plain.stop();
    }
  });
});

describe('global shortcut "Check a draft" and its modal', () => {
  it('opens the modal with a multi-line input', async () => {
    const trigger = nextTrigger();
    const sent = await h.deliver(payloadBody(globalShortcut(trigger)));
    expect(sent.status).toBe(200);
    expect(h.fake.replies.map((c) => c.method)).toEqual(['views.open']);
    const args = h.fake.replies[0]!.args as { trigger_id: string; view: { type: string; callback_id: string; blocks: unknown[] } };
    expect(args.trigger_id).toBe(trigger);
    expect(args.view).toMatchObject({ type: 'modal', callback_id: 'check_draft_modal' });
    expect(args.view.blocks[0]).toMatchObject({
      type: 'input',
      block_id: 'draft',
      element: { type: 'plain_text_input', action_id: 'draft_input', multiline: true },
    });
  });

  it('tells the user in a direct message when the modal cannot open', async () => {
    h.fake.failures.set('views.open', 'expired_trigger_id');
    await h.deliver(payloadBody(globalShortcut()));
    expect(h.fake.replies.map((c) => c.method)).toEqual(['views.open', 'chat.postMessage']);
    expect(h.fake.replies[1]!.args.channel).toBe('U1');
    expect(String(h.fake.replies[1]!.args.text)).toContain('expired_trigger_id');
  });

  it('shows the review in the modal on submission', async () => {
    const sent = await h.deliver(payloadBody(viewSubmission('Your slipped disc is why your leg hurts.')));
    expect(sent.status).toBe(200);
    const ack = sent.json as { response_action: string; view: { type: string; blocks: unknown[]; title: { text: string } } };
    expect(ack.response_action).toBe('update');
    expect(ack.view.type).toBe('modal');
    expect(ack.view.title.text.length).toBeLessThanOrEqual(24);
    expect(blockKitProblems(ack.view.blocks)).toEqual([]);
    const strings = allStrings(ack.view.blocks).join('\n');
    expect(strings).toContain('`slipped disc`');
    expect(strings).toContain('Your disc herniation is why your leg hurts.');
    expect(h.fake.replies).toEqual([]);
  });

  it.each([[''], ['   \n  '], [null]])('gives an empty draft (%j) a field error', async (value) => {
    const sent = await h.deliver(payloadBody(viewSubmission(value)));
    expect(sent.status).toBe(200);
    expect(sent.json).toEqual({ response_action: 'errors', errors: { draft: 'Write or paste a draft to review.' } });
  });

  it('"Check another" brings the form back', async () => {
    const sent = await h.deliver(payloadBody(viewSubmission(null, 'check_draft_result')));
    expect(sent.json).toMatchObject({ response_action: 'update', view: { callback_id: 'check_draft_modal' } });
  });
});

describe('stopping', () => {
  it('stop() closes the HTTP server', async () => {
    const other = await startHarness();
    expect((await fetch(`${other.url}/health`)).status).toBe(200);
    await other.stop();
    await expect(fetch(`${other.url}/health`)).rejects.toThrow();
  });
});
