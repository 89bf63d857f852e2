/**
 * The queue reviews wait in after the ack: alone (its turns run by hand, so
 * nothing here depends on timing), then in the app through Bolt's HTTP
 * receiver, where its turns are held back to show that acks never wait for
 * reviews.
 */
import { describe, expect, it } from 'vitest';
import { review as engineReview } from '../../src/engine/index.js';
import { ReviewQueue, ReviewQueueFull } from '../../src/slack/review-queue.js';
import { allStrings, commandBody, messageShortcut, payloadBody, startHarness } from './helpers.js';

/** A schedule whose turns run only when the test says so. */
function byHand() {
  const turns: (() => void)[] = [];
  const step = () => {
    const turn = turns.shift();
    if (turn === undefined) throw new Error('no turn is scheduled');
    turn();
  };
  return {
    schedule: (turn: () => void) => void turns.push(turn),
    get scheduled() {
      return turns.length;
    },
    step,
    /** Runs turns until none is left. */
    drain() {
      while (turns.length > 0) step();
    },
  };
}

/** Lets pending I/O and callbacks run until `check` holds (the test's time limit ends a wait that never does). */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}

function settled<T>(promise: Promise<T>) {
  const state = { done: false, value: undefined as T | undefined, error: undefined as unknown };
  promise.then(
    (value) => Object.assign(state, { done: true, value }),
    (error: unknown) => Object.assign(state, { done: true, error }),
  );
  return state;
}

describe('ReviewQueue', () => {
  it('runs nothing in the turn that queues, then one task per turn, in the order queued', async () => {
    const turns = byHand();
    const queue = new ReviewQueue({ schedule: turns.schedule });
    const ran: string[] = [];
    const results = ['a', 'b', 'c'].map((name) => queue.run(() => (ran.push(name), name.toUpperCase())));
    expect(ran).toEqual([]);
    expect(queue.waiting).toBe(3);
    expect(turns.scheduled).toBe(1); // one turn at a time, however many wait

    turns.step();
    expect(ran).toEqual(['a']);
    expect(queue.waiting).toBe(2);
    expect(turns.scheduled).toBe(1);
    turns.step();
    expect(ran).toEqual(['a', 'b']);
    turns.step();
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(turns.scheduled).toBe(0);
    expect(await Promise.all(results)).toEqual(['A', 'B', 'C']);
  });

  it('a task that throws rejects its own promise only, and the next one still runs', async () => {
    const turns = byHand();
    const queue = new ReviewQueue({ schedule: turns.schedule });
    const failing = settled(
      queue.run(() => {
        throw new TypeError('broken review');
      }),
    );
    const next = settled(queue.run(() => 'next'));
    turns.drain();
    await until(() => failing.done && next.done);
    expect(failing.error).toBeInstanceOf(TypeError);
    expect(next).toMatchObject({ value: 'next', error: undefined });
  });

  it('refuses at once when full, without running the task, and takes new ones once a place frees', async () => {
    const turns = byHand();
    const queue = new ReviewQueue({ max: 2, schedule: turns.schedule });
    const ran: number[] = [];
    const first = queue.run(() => ran.push(1));
    const second = queue.run(() => ran.push(2));
    const refused = settled(queue.run(() => ran.push(3)));
    await until(() => refused.done);
    expect(refused.error).toBeInstanceOf(ReviewQueueFull);
    expect((refused.error as ReviewQueueFull).waiting).toBe(2);

    turns.step();
    const fourth = queue.run(() => ran.push(4));
    turns.drain();
    await Promise.all([first, second, fourth]);
    expect(ran).toEqual([1, 2, 4]);
  });

  it('by default gives each task its own macrotask: work scheduled meanwhile runs between two tasks', async () => {
    const queue = new ReviewQueue();
    const order: string[] = [];
    const a = queue.run(() => {
      order.push('review a');
      setImmediate(() => order.push('other work'));
    });
    const b = queue.run(() => order.push('review b'));
    order.push('queued');
    await Promise.all([a, b]);
    expect(order).toEqual(['queued', 'review a', 'other work', 'review b']);
  });
});

describe('reviews queued in the app', () => {
  const draft = (n: number) => `Draft ${n}: your slipped disc is why your leg hurts.`;

  it('acks every request while reviews wait, then reviews them one per turn in the order they came', async () => {
    const turns = byHand();
    const reviewed: string[] = [];
    const h = await startHarness({
      queue: new ReviewQueue({ schedule: turns.schedule }),
      review: (text) => (reviewed.push(text), engineReview(text)),
    });
    try {
      for (const n of [1, 2, 3]) {
        const sent = await h.send(commandBody({ text: draft(n), response_url: h.fake.responseUrl(`c${n}`) }));
        expect(sent.status).toBe(200);
      }
      const shortcut = await h.send(
        payloadBody(messageShortcut({ text: draft(4), ts: '1700000000.004000', response_url: h.fake.responseUrl('s4') })),
      );
      expect(shortcut.status).toBe(200);
      await until(() => h.slackApp.services.queue.waiting === 4);
      expect(reviewed).toEqual([]); // every ack went out, no review has run
      expect(h.fake.responded).toEqual([]);

      turns.step();
      expect(reviewed).toEqual([draft(1)]);
      turns.drain();
      expect(reviewed).toEqual([draft(1), draft(2), draft(3), draft(4)]);
      await h.slackApp.idle();
      expect(h.fake.responded.map((r) => r.id).sort()).toEqual(['c1', 'c2', 'c3']);
      expect(h.fake.replies.map((c) => c.method)).toEqual(['chat.postMessage']);
    } finally {
      turns.drain();
      await h.stop();
    }
  });

  it('stop() and idle() wait for reviews still queued, and their replies go out', async () => {
    const turns = byHand();
    const h = await startHarness({ queue: new ReviewQueue({ schedule: turns.schedule }) });
    try {
      for (const n of [1, 2]) await h.send(commandBody({ text: draft(n), response_url: h.fake.responseUrl(`q${n}`) }));
      await until(() => h.slackApp.services.queue.waiting === 2);
      const idle = settled(h.slackApp.idle());
      const stopped = settled(h.slackApp.stop());
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
      expect(idle.done).toBe(false);
      expect(stopped.done).toBe(false);

      turns.drain();
      await until(() => stopped.done);
      expect(idle.done).toBe(true);
      expect(stopped.error).toBeUndefined();
      expect(h.fake.responded.map((r) => r.id).sort()).toEqual(['q1', 'q2']);
    } finally {
      turns.drain();
      await h.stop();
    }
  });

  it('when the queue is full, says so privately at once and logs it without the draft', async () => {
    const turns = byHand();
    const h = await startHarness({ queue: new ReviewQueue({ max: 1, schedule: turns.schedule }) });
    try {
      await h.send(commandBody({ text: draft(1), response_url: h.fake.responseUrl('waits') }));
      await until(() => h.slackApp.services.queue.waiting === 1);
      const before = h.logs.length;

      const command = await h.send(commandBody({ text: 'Zebraquill slipped disc', response_url: h.fake.responseUrl('busy-c') }));
      const shortcut = await h.send(
        payloadBody(messageShortcut({ text: 'Zebraquill slipped disc', ts: '1700000000.005000', response_url: h.fake.responseUrl('busy-s') })),
      );
      expect([command.status, shortcut.status]).toEqual([200, 200]);
      await until(() => h.fake.responded.length === 2);
      for (const answer of h.fake.responded) {
        expect(answer.body.response_type).toBe('ephemeral');
        expect(String(answer.body.text)).toContain('too many reviews waiting');
        expect(String(answer.body.text)).toContain('try again');
      }
      expect(h.fake.responded.find((r) => r.id === 'busy-s')?.body.replace_original).toBe(false);
      expect(h.fake.replies).toEqual([]); // nothing posted in the thread
      const busy = h.logs.slice(before).map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.outcome === 'busy');
      expect(busy.map((l) => l.kind).sort()).toEqual(['command', 'message_shortcut']);
      for (const line of busy) expect(line).toMatchObject({ level: 40, waiting: 1 });
      expect(h.logs.join('\n')).not.toContain('Zebraquill');

      turns.drain();
      await h.slackApp.idle();
      const waited = h.fake.responded.find((r) => r.id === 'waits');
      expect(String(waited?.body.text)).toMatch(/^1 finding/);
    } finally {
      turns.drain();
      await h.stop();
    }
  });

  it('a review that throws gets its apology, and the reviews queued behind it still run', async () => {
    const h = await startHarness({
      review: (text) => {
        if (text.includes('Boom')) throw new RangeError('engine failure');
        return engineReview(text);
      },
    });
    try {
      const bodies = [
        commandBody({ text: 'Boom slipped disc', response_url: h.fake.responseUrl('boom') }),
        commandBody({ text: draft(1), response_url: h.fake.responseUrl('after1') }),
        payloadBody(messageShortcut({ text: draft(2), ts: '1700000000.006000', response_url: h.fake.responseUrl('after2') })),
      ];
      const sent = await Promise.all(bodies.map((b) => h.send(b)));
      expect(sent.map((s) => s.status)).toEqual([200, 200, 200]);
      await h.slackApp.idle();
      const byId = new Map(h.fake.responded.map((r) => [r.id, String(r.body.text)]));
      expect(byId.get('boom')).toContain('could not review that draft');
      expect(byId.get('after1')).toMatch(/^1 finding/);
      expect(h.fake.replies.map((c) => c.method)).toEqual(['chat.postMessage']);
      expect(allStrings(h.fake.replies[0]!.args.blocks).join('\n')).toContain('`slipped disc`');
      expect(h.slackApp.services.queue.waiting).toBe(0);
    } finally {
      await h.stop();
    }
  });
});
