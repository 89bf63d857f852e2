import type { App, GlobalShortcut, MessageShortcut } from '@slack/bolt';
import { createLogger } from '../../../log.js';
import { createServices, type Services } from '../../services.js';
import { CHECK_DRAFT, checkDraftShortcut } from './check-draft.js';
import { REVIEW_POST, reviewPostShortcut } from './review-post.js';

export function register(app: App, services: Services = createServices(createLogger())): void {
  app.shortcut<MessageShortcut>({ callback_id: REVIEW_POST, type: 'message_action' }, reviewPostShortcut(services));
  app.shortcut<GlobalShortcut>({ callback_id: CHECK_DRAFT, type: 'shortcut' }, checkDraftShortcut(services));
}
