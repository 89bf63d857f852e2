/**
 * `/postcheck <draft>`: acknowledged at once, reviewed in its turn (behind
 * the reviews already waiting), answered privately
 * (ephemeral, through the command's response_url). `/postcheck` alone or
 * `/postcheck help`: usage and the checklist of practices text cannot show.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { errorCode } from '../../../log.js';
import { decodeSlackText } from '../../decode.js';
import { renderHelp, renderNotice, renderReview } from '../../render.js';
import { BUSY_MESSAGE, elapsed, HELP_FOOTER, isHelpRequest, reviewInTurn, reviewStats } from '../../reply.js';
import type { Services } from '../../services.js';

export const COMMAND = '/postcheck';

export function postcheckCommand(services: Services) {
  return async ({ ack, command, respond }: AllMiddlewareArgs & SlackCommandMiddlewareArgs): Promise<void> => {
    const started = performance.now();
    await ack();
    const meta = { kind: 'command', team: command.team_id, channel: command.channel_id };
    try {
      const draft = decodeSlackText(command.text ?? '');
      if (isHelpRequest(draft)) {
        await respond({ response_type: 'ephemeral', ...renderHelp(services.practices()) });
        services.log.info({ ...meta, outcome: 'help', ms: elapsed(started) }, 'help sent');
        return;
      }
      const outcome = await reviewInTurn(services, draft);
      if ('busy' in outcome) {
        await respond({ response_type: 'ephemeral', ...renderNotice(BUSY_MESSAGE, ':hourglass:') });
        services.log.warn({ ...meta, outcome: 'busy', waiting: outcome.waiting, ms: elapsed(started) }, 'too many reviews waiting');
        return;
      }
      if (!outcome.ok) {
        await respond({ response_type: 'ephemeral', ...renderNotice(outcome.problem.message, ':warning:') });
        services.log.info({ ...meta, outcome: 'draft-refused', problem: outcome.problem.problem, ms: elapsed(started) }, 'draft refused');
        return;
      }
      await respond({ response_type: 'ephemeral', ...renderReview(outcome.review, { footer: HELP_FOOTER }) });
      services.log.info(
        { ...meta, outcome: 'reviewed', ...reviewStats(outcome.review), reviewMs: outcome.ms, ms: elapsed(started) },
        'review sent',
      );
    } catch (error) {
      services.log.error({ ...meta, code: errorCode(error), ms: elapsed(started) }, 'command failed');
      try {
        await respond({
          response_type: 'ephemeral',
          ...renderNotice('Sorry, postcheck could not review that draft. Please try again in a moment.', ':x:'),
        });
      } catch (again) {
        services.log.error({ ...meta, code: errorCode(again) }, 'could not tell the user about the failure');
      }
    }
  };
}
