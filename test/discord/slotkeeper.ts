/**
 * The whole Discord adapter on a real core: fake Discord (REST + gateway), the real discord.js client,
 * a fresh SQLite database and a ManualClock (Monday 30 Nov 2026, 09:00 New York).
 */
import { ApplicationCommandOptionType, type Client } from 'discord.js';
import { wireDiscord } from '../../bots/discord/register.js';
import { createDiscordNotifier } from '../../bots/discord/notifier.js';
import type { Notifier } from '../../core/index.js';
import { configWith } from '../support/config.js';
import { harness, type Harness } from '../support/core-harness.js';
import { sqliteTestDb, type TestDatabase } from '../support/test-database.js';
import type { FakeDiscord, InteractionPayload, RecordedCall } from '../fakes/discord-server.js';
import { connectedClient, recordingLogger, startDefaultFake, type LogEntry } from './helpers.js';

export const BOOKING = '333333333333333301';
export const STAFF = '333333333333333302';
export const CUSTOMER = '555555555555555501';
export const STAFFER = '555555555555555502';
export const OTHER = '555555555555555503';

export interface Slotkeeper {
  fake: FakeDiscord;
  client: Client;
  h: Harness;
  db: TestDatabase;
  entries: LogEntry[];
  notifier: Notifier;
  sweep(): ReturnType<Harness['sweep']>;
  /** Sends a slash command and returns the callback the bot answered with. */
  command(name: string, options?: Record<string, string | number | boolean>, extra?: { user?: string; channel?: string; subcommand?: string; locale?: string }): Promise<{ i: InteractionPayload; call: RecordedCall }>;
  press(customId: string, extra?: { user?: string; channel?: string; message?: Record<string, unknown>; dm?: boolean; locale?: string }): Promise<{ i: InteractionPayload; call: RecordedCall }>;
  submit(customId: string, fields: Record<string, string>, extra?: { user?: string; channel?: string; message?: Record<string, unknown> }): Promise<{ i: InteractionPayload; call: RecordedCall }>;
  close(): Promise<void>;
}

const optionType = (v: string | number | boolean) =>
  typeof v === 'number' ? ApplicationCommandOptionType.Integer : typeof v === 'boolean' ? ApplicationCommandOptionType.Boolean : ApplicationCommandOptionType.String;

export async function startSlotkeeper(opts: { wrapCore?: (core: Harness['core']) => Harness['core']; deferAfterMs?: number; maxRateLimitWaitMs?: number } = {}): Promise<Slotkeeper> {
  const fake = await startDefaultFake({
    members: [
      { id: CUSTOMER, username: 'customer' },
      { id: STAFFER, username: 'staffer', roles: ['Staff'] },
      { id: OTHER, username: 'other' },
    ],
  });
  const config = configWith((raw) => {
    raw.channels.discord = { staffChannel: STAFF, staffRole: fake.roleId('Staff'), bookingChannels: [BOOKING] };
  });
  const db = await sqliteTestDb();
  const h = harness(db, { config });
  const entries: LogEntry[] = [];
  const logger = recordingLogger(entries);
  const client = await connectedClient(fake, logger, opts.maxRateLimitWaitMs !== undefined ? { maxRateLimitWaitMs: opts.maxRateLimitWaitMs } : {});
  wireDiscord(client, { core: opts.wrapCore ? opts.wrapCore(h.core) : h.core, config, logger, ...(opts.deferAfterMs !== undefined ? { deferAfterMs: opts.deferAfterMs } : {}) });
  const notifier = createDiscordNotifier({ client, config, logger, deliveredRefs: (id) => h.core.deliveredMessages(id), now: () => h.clock.now() });
  const answer = async (i: InteractionPayload) => ({ i, call: await answerOf(fake, i) });
  return {
    fake,
    client,
    h,
    db,
    entries,
    notifier,
    sweep: () => h.core.runSweep({ notifier }),
    command(name, options = {}, extra = {}) {
      let opts: unknown[] = Object.entries(options).map(([n, value]) => ({ name: n, type: optionType(value), value }));
      if (extra.subcommand) opts = [{ name: extra.subcommand, type: ApplicationCommandOptionType.Subcommand, options: opts }];
      return answer(fake.interaction({ kind: 'command', name, options: opts, ...(extra.user ? { user: extra.user } : {}), ...(extra.channel ? { channel: extra.channel } : {}), ...(extra.locale ? { locale: extra.locale } : {}) }));
    },
    press(customId, extra = {}) {
      return answer(fake.interaction({ kind: 'button', customId, ...extra }));
    },
    submit(customId, fields, extra = {}) {
      return answer(fake.interaction({ kind: 'modal', customId, fields, ...extra }));
    },
    async close() {
      await client.destroy();
      await fake.close();
      await db.close();
    },
  };
}

/**
 * What the person reads in answer to an interaction: the callback's message, or, when the bot deferred
 * (slash commands always do; buttons when core is slow), the deferral's edit of @original, returned in
 * the callback's shape (`{ type: 4, data }`) so tests read every answer the same way.
 */
export async function answerOf(fake: FakeDiscord, i: InteractionPayload, timeoutMs = 4_000): Promise<RecordedCall> {
  const callback = await fake.waitForCall('POST', `/interactions/${i.id}/${i.token}/callback`, timeoutMs);
  if ((callback.body as { type?: number } | null)?.type !== 5) return callback;
  const edit = await fake.waitForCall('PATCH', `/webhooks/${fake.applicationId}/${i.token}/messages/@original`, timeoutMs);
  return { ...edit, body: { type: 4, data: { ...edit.body, flags: (callback.body as { data?: { flags?: number } }).data?.flags } } };
}

type Buttons = { components?: readonly unknown[] };
const buttonsOf = (body: Buttons) => ((body.components ?? []) as { components: { custom_id?: string; label: string }[] }[]).flatMap((r) => r.components);

/** The custom ids of every button in a message body (link buttons as `link:<label>`). */
export function buttonIds(body: Buttons): string[] {
  return buttonsOf(body).map((c) => c.custom_id ?? `link:${c.label}`);
}

export function buttonLabels(body: Buttons): string[] {
  return buttonsOf(body).map((c) => c.label);
}

/** A button pressed on an ephemeral reply (a slash command's answer), as opposed to a public thread message. */
export const EPHEMERAL_MESSAGE = { message: { flags: 64 } } as const;

/** The newest booking a Discord user made (the one a Confirm just booked), from the database. */
export function newestBooking(s: Slotkeeper, userId: string = CUSTOMER) {
  return s.db.prisma.booking.findFirstOrThrow({ where: { member: { platform: 'discord', platformUserId: userId } }, orderBy: { createdAt: 'desc' } });
}
