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
import { contextOf } from './caller.js';
import { noLongerAvailable } from '../shared/refusals.js';
import { resolveLang } from '../shared/present/i18n.js';

export interface WireDiscordDeps {
  core: Core;
  config: Config;
  logger: LoggerLike;
  /** Buttons and modals: acknowledge first when core takes longer than this (default 2000 ms). Slash commands are always acknowledged at once. */
  deferAfterMs?: number;
  /** Latency of each command, button, modal and booking-channel message (metrics). */
  observe?: (kind: 'command' | 'button' | 'modal' | 'message', seconds: number) => void;
}

export function wireDiscord(client: Client, deps: WireDiscordDeps): { router: InteractionRouter; onMessage: ReturnType<typeof createMessageCreateHandler> } {
  const { core, config, logger } = deps;
  const router = createInteractionRouter({
    commands: commandsFor(config),
    components,
    deps: { core, config, ...(deps.deferAfterMs !== undefined ? { deferAfterMs: deps.deferAfterMs } : {}) },
    logger,
    acknowledgeCommands: true,
    // An old button (an earlier version's id) or an unknown command: said plainly, in the person's language.
    unknownText: async (i) => noLongerAvailable((await contextOf(core, config, i)).lang),
    ...(deps.observe ? { observe: deps.observe } : {}),
  });
  router.attach(client);
  const onMessage = createMessageCreateHandler({
    bookingChannelIds: config.channels.discord?.bookingChannels ?? [],
    logger,
    lang: resolveLang(config.vendor.locale),
    onBookingRequest: timed(bookingConversation({ core, config }), deps.observe),
  });
  attachMessageCreate(client, onMessage);
  return { router, onMessage };
}

/** A booking-channel message handler that reports how long each message took (metrics). */
function timed<A>(handler: (a: A) => Promise<void>, observe: WireDiscordDeps['observe']): (a: A) => Promise<void> {
  if (!observe) return handler;
  return async (a) => {
    const started = performance.now();
    try {
      await handler(a);
    } finally {
      observe('message', (performance.now() - started) / 1000);
    }
  };
}

export { createDiscordNotifier } from './notifier.js';
