import type { Client } from 'discord.js';
import { Events } from 'discord.js';
import { createDiscordClient } from '../../bots/discord/client.js';
import type { LoggerLike } from '../../bots/discord/logger.js';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from '../fakes/discord-server.js';

export interface LogEntry {
  level: 'info' | 'warn' | 'error' | 'debug';
  bindings: Record<string, unknown>;
  obj: unknown;
  msg: string | undefined;
}

/** A pino-shaped logger that records entries (with the child bindings merged in). */
export function recordingLogger(entries: LogEntry[] = [], bindings: Record<string, unknown> = {}): LoggerLike & { entries: LogEntry[] } {
  const at = (level: LogEntry['level']) => (obj: object | string, msg?: string) => {
    entries.push({ level, bindings, obj, msg: typeof obj === 'string' ? obj : msg });
  };
  return {
    entries,
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    debug: at('debug'),
    child: (more) => recordingLogger(entries, { ...bindings, ...more }),
  };
}

export const TOKEN = 'fake-bot-token.abc.def';

/** Fake Discord with a booking and a staff channel, a Staff role, a customer and a staffer. */
export function startDefaultFake(extra: Partial<FakeDiscordOptions> = {}): Promise<FakeDiscord> {
  return startFakeDiscord({
    guildId: '111111111111111111',
    applicationId: '222222222222222222',
    channels: [
      { id: '333333333333333301', name: 'booking' },
      { id: '333333333333333302', name: 'staff' },
    ],
    roles: [{ id: '444444444444444401', name: 'Staff' }],
    members: [
      { id: '555555555555555501', username: 'customer' },
      { id: '555555555555555502', username: 'staffer', roles: ['Staff'] },
    ],
    ...extra,
  });
}

export async function connectedClient(fake: FakeDiscord, logger: LoggerLike = recordingLogger(), opts: { maxRateLimitWaitMs?: number } = {}): Promise<Client<true>> {
  const client = createDiscordClient({ token: TOKEN, apiUrl: fake.apiUrl, logger, waitGuildTimeout: 500, ...opts });
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login();
  return withTimeout(ready, 5_000, 'client ready');
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]);
}

/** Resolves with the next emission of `event` on the client (bounded). */
export function nextEvent<T>(client: Client, event: string, ms = 2_000): Promise<T> {
  return withTimeout(new Promise<T>((resolve) => client.once(event, (v: T) => resolve(v))), ms, `client event ${event}`);
}
