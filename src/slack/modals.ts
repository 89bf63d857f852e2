/** The "Check a draft" modal: the input form, and the review shown in its place. */
import type { types as slack } from '@slack/bolt';
import type { Rendered } from './render.js';

export const DRAFT_VIEW = 'check_draft_modal';
export const RESULT_VIEW = 'check_draft_result';
export const DRAFT_BLOCK = 'draft';
export const DRAFT_ACTION = 'draft_input';

/** Slack's own limit for a plain-text input. */
export const MODAL_DRAFT_MAX = 3000;

const plain = (text: string): slack.PlainTextElement => ({ type: 'plain_text', text, emoji: true });

export function draftModal(): slack.ModalView {
  return {
    type: 'modal',
    callback_id: DRAFT_VIEW,
    title: plain('Check a draft'),
    submit: plain('Review'),
    close: plain('Cancel'),
    blocks: [
      {
        type: 'input',
        block_id: DRAFT_BLOCK,
        label: plain('Your draft post'),
        element: {
          type: 'plain_text_input',
          action_id: DRAFT_ACTION,
          multiline: true,
          max_length: MODAL_DRAFT_MAX,
          focus_on_load: true,
          placeholder: plain('Paste the post you are about to share'),
        },
        hint: plain('Only you see the review; postcheck keeps no copy of the draft.'),
      },
    ],
  };
}

export function resultModal(rendered: Rendered): slack.ModalView {
  return {
    type: 'modal',
    callback_id: RESULT_VIEW,
    title: plain('postcheck review'),
    submit: plain('Check another'),
    close: plain('Done'),
    blocks: rendered.blocks,
  };
}
