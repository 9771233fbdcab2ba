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
import { duration, ts, type Lang } from '../../shared/present/i18n.js';

/** Discord's locale for each catalog language other than English (the registered default). */
const DISCORD_LOCALES: Record<Exclude<Lang, 'en'>, string[]> = { de: ['de'], fr: ['fr'], es: ['es-ES', 'es-419'], pt: ['pt-BR'], nl: ['nl'] };

/** The same text in every Discord locale of every catalog language, from `say(lang)` (none where it gives nothing). */
function inEveryLocale(say: (lang: Exclude<Lang, 'en'>) => string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [lang, locales] of Object.entries(DISCORD_LOCALES) as [Exclude<Lang, 'en'>, string[]][]) {
    const text = say(lang);
    if (text) for (const locale of locales) out[locale] = text;
  }
  return out;
}

type Choice = { name: string; value: string | number; name_localizations?: Record<string, string> };
type Option = { name: string; choices?: Choice[] };

/**
 * What a choice is called in each language, where the catalog already names it: the session kinds and
 * lengths. (Command and option names stay as typed, as Discord users type them.)
 */
function choiceName(lang: Lang, option: string, value: string | number): string | null {
  if (option === 'kind' && (value === 'online' || value === 'phone')) return ts(lang, 'kind.name', { kind: value });
  if (option === 'length' && typeof value === 'number') return duration(lang, value);
  return null;
}

/** The command's description, and its kind and length choices, in each language Discord shows. */
function localized(command: CommandModule<DiscordDeps>): CommandModule<DiscordDeps> {
  const descriptions = inEveryLocale((lang) => commandPurpose(lang, command.data.name));
  const options = (command.data.options as Option[] | undefined)?.map((o) =>
    o.choices ? { ...o, choices: o.choices.map((c) => ({ ...c, name_localizations: inEveryLocale((lang) => choiceName(lang, o.name, c.value)) })).map((c) => (Object.keys(c.name_localizations).length ? c : { name: c.name, value: c.value })) } : o,
  );
  return {
    ...command,
    data: {
      ...command.data,
      ...(options ? { options: options as typeof command.data.options } : {}),
      ...(Object.keys(descriptions).length ? { description_localizations: descriptions } : {}),
    },
  };
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
