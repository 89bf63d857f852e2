/**
 * Reviews waiting their turn, so that no acknowledgement waits behind them.
 *
 * A listener acks first, then hands its review to the queue. The queue runs
 * one review per turn of the event loop (a macrotask, `setImmediate`), never
 * in the turn that queued it; between two reviews Node reads the requests
 * that arrived meanwhile, and they are acknowledged before the next review.
 * That includes new connections: Node (libuv 1.45 and later) accepts one new
 * connection per turn of the loop, so when a turn ran a burst's reviews back
 * to back (70 to 100 ms under `npm run load`), each connection not yet
 * accepted, and its request's ack, waited that long per connection ahead of
 * it: up to 2 to 3 s in the first burst.
 *
 * The listener's code up to its next `await` (rendering the review, starting
 * the reply) runs in the same turn as its review. The listener awaits its
 * turn, so the app's work tracker counts a queued review as work in flight:
 * `stop()` and `idle()` wait for it.
 *
 * Bounded: with `max` reviews waiting, `run` refuses at once with
 * `ReviewQueueFull`, and the listener tells the user to try again.
 */

/** The queue already holds as many reviews as it may. */
export class ReviewQueueFull extends Error {
  constructor(readonly waiting: number) {
    super(`${waiting} reviews are already waiting`);
    this.name = 'ReviewQueueFull';
  }
}

export interface ReviewQueueOptions {
  /** How many reviews may wait; more are refused. */
  max?: number;
  /** Runs a turn later, after pending I/O (tests: by hand). */
  schedule?: (turn: () => void) => void;
}

interface Job {
  task: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** About 2 to 3 s of work at a few milliseconds per review. */
export const DEFAULT_MAX_WAITING = 1000;

export class ReviewQueue {
  readonly max: number;
  private readonly schedule: (turn: () => void) => void;
  private readonly jobs: Job[] = [];
  private scheduled = false;

  constructor(options: ReviewQueueOptions = {}) {
    this.max = options.max ?? DEFAULT_MAX_WAITING;
    this.schedule = options.schedule ?? ((turn) => setImmediate(turn));
  }

  /** Reviews waiting (not counting the one running). */
  get waiting(): number {
    return this.jobs.length;
  }

  /**
   * Runs `task` in its own turn, after those queued before it; resolves with
   * its result or rejects with what it threw. Rejects with `ReviewQueueFull`
   * at once when `max` tasks are waiting.
   */
  run<T>(task: () => T): Promise<T> {
    if (this.jobs.length >= this.max) return Promise.reject(new ReviewQueueFull(this.jobs.length));
    return new Promise<T>((resolve, reject) => {
      this.jobs.push({ task, resolve: resolve as (value: unknown) => void, reject });
      this.wake();
    });
  }

  private wake(): void {
    if (this.scheduled || this.jobs.length === 0) return;
    this.scheduled = true;
    this.schedule(() => this.turn());
  }

  private turn(): void {
    this.scheduled = false;
    const job = this.jobs.shift();
    if (job !== undefined) {
      try {
        job.resolve(job.task());
      } catch (error) {
        job.reject(error);
      }
    }
    this.wake();
  }
}
