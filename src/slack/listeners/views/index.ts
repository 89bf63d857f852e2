import type { App, ViewSubmitAction } from '@slack/bolt';
import { createLogger } from '../../../log.js';
import { DRAFT_VIEW, RESULT_VIEW } from '../../modals.js';
import { createServices, type Services } from '../../services.js';
import { checkAnother, checkDraftSubmission } from './check-draft.js';

export function register(app: App, services: Services = createServices(createLogger())): void {
  app.view<ViewSubmitAction>({ callback_id: DRAFT_VIEW, type: 'view_submission' }, checkDraftSubmission(services));
  app.view<ViewSubmitAction>({ callback_id: RESULT_VIEW, type: 'view_submission' }, checkAnother(services));
}
