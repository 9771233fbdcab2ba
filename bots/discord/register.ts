/**
 * Wires Slotkeeper into a discord.js client: the interaction router with every command module and
 * component handler, and the booking-channel message handler. bots/main.ts calls this once.
 */
import type { Client } from 'discord.js';
import type { Config, Core } from '../../core/index.js';
import type { LoggerLike } from './logger.js';
import { createInteractionRouter, type InteractionRouter } from './interaction-router.js';
import { commandsFor } from './commands/index.js';
import { components } from './components/index.js';
import { attachMessageCreate, createMessageCreateHandler } from './events/message-create.js';
import { bookingConversation } from './events/booking-conversation.js';

export interface WireDiscordDeps {
  core: Core;
  config: Config;
  logger: LoggerLike;
  /** Acknowledge an interaction first when core takes longer than this (default 2000 ms). */
  deferAfterMs?: number;
}

export function wireDiscord(client: Client, deps: WireDiscordDeps): { router: InteractionRouter; onMessage: ReturnType<typeof createMessageCreateHandler> } {
  const { core, config, logger } = deps;
  const router = createInteractionRouter({ commands: commandsFor(config), components, deps: { core, config, ...(deps.deferAfterMs !== undefined ? { deferAfterMs: deps.deferAfterMs } : {}) }, logger });
  router.attach(client);
  const onMessage = createMessageCreateHandler({
    bookingChannelIds: config.channels.discord?.bookingChannels ?? [],
    logger,
    onBookingRequest: bookingConversation({ core, config }),
  });
  attachMessageCreate(client, onMessage);
  return { router, onMessage };
}

export { createDiscordNotifier } from './notifier.js';
