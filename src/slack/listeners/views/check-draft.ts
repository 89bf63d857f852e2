/**
 * Submission of the "Check a draft" modal: the review replaces the form
 * (`response_action: 'update'`); an empty draft gets a field error
 * (`response_action: 'errors'`). The answer travels in the ack itself, so the
 * review runs before it; the modal's input holds at most 3,000 characters.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { errorCode } from '../../../log.js';
import { DRAFT_ACTION, DRAFT_BLOCK, draftModal, resultModal } from '../../modals.js';
import { renderReview } from '../../render.js';
import { elapsed, HELP_FOOTER, reviewStats, runReview } from '../../reply.js';
import type { Services } from '../../services.js';

type SubmitArgs = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

export const EMPTY_DRAFT_ERROR = 'Write or paste a draft to review.';

export function checkDraftSubmission(services: Services) {
  return async ({ ack, view, body }: SubmitArgs): Promise<void> => {
    const started = performance.now();
    const meta = { kind: 'view_submission', team: body.team?.id };
    let acked = false;
    try {
      const value = view.state.values[DRAFT_BLOCK]?.[DRAFT_ACTION]?.value ?? '';
      if (value.trim() === '') {
        acked = true;
        await ack({ response_action: 'errors', errors: { [DRAFT_BLOCK]: EMPTY_DRAFT_ERROR } });
        services.log.info({ ...meta, outcome: 'empty', ms: elapsed(started) }, 'empty draft refused');
        return;
      }
      const outcome = runReview(services, value);
      if (!outcome.ok) {
        acked = true;
        await ack({ response_action: 'errors', errors: { [DRAFT_BLOCK]: outcome.problem.message } });
        services.log.info({ ...meta, outcome: 'draft-refused', problem: outcome.problem.problem }, 'draft refused');
        return;
      }
      acked = true;
      await ack({ response_action: 'update', view: resultModal(renderReview(outcome.review, { footer: HELP_FOOTER })) });
      services.log.info(
        { ...meta, outcome: 'reviewed', ...reviewStats(outcome.review), reviewMs: outcome.ms, ms: elapsed(started) },
        'review shown',
      );
    } catch (error) {
      services.log.error({ ...meta, code: errorCode(error) }, 'modal submission failed');
      if (!acked) {
        try {
          await ack({ response_action: 'errors', errors: { [DRAFT_BLOCK]: 'Sorry, postcheck could not review this draft. Please try again.' } });
        } catch (again) {
          services.log.error({ ...meta, code: errorCode(again) }, 'could not answer the submission');
        }
      }
    }
  };
}

/** "Check another" on the result: back to an empty form. */
export function checkAnother(services: Services) {
  return async ({ ack, body }: SubmitArgs): Promise<void> => {
    try {
      await ack({ response_action: 'update', view: draftModal() });
    } catch (error) {
      services.log.error({ kind: 'view_submission', team: body.team?.id, code: errorCode(error) }, 'could not reopen the form');
    }
  };
}
