/**
 * Core's Notifier for Discord: customer notices by DM, staff notices to the staff channel. Returns
 * the message as ref (JSON {channelId, messageId}) so a later actions_expired can edit the buttons away,
 * and a staff_booking_cancelled the Approve / Decline / squeeze-in buttons of the staff cards about it.
 *
 * Outcomes: a 429 up to 5 s is waited out and retried by discord.js itself; a longer one → retry at
 * Discord's Retry-After (client.ts, MAX_RATE_LIMIT_WAIT_MS); 5xx and network errors → retry;
 * closed DMs (50007), unknown user / channel, missing access → failed with that reason. When a
 * confirmation cannot be DMed and the booking was made in a booking thread this process remembers,
 * the customer is told once in that thread (no private details there).
 */
import { DiscordAPIError, HTTPError, RateLimitError, RESTJSONErrorCodes, Routes, type Client } from 'discord.js';
import type { Config, DeliveryResult, Notifier, OutboxMessage } from '../../core/index.js';
import type { LoggerLike } from './logger.js';
import { sendDirectMessage } from './dm.js';
import { presentDmsClosed } from '../shared/present/public.js';
import { earlierMessageEdits, personContext, presentNotice, staffContext, type EarlierMessage } from '../shared/present/index.js';
import { renderMessage } from './render/index.js';
import { takeThread } from './thread-directory.js';

export interface DeliveredRef extends EarlierMessage {
  deliveryRef: string;
}

export interface DiscordNotifierOptions {
  client: Client;
  config: Config;
  logger: LoggerLike;
  /** Earlier delivered messages about a booking (core.deliveredMessages), oldest first. */
  deliveredRefs(bookingId: string): Promise<DeliveredRef[]>;
  /** The time written on a closed staff card (whether Reschedule / Cancel show comes from the card, `changeOpen`). */
  now?: () => Date;
}

export interface MessageRef {
  channelId: string;
  messageId: string;
}

export function readRef(raw: string): MessageRef | null {
  try {
    const r = JSON.parse(raw) as Partial<MessageRef>;
    return typeof r.channelId === 'string' && typeof r.messageId === 'string' ? { channelId: r.channelId, messageId: r.messageId } : null;
  } catch {
    return null;
  }
}

const refOf = (channelId: string, messageId: string) => JSON.stringify({ channelId, messageId });

export function classifyError(err: unknown): DeliveryResult {
  if (err instanceof RateLimitError) return { kind: 'retry', error: 'discord rate limited', retryAfterMs: Math.max(0, err.retryAfter) };
  if (err instanceof DiscordAPIError) {
    if (err.status >= 500) return { kind: 'retry', error: `discord ${err.status}` };
    switch (err.code) {
      case RESTJSONErrorCodes.CannotSendMessagesToThisUser:
        return { kind: 'failed', error: 'dms_closed' };
      case RESTJSONErrorCodes.UnknownUser:
        return { kind: 'failed', error: 'unknown_user' };
      case RESTJSONErrorCodes.UnknownChannel:
        return { kind: 'failed', error: 'unknown_channel' };
      case RESTJSONErrorCodes.MissingAccess:
      case RESTJSONErrorCodes.MissingPermissions:
        return { kind: 'failed', error: 'missing_access' };
      default:
        return { kind: 'failed', error: `discord ${err.status} code ${err.code}` };
    }
  }
  if (err instanceof HTTPError) return err.status >= 500 || err.status === 429 ? { kind: 'retry', error: `discord ${err.status}` } : { kind: 'failed', error: `discord ${err.status}` };
  return { kind: 'retry', error: `network: ${(err as Error)?.message ?? String(err)}` };
}

export function createDiscordNotifier(options: DiscordNotifierOptions): Notifier {
  const { client, config } = options;
  const log = options.logger.child({ platform: 'discord', component: 'notifier' });
  /** The staff channel reads the vendor's language; a member their own (their Discord locale), else the vendor's. */
  const ctxFor = (m: OutboxMessage) => (m.recipient.to === 'staff' ? staffContext(config) : personContext(config, m.locale));

  async function post(channelId: string, body: Record<string, unknown>): Promise<MessageRef> {
    const msg = (await client.rest.post(Routes.channelMessages(channelId), { body: { allowed_mentions: { parse: [] }, ...body } })) as { id: string; channel_id: string };
    return { channelId: msg.channel_id ?? channelId, messageId: msg.id };
  }

  /**
   * actions_expired: earlier DMs about the booking lose Reschedule / Cancel (join and calendar links
   * stay until it is cancelled), whoever they went to, each in its reader's language and zone.
   * staff_booking_cancelled: the earlier staff cards about it (approval, emergency request) lose
   * Approve / Decline / squeeze-in and say what happened. A message deleted meanwhile (10008) is
   * skipped; a retryable error retries the whole delivery (the edits are idempotent, and run before
   * the staff note is posted so the note is not posted twice).
   */
  async function editEarlier(m: OutboxMessage): Promise<DeliveryResult | null> {
    if (!m.bookingId) return null;
    const at = (options.now?.() ?? new Date()).toISOString();
    for (const { earlier, message } of earlierMessageEdits(config, m.notice, await options.deliveredRefs(m.bookingId), at)) {
      const ref = readRef(earlier.deliveryRef);
      if (!ref) continue; // another platform's ref
      const v = renderMessage(message);
      try {
        await client.rest.patch(Routes.channelMessage(ref.channelId, ref.messageId), { body: { content: v.content, components: v.components, allowed_mentions: { parse: [] } } });
      } catch (err) {
        if (err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.UnknownMessage) continue;
        const r = classifyError(err);
        if (r.kind === 'retry') return r;
        log.warn({ err, bookingId: m.bookingId, ref }, 'could not edit an earlier message');
      }
    }
    return null;
  }

  async function tellThread(m: OutboxMessage, reference: string): Promise<void> {
    if (!m.bookingId) return;
    const t = takeThread(client, m.bookingId);
    if (!t) return;
    try {
      await post(t.threadId, {
        content: renderMessage(presentDmsClosed(ctxFor(m), { t: 'mention', platform: 'discord', userId: t.userId, name: t.userId }, reference)).content,
        allowed_mentions: { users: [t.userId] },
      });
    } catch (err) {
      log.warn({ err, bookingId: m.bookingId }, 'could not tell the booking thread about closed DMs');
    }
  }

  return {
    async deliver(m) {
      try {
        // Edits only: nothing new is posted.
        if (m.notice.type === 'actions_expired' || m.notice.type === 'suspension_ended') return (await editEarlier(m)) ?? { kind: 'sent' };
        const v = renderMessage(presentNotice(m.notice, ctxFor(m)));
        if (m.recipient.to === 'staff') {
          const channel = config.channels.discord?.staffChannel;
          if (!channel) return { kind: 'failed', error: 'no_staff_channel' };
          if (m.notice.type === 'staff_booking_cancelled') {
            const retry = await editEarlier(m);
            if (retry) return retry;
          }
          const ref = await post(channel, { content: v.content, components: v.components });
          return { kind: 'sent', ref: refOf(ref.channelId, ref.messageId) };
        }
        if (!m.platformUserId) return { kind: 'failed', error: 'unknown_user' };
        const sent = await sendDirectMessage(client, m.platformUserId, { content: v.content, components: v.components });
        if (sent.ok) return { kind: 'sent', ref: refOf(sent.channelId, sent.messageId) };
        if (sent.reason === 'dms_closed' && (m.notice.type === 'booking_confirmed' || m.notice.type === 'booking_pending')) await tellThread(m, m.notice.booking.reference);
        log.info({ notificationId: m.id, type: m.notice.type, reason: sent.reason }, 'direct message not delivered');
        return { kind: 'failed', error: sent.reason };
      } catch (err) {
        const r = classifyError(err);
        log.warn({ err, notificationId: m.id, type: m.notice.type, outcome: r.kind }, 'discord delivery error');
        return r;
      }
    },
  };
}
