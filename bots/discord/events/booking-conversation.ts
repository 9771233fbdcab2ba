/** A booking-channel message, answered in its thread: what core understood, with the author's buttons. */
import type { BookingRequest } from './message-create.js';
import { callerOfMessage, zoneNote, type DiscordDeps } from '../caller.js';
import { presentUnderstand } from '../present.js';

export function bookingConversation({ core, config }: DiscordDeps) {
  return async ({ message, thread, text }: BookingRequest): Promise<void> => {
    const caller = callerOfMessage(message);
    const [r, note] = await Promise.all([core.understandRequest({ caller, text }), zoneNote(core, config, caller)]);
    const v = presentUnderstand(r, { author: caller.userId, kind: 'online', lengthMinutes: config.sessionKinds.online.lengths[0]!, payStandardFee: false, zoneNote: note });
    await thread.send({ content: v.content, components: v.components });
  };
}
