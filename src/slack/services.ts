/**
 * What the listeners share: the reviewer, the queue reviews wait in, the
 * logger, and small bounded in-memory stores (requests already seen, replies
 * already posted).
 */
import { getEngine, type Practice, type Review } from '../engine/index.js';
import type { Logger } from '../log.js';
import { ReviewQueue } from './review-queue.js';

/** A Map that forgets its oldest entries beyond `max`, and entries older than `ttlMs`. */
export class BoundedMap<K, V> {
  private readonly entries = new Map<K, { value: V; at: number }>();

  constructor(
    readonly max: number,
    readonly ttlMs: number = Number.POSITIVE_INFINITY,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (this.now() - entry.at > this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, at: this.now() });
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Keys of requests already handled: a second delivery of the same one is dropped. */
export class RecentKeys {
  private readonly seen: BoundedMap<string, true>;

  constructor(max = 2000, ttlMs = 10 * 60_000, now: () => number = Date.now) {
    this.seen = new BoundedMap(max, ttlMs, now);
  }

  /** True the first time a key is offered (within the window), false afterwards. */
  first(key: string): boolean {
    if (this.seen.has(key)) return false;
    this.seen.set(key, true);
    return true;
  }
}

/**
 * Thread replies already posted, by the reviewed message (`channel:ts`), so a
 * re-check updates the earlier reply. Work on one message is serialised, so
 * two quick re-checks cannot both post.
 */
export class ReplyTracker {
  private readonly replies: BoundedMap<string, string>;
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(max = 1000) {
    this.replies = new BoundedMap(max);
  }

  replyTo(key: string): string | undefined {
    return this.replies.get(key);
  }

  remember(key: string, replyTs: string): void {
    this.replies.set(key, replyTs);
  }

  forget(key: string): void {
    this.replies.delete(key);
  }

  /** Runs `task` after any earlier task for the same key has finished. */
  async serial<T>(key: string, task: () => Promise<T>): Promise<T> {
    const before = this.queues.get(key) ?? Promise.resolve();
    const run = before.then(task, task);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(key, settled);
    try {
      return await run;
    } finally {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    }
  }
}

/** Counts listener work in flight, so tests and shutdown can wait for it. */
export class WorkTracker {
  private inFlight = 0;
  private waiters: (() => void)[] = [];

  async track<T>(work: Promise<T>): Promise<T> {
    this.inFlight++;
    try {
      return await work;
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) {
        const waiters = this.waiters;
        this.waiters = [];
        for (const w of waiters) w();
      }
    }
  }

  get busy(): number {
    return this.inFlight;
  }

  /** Resolves when nothing is in flight (at once when idle). */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}

export interface Services {
  log: Logger;
  review: (text: string) => Review;
  /** Where reviews wait for their turn after the ack (see review-queue.ts). */
  queue: ReviewQueue;
  practices: () => readonly Practice[];
  seen: RecentKeys;
  replies: ReplyTracker;
  work: WorkTracker;
  /** The app's name in Slack, for "/invite @postcheck". */
  appName: string;
}

export function createServices(log: Logger, overrides: Partial<Omit<Services, 'log'>> = {}): Services {
  return {
    log,
    review: (text) => getEngine().review(text),
    queue: new ReviewQueue(),
    practices: () => getEngine().practices,
    seen: new RecentKeys(),
    replies: new ReplyTracker(),
    work: new WorkTracker(),
    appName: 'postcheck',
    ...overrides,
  };
}
