import type { App } from '@slack/bolt';
import type { Services } from '../services.js';
import { register as registerCommands } from './commands/index.js';
import { register as registerShortcuts } from './shortcuts/index.js';
import { register as registerViews } from './views/index.js';

export function registerListeners(app: App, services: Services): void {
  registerCommands(app, services);
  registerShortcuts(app, services);
  registerViews(app, services);
}
