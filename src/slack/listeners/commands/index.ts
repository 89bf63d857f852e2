import type { App } from '@slack/bolt';
import { createLogger } from '../../../log.js';
import { createServices, type Services } from '../../services.js';
import { COMMAND, postcheckCommand } from './postcheck.js';

export function register(app: App, services: Services = createServices(createLogger())): void {
  app.command(COMMAND, postcheckCommand(services));
}
