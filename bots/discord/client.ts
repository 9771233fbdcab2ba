import { Client, Events, GatewayIntentBits, Partials, RESTEvents, type RESTOptions } from 'discord.js';
import { sendInteractionWebhooksApart } from './interaction-rest.js';
import type { LoggerLike } from './logger.js';

/**
 * The fewest gateway intents the bot works with:
 * - Guilds: guild, channel, role and thread cache; slash commands and buttons
 *   arrive as interactions and need no further intent.
 * - GuildMessages: MESSAGE_CREATE in the booking channels.
 * - MessageContent: PRIVILEGED. Without it `message.content` is empty for
 *   messages that do not mention the bot, so free-text booking requests could
 *   not be read. Enable it in the Developer Portal (Bot → Privileged Gateway
 *   Intents) or login fails with close code 4014 "Disallowed intent(s)".
 * - DirectMessages (+ Partials.Channel, since DM channels are not cached before
 *   their first message): customers can write to the bot directly.
 * Not requested: GuildMembers and GuildPresences (privileged, not needed:
 * interactions carry the member and its roles).
 */
export const DISCORD_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
  GatewayIntentBits.DirectMessages,
] as const;

export const DISCORD_PARTIALS = [Partials.Channel] as const;

/**
 * A REST rate limit (429 Retry-After, or a bucket known to be empty) up to this long is waited out by
 * discord.js inside the request. A longer one is not waited for by a delivery: the request fails with
 * RateLimitError, the notifier answers "retry after Discord's time", and the sweeper moves on and
 * comes back then (interaction replies still wait: their token would not outlive a retry later).
 */
export const MAX_RATE_LIMIT_WAIT_MS = 5_000;

export interface CreateDiscordClientOptions {
  token: string;
  /** Base REST URL, e.g. http://127.0.0.1:PORT/api (tests); defaults to Discord's. */
  apiUrl?: string;
  logger: LoggerLike;
  /** How long to wait for GUILD_CREATE after READY (ms). discord.js default 15 000. */
  waitGuildTimeout?: number;
  /** A rate limit up to this long (ms) is waited out inside the request; default MAX_RATE_LIMIT_WAIT_MS. */
  maxRateLimitWaitMs?: number;
}

/**
 * Builds the discord.js client (not yet connected). Call `client.login()`
 * with no argument: the token given here is already set.
 * discord.js's own debug/warn/error events and REST rate-limit notices are
 * logged through a pino child `{ platform: 'discord', component: 'discord.js' }`.
 */
export function createDiscordClient(options: CreateDiscordClientOptions): Client {
  const { token, apiUrl, logger, maxRateLimitWaitMs = MAX_RATE_LIMIT_WAIT_MS } = options;
  const rest: Partial<RESTOptions> = {
    ...(apiUrl ? { api: apiUrl } : {}),
    rejectOnRateLimit: (limit) => limit.retryAfter > maxRateLimitWaitMs && !/^\/(interactions|webhooks)\//.test(limit.route),
  };
  const client = new Client({
    intents: [...DISCORD_INTENTS],
    partials: [...DISCORD_PARTIALS],
    ...(options.waitGuildTimeout !== undefined ? { waitGuildTimeout: options.waitGuildTimeout } : {}),
    // Nobody is pinged by accident from a booking text the customer typed.
    allowedMentions: { parse: [], repliedUser: false },
    rest,
  });
  client.token = token;
  client.rest.setToken(token);
  const interactionRest = sendInteractionWebhooksApart(client, rest);

  const log = logger.child({ platform: 'discord', component: 'discord.js' });
  // Never let the token reach the logs, whatever discord.js prints.
  const redact = (text: string) => (token ? text.split(token).join('[token]') : text);

  client.on(Events.Debug, (message) => log.debug({ source: 'discord.js' }, redact(message)));
  client.on(Events.Warn, (message) => log.warn({ source: 'discord.js' }, redact(message)));
  client.on(Events.Error, (err) => log.error({ err }, 'discord.js client error'));
  client.on(Events.ShardError, (err, shardId) => log.error({ err, shardId }, 'gateway connection error'));
  client.on(Events.ShardDisconnect, (event, shardId) => log.warn({ code: event.code, shardId }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shardId) => log.info({ shardId }, 'gateway reconnecting'));
  client.once(Events.ClientReady, (ready) =>
    log.info({ botUserId: ready.user.id, guilds: ready.guilds.cache.size }, 'discord client ready'),
  );
  for (const manager of [client.rest, interactionRest])
    manager.on(RESTEvents.RateLimited, (info) =>
      log.warn(
        { route: info.route, method: info.method, retryAfterMs: info.retryAfter, global: info.global, scope: info.scope },
        'discord REST rate limited',
      ),
    );
  return client;
}
