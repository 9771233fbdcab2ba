/** Registers every Slack listener: commands, buttons, modal submissions and events. */
import type { App } from '@slack/bolt';
import type { Config, Core } from '../../core/index.js';
import { platformLogger, type Logger } from '../shared/logger.js';
import { createUserCache, type UserCache } from './user-cache.js';
import * as commands from './listeners/commands/index.js';
import * as actions from './listeners/actions/index.js';
import * as views from './listeners/views/index.js';
import * as events from './listeners/events/index.js';

export interface RegisterSlackDeps {
  core: Core;
  config: Config;
  logger: Logger;
  /** users.info cache (default: 10 minutes per user). */
  users?: UserCache;
  /** SLACK_COMMAND_PREFIX: `/book` is registered as `/<prefix>book` (see commands/index.ts). */
  commandPrefix?: string;
}

export function registerSlack(app: App, deps: RegisterSlackDeps): void {
  const logger = platformLogger(deps.logger, 'slack', { component: 'listeners' });
  const listenerDeps = { core: deps.core, config: deps.config, logger, users: deps.users ?? createUserCache() };
  commands.register(app, listenerDeps, deps.commandPrefix ?? '');
  actions.register(app, listenerDeps);
  views.register(app, listenerDeps);
  events.register(app, listenerDeps);
}
