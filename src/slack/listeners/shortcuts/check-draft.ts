/** Global shortcut "Check a draft" (callback id `check_draft`): opens the draft modal. */
import type { AllMiddlewareArgs, GlobalShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { errorCode } from '../../../log.js';
import { draftModal } from '../../modals.js';
import { renderNotice } from '../../render.js';
import { elapsed } from '../../reply.js';
import type { Services } from '../../services.js';

export const CHECK_DRAFT = 'check_draft';

type Args = AllMiddlewareArgs & SlackShortcutMiddlewareArgs<GlobalShortcut>;

export function checkDraftShortcut(services: Services) {
  return async ({ ack, shortcut, client }: Args): Promise<void> => {
    const started = performance.now();
    await ack();
    const meta = { kind: 'global_shortcut', team: shortcut.team?.id };
    try {
      await client.views.open({ trigger_id: shortcut.trigger_id, view: draftModal() });
      services.log.info({ ...meta, outcome: 'modal-opened', ms: elapsed(started) }, 'draft modal opened');
    } catch (error) {
      const code = errorCode(error);
      services.log.warn({ ...meta, api: 'views.open', code }, 'could not open the draft modal');
      // A global shortcut has no response_url: tell the user in the app's direct messages.
      try {
        const notice = renderNotice(
          `postcheck could not open the draft window (${code}). Try the shortcut again, or type /postcheck followed by your draft.`,
          ':x:',
        );
        await client.chat.postMessage({ channel: shortcut.user.id, ...notice });
      } catch (again) {
        services.log.error({ ...meta, api: 'chat.postMessage', code: errorCode(again) }, 'could not tell the user');
      }
    }
  };
}
