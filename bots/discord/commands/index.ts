import type { Config } from '../../../core/config/schema.js';
import type { CommandModule } from '../interaction-router.js';
import type { DiscordDeps } from '../caller.js';
import { bookCommand } from './book.js';
import { emergencyCommand, feesCommand, sessionsCommand, supportCodeCommand } from './simple.js';
import { timezoneCommand } from './timezone.js';
import { companyCommand, reverseCommand, todayCommand } from './staff.js';
import { emailCommand, calendarFeedCommand } from './email.js';
import { helpCommand, languageCommand } from './language.js';
import { commandPurpose } from '../../shared/present/results.js';
import type { Lang } from '../../shared/present/i18n.js';

/** Discord's locale for each catalog language other than English (the registered default). */
const DISCORD_LOCALES: Record<Exclude<Lang, 'en'>, string[]> = { de: ['de'], fr: ['fr'], es: ['es-ES', 'es-419'], pt: ['pt-BR'], nl: ['nl'] };

/** The command's description in each language Discord shows (its name and options stay as typed). */
function localized(command: CommandModule<DiscordDeps>): CommandModule<DiscordDeps> {
  const descriptions: Record<string, string> = {};
  for (const [lang, locales] of Object.entries(DISCORD_LOCALES) as [Exclude<Lang, 'en'>, string[]][]) {
    const purpose = commandPurpose(lang, command.data.name);
    if (purpose) for (const locale of locales) descriptions[locale] = purpose;
  }
  if (Object.keys(descriptions).length === 0) return command;
  return { ...command, data: { ...command.data, description_localizations: descriptions } };
}

/**
 * Every slash command the bot serves. The router (runtime map) and `npm run discord:register`
 * (registration) both read this list, so a command cannot be registered without a handler or the
 * other way round. /book's length choices come from the config, hence a function.
 */
export function commandsFor(config: Config): CommandModule<DiscordDeps>[] {
  const list: CommandModule<DiscordDeps>[] = [bookCommand(config), sessionsCommand, feesCommand, supportCodeCommand, emergencyCommand, timezoneCommand, languageCommand, emailCommand, todayCommand, companyCommand, reverseCommand, calendarFeedCommand];
  list.push(helpCommand(() => list.map((c) => c.data.name)));
  return list.map(localized);
}
