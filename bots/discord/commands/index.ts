import type { Config } from '../../../core/config/schema.js';
import type { CommandModule } from '../interaction-router.js';
import type { DiscordDeps } from '../caller.js';
import { bookCommand } from './book.js';
import { emergencyCommand, feesCommand, sessionsCommand, supportCodeCommand } from './simple.js';
import { timezoneCommand } from './timezone.js';
import { companyCommand, reverseCommand, todayCommand } from './staff.js';
import { emailCommand, calendarFeedCommand } from './email.js';
import { helpCommand, languageCommand } from './language.js';

/**
 * Every slash command the bot serves. The router (runtime map) and `npm run discord:register`
 * (registration) both read this list, so a command cannot be registered without a handler or the
 * other way round. /book's length choices come from the config, hence a function.
 */
export function commandsFor(config: Config): CommandModule<DiscordDeps>[] {
  const list: CommandModule<DiscordDeps>[] = [bookCommand(config), sessionsCommand, feesCommand, supportCodeCommand, emergencyCommand, timezoneCommand, languageCommand, emailCommand, todayCommand, companyCommand, reverseCommand, calendarFeedCommand];
  list.push(helpCommand(() => list.map((c) => c.data.name)));
  return list;
}
