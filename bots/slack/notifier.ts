/**
 * Core's Notifier for Slack: DMs (conversations.open + chat.postMessage) to members, cards to the
 * staff channel, and, for actions_expired, chat.update of the earlier messages about the booking
 * (whoever they went to, each in its reader's language and zone) so their buttons are gone; for
 * staff_booking_cancelled, the same for the earlier staff cards (approval and emergency requests),
 * which then say what happened. Errors become DeliveryResults; the sweeper does the retrying, so
 * construct the WebClient with `retryConfig: { retries: 0 }, rejectRateLimitedCalls: true`.
 */
import type { webApi } from '@slack/bolt';
import type { Config, DeliveryResult, Notifier, OutboxMessage } from '../../core/index.js';
import { platformLogger, type Logger } from '../shared/logger.js';
import { earlierMessageEdits, personContext, presentNotice, staffContext, type EarlierMessage } from '../shared/present/index.js';
import { renderMessage } from './render/index.js';

export interface DeliveredRef extends EarlierMessage {
  deliveryRef: string;
}

export interface SlackNotifierDeps {
  client: webApi.WebClient;
  config: Config;
  logger: Logger;
  /** Earlier delivered messages about a booking (core.deliveredMessages, with this platform's reference). */
  deliveredRefs?: (bookingId: string) => Promise<DeliveredRef[]>;
  /** For the time written on a closed staff card (default: the system clock). */
  clock?: { now(): Date };
}


/** Never going to work: the person or channel is gone, or the app may not post there. */
const PERMANENT = new Set(['user_not_found', 'account_inactive', 'channel_not_found', 'is_archived', 'not_in_channel', 'cannot_dm_bot', 'user_disabled', 'users_not_found', 'invalid_auth', 'not_authed', 'account_inactive', 'invalid_blocks', 'msg_too_long', 'no_text', 'restricted_action', 'missing_scope']);

export interface MessageRef {
  channel: string;
  ts: string;
}

export function parseRef(ref: string): MessageRef | null {
  try {
    const r = JSON.parse(ref) as Partial<MessageRef>;
    return typeof r.channel === 'string' && typeof r.ts === 'string' ? { channel: r.channel, ts: r.ts } : null;
  } catch {
    return null;
  }
}

/** A Web API error as a DeliveryResult: rate limits, 5xx and network trouble are retried. */
export function classifyError(e: unknown): DeliveryResult {
  const err = e as { code?: string; retryAfter?: number; statusCode?: number; data?: { error?: string }; message?: string };
  switch (err.code) {
    case 'slack_webapi_rate_limited_error':
      return { kind: 'retry', error: 'ratelimited', retryAfterMs: Math.max(0, (err.retryAfter ?? 1) * 1000) };
    case 'slack_webapi_http_error':
      return (err.statusCode ?? 0) >= 500 || err.statusCode === 429 ? { kind: 'retry', error: `http_${err.statusCode}` } : { kind: 'failed', error: `http_${err.statusCode}` };
    case 'slack_webapi_request_error':
      return { kind: 'retry', error: `request_error: ${err.message ?? ''}`.slice(0, 200) };
    case 'slack_webapi_platform_error': {
      const code = err.data?.error ?? 'unknown_error';
      return PERMANENT.has(code) ? { kind: 'failed', error: code } : { kind: 'retry', error: code };
    }
    default:
      return { kind: 'retry', error: (err.message ?? String(e)).slice(0, 200) };
  }
}

export function createSlackNotifier(deps: SlackNotifierDeps): Notifier {
  const { client, config } = deps;
  const log = platformLogger(deps.logger, 'slack', { component: 'notifier' });

  /** The staff channel reads the vendor's language; a member their own (saved locale), else the vendor's. */
  const ctxFor = (m: OutboxMessage) => (m.recipient.to === 'staff' ? staffContext(config) : personContext(config, m.locale));

  async function channelFor(m: OutboxMessage): Promise<string | DeliveryResult> {
    if (m.recipient.to === 'staff') {
      const staffChannel = config.channels.slack?.staffChannel;
      return staffChannel ?? { kind: 'failed', error: 'no Slack staff channel configured' };
    }
    if (m.platform !== 'slack' || !m.platformUserId) return { kind: 'failed', error: `not a Slack member (${m.platform ?? 'none'})` };
    const opened = await client.conversations.open({ users: m.platformUserId });
    const id = opened.channel?.id;
    return id ?? { kind: 'failed', error: 'conversations.open returned no channel' };
  }

  /**
   * actions_expired and staff_booking_cancelled: the earlier messages about the booking lose their
   * buttons, each redrawn for its own reader (a colleague's in their language and zone, a staff card
   * in the vendor's). Core delivers a booking's messages in queue order, so every earlier message
   * predates this edit. For staff_booking_cancelled this runs before the note is posted, so a
   * retried update never posts the note twice; a card edited already is edited again, harmlessly.
   */
  async function editEarlier(m: OutboxMessage): Promise<DeliveryResult> {
    if (!m.bookingId || !deps.deliveredRefs) return { kind: 'sent' };
    const at = (deps.clock?.now() ?? new Date()).toISOString();
    for (const { earlier, message } of earlierMessageEdits(config, m.notice, await deps.deliveredRefs(m.bookingId), at)) {
      const ref = parseRef(earlier.deliveryRef);
      if (!ref) continue;
      const msg = renderMessage(message);
      try {
        await client.chat.update({ channel: ref.channel, ts: ref.ts, text: msg.text, blocks: msg.blocks });
      } catch (e) {
        const result = classifyError(e);
        // A message the person deleted cannot lose its buttons: nothing to do.
        if (result.kind === 'failed' || (e as { data?: { error?: string } }).data?.error === 'message_not_found') continue;
        return result;
      }
    }
    return { kind: 'sent' };
  }

  return {
    async deliver(m) {
      try {
        // Edits only: nothing new is posted.
        if (m.notice.type === 'actions_expired' || m.notice.type === 'suspension_ended') return await editEarlier(m);
        if (m.notice.type === 'staff_booking_cancelled') {
          const closed = await editEarlier(m);
          if (closed.kind !== 'sent') return closed;
        }
        const channel = await channelFor(m);
        if (typeof channel !== 'string') return channel;
        const msg = renderMessage(presentNotice(m.notice, ctxFor(m)));
        const posted = await client.chat.postMessage({ channel, text: msg.text, blocks: msg.blocks, unfurl_links: false });
        return { kind: 'sent', ref: JSON.stringify({ channel: posted.channel ?? channel, ts: posted.ts }) };
      } catch (e) {
        const result = classifyError(e);
        log.warn({ notificationId: m.id, type: m.notice.type, attempts: m.attempts, outcome: result.kind, err: result.kind === 'sent' ? undefined : result.error }, 'Slack delivery did not go through');
        return result;
      }
    },
  };
}
