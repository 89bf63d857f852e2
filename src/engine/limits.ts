/** What the engine accepts as a draft, and the clear refusal for anything else. */

/** Slack's own ceiling for a message; longer drafts are refused, not truncated. */
export const MAX_DRAFT_CHARS = 40_000;

export type DraftProblem = 'not-text' | 'empty' | 'too-long';

export class DraftError extends Error {
  constructor(
    readonly problem: DraftProblem,
    message: string,
  ) {
    super(message);
    this.name = 'DraftError';
  }
}

/** Counts characters as people do (code points), not UTF-16 units. */
export function characterCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export function checkDraft(text: unknown): asserts text is string {
  if (typeof text !== 'string') throw new DraftError('not-text', 'The draft must be text.');
  if (text.trim().length === 0 || !/[\p{L}\p{N}\p{S}]/u.test(text)) {
    throw new DraftError('empty', 'The draft is empty: there is nothing to review.');
  }
  if (text.length > MAX_DRAFT_CHARS && characterCount(text) > MAX_DRAFT_CHARS) {
    throw new DraftError(
      'too-long',
      `The draft has ${characterCount(text).toLocaleString('en-US')} characters; postcheck reviews drafts of up to ${MAX_DRAFT_CHARS.toLocaleString('en-US')} (Slack's limit for a message).`,
    );
  }
}
