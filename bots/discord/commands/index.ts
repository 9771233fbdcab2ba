import type { CommandModule } from '../interaction-router.js';

/**
 * Every slash command the bot serves. The router (runtime map) and
 * `npm run discord:register` (registration) both read this list, so a command
 * cannot be registered without a handler or the other way round.
 * The booking commands are added here as core's use cases land.
 */
export const commands: CommandModule<any>[] = [];
