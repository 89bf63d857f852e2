/** What the listeners share: running a review and describing it for the logs. */
import { DraftError, THEMES, type Review, type Theme } from '../engine/index.js';
import { ReviewQueueFull } from './review-queue.js';
import type { Services } from './services.js';

export type ReviewOutcome = { ok: true; review: Review; ms: number } | { ok: false; problem: DraftError };

/** Reviews a draft; a bad draft (empty, too long) is an outcome, anything else throws. */
export function runReview(services: Services, draft: string): ReviewOutcome {
  const started = performance.now();
  try {
    const review = services.review(draft);
    return { ok: true, review, ms: elapsed(started) };
  } catch (error) {
    if (error instanceof DraftError) return { ok: false, problem: error };
    throw error;
  }
}

/**
 * For a listener that has acked: the review in its turn, behind those already
 * waiting (see review-queue.ts); `busy` when too many wait. The caller's code
 * up to its next `await` runs in the review's turn.
 */
export async function reviewInTurn(services: Services, draft: string): Promise<ReviewOutcome | { busy: true; waiting: number }> {
  try {
    return await services.queue.run(() => runReview(services, draft));
  } catch (error) {
    if (error instanceof ReviewQueueFull) return { busy: true, waiting: error.waiting };
    throw error;
  }
}

export const BUSY_MESSAGE = 'postcheck has too many reviews waiting right now, so it did not review this one. Please try again in a minute.';

/** Counts for a log line: never the words. */
export function reviewStats(review: Review): { total: number; themes: Partial<Record<Theme, number>>; errors: number } {
  const themes: Partial<Record<Theme, number>> = {};
  for (const t of THEMES) {
    const n = review.findings.filter((f) => f.theme === t).length;
    if (n > 0) themes[t] = n;
  }
  return {
    total: review.findings.length,
    themes,
    errors: review.findings.filter((f) => f.severity === 'error').length,
  };
}

export function elapsed(since: number): number {
  return Math.round(performance.now() - since);
}

/** `/postcheck`, `/postcheck help` (and -h, --help, ?) ask for usage. */
export function isHelpRequest(text: string): boolean {
  return /^\s*(?:help|-h|--help|\?)?\s*$/i.test(text);
}

/** Slack error codes that mean "the app may not post in this conversation". */
export const CANNOT_POST_HERE = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'cannot_reply_to_message',
  'ekm_access_denied',
  'team_access_not_granted',
  'missing_scope',
  'not_allowed_token_type',
]);

/** Codes of chat.update meaning the earlier reply is gone: post a new one. */
export const REPLY_GONE = new Set(['message_not_found', 'cant_update_message', 'edit_window_closed', 'channel_not_found']);

/** A user id fit to mention (`<@U123>`): anything else is not echoed. */
export function mention(userId: string | undefined): string | undefined {
  return userId !== undefined && /^[UW][A-Z0-9]{1,20}$/.test(userId) ? `<@${userId}>` : undefined;
}

export const HELP_FOOTER = 'Some practices cannot be seen in text: `/postcheck help` lists what to check yourself.';
