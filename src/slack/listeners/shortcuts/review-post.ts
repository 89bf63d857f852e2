/**
 * Message shortcut "Review this post" (callback id `review_post`): acked at
 * once, reviews the message's words in their turn (behind the reviews already
 * waiting) and answers in its thread. A re-check of the same
 * message updates the earlier reply. Where the app cannot post (not invited,
 * archived, restricted, a direct message) or any Web API call fails, the
 * review goes privately to the person who asked, through the shortcut's
 * response_url, with how to invite the app when that is the cause.
 */
import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { Review } from '../../../engine/index.js';
import { errorCode } from '../../../log.js';
import { messageText } from '../../decode.js';
import { renderNotice, renderReview } from '../../render.js';
import { BUSY_MESSAGE, CANNOT_POST_HERE, elapsed, HELP_FOOTER, mention, REPLY_GONE, reviewInTurn, reviewStats } from '../../reply.js';
import type { Services } from '../../services.js';

export const REVIEW_POST = 'review_post';

type Args = AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>;

export function isDirectMessage(channel: { id?: string; name?: string } | undefined): boolean {
  return channel?.id?.startsWith('D') === true || channel?.name === 'directmessage';
}

export function reviewPostShortcut(services: Services) {
  return async ({ ack, shortcut, client, respond }: Args): Promise<void> => {
    const started = performance.now();
    await ack();
    const channel = shortcut.channel?.id ?? '';
    const message = shortcut.message;
    const meta = { kind: 'message_shortcut', team: shortcut.team?.id, channel };

    /** Only the person who asked sees it; `note` is this app's own mrkdwn. */
    const privately = async (review: Review, note: string) => {
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderReview(review, { note, footer: HELP_FOOTER }) });
    };

    try {
      const text = messageText(message);
      if (text.trim() === '') {
        await respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice('That message has no text postcheck can review.') });
        services.log.info({ ...meta, outcome: 'no-text', ms: elapsed(started) }, 'message without text');
        return;
      }
      const outcome = await reviewInTurn(services, text);
      if ('busy' in outcome) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(BUSY_MESSAGE, ':hourglass:') });
        services.log.warn({ ...meta, outcome: 'busy', waiting: outcome.waiting, ms: elapsed(started) }, 'too many reviews waiting');
        return;
      }
      if (!outcome.ok) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(outcome.problem.message, ':warning:') });
        services.log.info({ ...meta, outcome: 'draft-refused', problem: outcome.problem.problem }, 'draft refused');
        return;
      }
      const review = outcome.review;
      const stats = { ...reviewStats(review), reviewMs: outcome.ms };

      if (isDirectMessage(shortcut.channel)) {
        await privately(review, ':lock: Reviews of direct messages stay private: only you can see this.');
        services.log.info({ ...meta, ...stats, outcome: 'private-dm', ms: elapsed(started) }, 'review sent privately');
        return;
      }

      const requester = mention(shortcut.user?.id);
      const rendered = renderReview(review, {
        note: requester ? `Review requested by ${requester}` : undefined,
        footer: HELP_FOOTER,
      });
      const key = `${channel}:${message.ts}`;
      const threadTs = typeof message.thread_ts === 'string' ? message.thread_ts : message.ts;

      const result = await services.replies.serial(key, async (): Promise<{ outcome: string; code?: string }> => {
        const earlier = services.replies.replyTo(key);
        if (earlier !== undefined) {
          try {
            await client.chat.update({ channel, ts: earlier, text: rendered.text, blocks: rendered.blocks });
            return { outcome: 'updated' };
          } catch (error) {
            const code = errorCode(error);
            services.log.warn({ ...meta, api: 'chat.update', code }, 'could not update the earlier reply');
            services.replies.forget(key);
            if (!REPLY_GONE.has(code)) return { outcome: 'failed', code };
          }
        }
        try {
          const posted = await client.chat.postMessage({
            channel,
            thread_ts: threadTs,
            text: rendered.text,
            blocks: rendered.blocks,
            unfurl_links: false,
            unfurl_media: false,
          });
          if (typeof posted.ts === 'string') services.replies.remember(key, posted.ts);
          return { outcome: 'thread' };
        } catch (error) {
          const code = errorCode(error);
          services.log.warn({ ...meta, api: 'chat.postMessage', code }, 'could not post in the thread');
          return { outcome: 'failed', code };
        }
      });

      if (result.outcome === 'failed') {
        const code = result.code ?? 'unknown_error';
        const note = CANNOT_POST_HERE.has(code)
          ? `:information_source: postcheck cannot post in this conversation (\`${code}\`), so only you can see this review. To get reviews in the thread, invite the app: \`/invite @${services.appName}\`.`
          : `:information_source: postcheck could not post in the thread (\`${code}\`), so only you can see this review.`;
        await privately(review, note);
        services.log.info({ ...meta, ...stats, outcome: 'private-fallback', code, ms: elapsed(started) }, 'review sent privately');
        return;
      }
      services.log.info({ ...meta, ...stats, outcome: result.outcome, ms: elapsed(started) }, 'review posted in thread');
    } catch (error) {
      services.log.error({ ...meta, code: errorCode(error), ms: elapsed(started) }, 'message shortcut failed');
      try {
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          ...renderNotice('Sorry, postcheck could not review that message. Please try again in a moment.', ':x:'),
        });
      } catch (again) {
        services.log.error({ ...meta, code: errorCode(again) }, 'could not tell the user about the failure');
      }
    }
  };
}
