/** Slash command → handler. manifest.yml must declare exactly these (test/slack/manifest-listeners.test.ts). */
import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../../context.js';
import type { CommandHandler } from '../types.js';
import { book } from './book.js';
import { sessions } from './sessions.js';
import { fees } from './fees.js';
import { supportCode } from './support-code.js';
import { emergency } from './emergency.js';
import { skCompany } from './sk-company.js';
import { skToday } from './sk-today.js';

export const COMMANDS: Record<string, CommandHandler> = {
  '/book': book,
  '/sessions': sessions,
  '/fees': fees,
  '/support-code': supportCode,
  '/emergency': emergency,
  '/sk-company': skCompany,
  '/sk-today': skToday,
};

export function register(app: App, deps: ListenerDeps): void {
  for (const [name, handler] of Object.entries(COMMANDS)) app.command(name, handler(deps));
}
