/**
 * A booking-channel message, answered in its thread: what core understood, with the author's buttons.
 * The thread is public: the price, plan and any suspension go to the author by DM, not into it. In a
 * DM only the author reads the answer, so it carries the price like a slash command's reply.
 */
import type { BookingRequest } from './message-create.js';
import { callerOfMessage, contextOfCaller, type DiscordDeps } from '../caller.js';
import { presentUnderstand } from '../../shared/present/results.js';
import { presentQuoteDm } from '../../shared/present/public.js';
import { renderMessage, renderPresentation } from '../render/index.js';
import { sendDirectMessage } from '../dm.js';
import { MAX_REQUEST_CHARS, tooLong } from '../../shared/refusals.js';

export function bookingConversation({ core, config }: DiscordDeps) {
  return async ({ message, thread, text, logger, private: inDm }: BookingRequest): Promise<void> => {
    const caller = callerOfMessage(message);
    const ctx = await contextOfCaller(core, config, caller);
    if (text.length > MAX_REQUEST_CHARS) return void (await thread.send({ content: tooLong(text.length, MAX_REQUEST_CHARS, ctx.lang) }));
    const r = await core.understandRequest({ caller, text });
    const fallback = { kind: 'online', lengthMinutes: config.sessionKinds.online.lengths[0]! } as const;
    const v = renderPresentation(presentUnderstand(ctx, r, fallback, { more: true, zoneCommand: '/timezone', ...(inDm ? {} : { author: caller.userId, public: true }) }));
    await thread.send({ content: v.content, components: v.components });
    // The public offer said the details went by DM (a proposal, or times to pick from, with their quote).
    if (inDm || (r.kind !== 'proposal' && r.kind !== 'unavailable' && r.kind !== 'choose')) return;
    const dm = presentQuoteDm(ctx, r, { t: 'mention', platform: 'discord', userId: thread.id, name: 'name' in thread && thread.name ? thread.name : thread.id, channel: true });
    if (!dm) return;
    try {
      const sent = await sendDirectMessage(message.client, caller.userId, { content: renderMessage(dm).content });
      if (!sent.ok) logger.info({ reason: sent.reason }, 'price details not sent by DM');
    } catch (err) {
      logger.warn({ err }, 'could not send the price details by DM');
    }
  };
}
