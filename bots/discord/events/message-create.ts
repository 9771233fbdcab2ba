import { Events, ThreadAutoArchiveDuration, type Client, type DMChannel, type Message, type ThreadChannel } from 'discord.js';
import type { LoggerLike } from '../logger.js';
import { decideBookingMessage } from '../message-filter.js';
import { apologyText, newErrorReference } from '../reply-error.js';
import type { Lang } from '../../shared/present/i18n.js';

export interface BookingRequest {
  /** the customer's message */
  message: Message;
  /** where the conversation continues: a thread under the booking channel, or the DM itself */
  thread: ThreadChannel | DMChannel;
  /** True in a DM: only the author reads it, so prices and plans can be shown there. */
  private: boolean;
  /** the message text with the bot mention stripped */
  text: string;
  logger: LoggerLike;
}

export interface MessageCreateOptions {
  bookingChannelIds: readonly string[];
  logger: LoggerLike;
  /** Called for each message worth answering, inside its thread. Core gets wired here. */
  onBookingRequest(request: BookingRequest): Promise<void>;
  /** Thread title; default "Booking · <display name>". */
  threadName?(message: Message): string;
  /** The language of the apology after an unexpected error (a message carries no locale: the vendor's). */
  lang?: Lang;
}

/**
 * messageCreate listener for booking channels: filters with the pure
 * `decideBookingMessage` (no REST call for anything ignored), then continues
 * the conversation in a thread started from the customer's message, so the
 * booking channel stays readable.
 */
export function createMessageCreateHandler(options: MessageCreateOptions): (message: Message) => Promise<void> {
  const log = options.logger.child({ platform: 'discord', component: 'messages' });
  const bookingChannelIds = new Set(options.bookingChannelIds);
  return async (message) => {
    const botUserId = message.client.user.id;
    const directMessage = message.channel.isDMBased() && !message.guildId;
    const decision = decideBookingMessage(
      {
        authorId: message.author.id,
        authorIsBot: message.author.bot,
        channelId: message.channelId,
        parentChannelId: message.channel.isThread() ? message.channel.parentId : null,
        content: message.content,
        mentionedUserIds: [...message.mentions.users.keys()],
        directMessage,
      },
      { botUserId, bookingChannelIds },
    );
    if (!decision.answer) return;

    const ctx = log.child({ guildId: message.guildId, channelId: message.channelId, userId: message.author.id, messageId: message.id });
    let thread: ThreadChannel | DMChannel | undefined;
    try {
      thread = directMessage
        ? (message.channel as DMChannel)
        : message.channel.isThread()
          ? message.channel
          : await message.startThread({
              name: (options.threadName ?? defaultThreadName)(message),
              autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
            });
      await options.onBookingRequest({ message, thread, text: decision.text, logger: ctx, private: directMessage });
    } catch (err) {
      const errorRef = newErrorReference();
      ctx.error({ err, errorRef }, 'booking message handler failed');
      // Same apology as for interactions, where the customer is looking: the thread, else a reply.
      try {
        if (thread) await thread.send(apologyText(errorRef, options.lang));
        else await message.reply(apologyText(errorRef, options.lang));
      } catch (sendErr) {
        ctx.warn({ err: sendErr, errorRef }, 'could not deliver the apology');
      }
    }
  };
}

function defaultThreadName(message: Message): string {
  const who = message.member?.displayName ?? message.author.globalName ?? message.author.username;
  return `Booking · ${who}`.slice(0, 100);
}

export function attachMessageCreate(client: Client, handler: (message: Message) => Promise<void>): void {
  client.on(Events.MessageCreate, (message) => void handler(message));
}
