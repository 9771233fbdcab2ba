/** Slash command → handler. manifest.yml must declare exactly these (test/slack/manifest-listeners.test.ts). */
import type { App } from '@slack/bolt';
import { vendorLang, type ListenerDeps } from '../../context.js';
import type { CommandHandler } from '../types.js';
import { unknownCommand } from '../../../shared/refusals.js';
import { book } from './book.js';
import { sessions } from './sessions.js';
import { fees } from './fees.js';
import { supportCode } from './support-code.js';
import { emergency } from './emergency.js';
import { skCompany } from './sk-company.js';
import { skToday } from './sk-today.js';
import { email } from './email.js';
import { skCalendar } from './sk-calendar.js';
import { language } from './language.js';
import { help } from './help.js';
import { skReverse } from './sk-reverse.js';

export const COMMANDS: Record<string, CommandHandler> = {
  '/book': book,
  '/sessions': sessions,
  '/fees': fees,
  '/support-code': supportCode,
  '/emergency': emergency,
  '/sk-company': skCompany,
  '/sk-today': skToday,
  '/sk-reverse': skReverse,
  '/email': email,
  '/sk-calendar': skCalendar,
  '/language': language,
  '/help': help,
};

/**
 * The name a command is registered and declared under: with SLACK_COMMAND_PREFIX=acme- `/book`
 * becomes `/acme-book`, so it cannot clash with another app's /book. Staff commands are already
 * namespaced (/sk-…) and keep their names.
 */
export function commandName(name: string, prefix = ''): string {
  return prefix && !name.startsWith('/sk-') ? `/${prefix}${name.slice(1)}` : name;
}

export function register(app: App, deps: ListenerDeps, prefix = ''): void {
  const names = Object.keys(COMMANDS).map((n) => commandName(n, prefix));
  for (const [name, handler] of Object.entries(COMMANDS)) app.command(commandName(name, prefix), handler(deps));
  // A command this app does not declare (forged, or left in an old manifest): a plain answer, at once.
  const unknown = new RegExp(`^(?!(?:${names.map((n) => n.replace(/[-/]/g, '\\$&')).join('|')})$)`);
  app.command(unknown, async ({ ack, command }) => {
    deps.logger.debug({ command: command.command.slice(0, 40), userId: command.user_id }, 'unknown Slack command');
    await ack({ response_type: 'ephemeral', text: unknownCommand(command.command, vendorLang(deps.config)) });
  });
}
