/** A booking-channel message, answered in its thread: what core understood, with the author's buttons. */
import type { BookingRequest } from './message-create.js';
import { callerOfMessage, zoneNoteOf, type DiscordDeps } from '../caller.js';
import { presentUnderstand, quoteForDm, quoteText } from '../present.js';
import { sendDirectMessage } from '../dm.js';
import { MAX_REQUEST_CHARS, tooLong } from '../../shared/refusals.js';

export function bookingConversation({ core, config }: DiscordDeps) {
  return async ({ message, thread, text, logger, private: inDm }: BookingRequest): Promise<void> => {
    if (text.length > MAX_REQUEST_CHARS) return void (await thread.send({ content: tooLong(text.length) }));
    const caller = callerOfMessage(message);
    const r = await core.understandRequest({ caller, text });
    const note = zoneNoteOf(config, r);
    // The thread is public: the price, plan and any suspension go to the author by DM, not into it.
    // In a DM only the author reads the answer, so it carries the price like a slash command's reply.
    const v = presentUnderstand(r, { author: caller.userId, kind: 'online', lengthMinutes: config.sessionKinds.online.lengths[0]!, payStandardFee: false, zoneNote: note, public: !inDm });
    await thread.send({ content: v.content, components: v.components });
    if (inDm || r.kind !== 'proposal' || !quoteForDm(r.quote)) return;
    try {
      const sent = await sendDirectMessage(message.client, caller.userId, { content: `About the time you asked for in <#${thread.id}>: ${quoteText(r.quote)}` });
      if (!sent.ok) logger.info({ reason: sent.reason }, 'price details not sent by DM');
    } catch (err) {
      logger.warn({ err }, 'could not send the price details by DM');
    }
  };
}
