import { DiscordAPIError, RESTJSONErrorCodes, type Client, type MessageCreateOptions } from 'discord.js';

export type DirectMessageResult =
  | { ok: true; messageId: string; channelId: string }
  | { ok: false; reason: 'dms_closed' | 'unknown_user' };

/**
 * Sends a DM (reminders, staff decisions). A user who closed DMs from server
 * members answers 403 with code 50007: that is an expected outcome, returned
 * as a value so the caller can fall back (e.g. post in the booking thread).
 * Other failures throw.
 */
export async function sendDirectMessage(
  client: Client,
  userId: string,
  message: string | MessageCreateOptions,
): Promise<DirectMessageResult> {
  try {
    const channel = await client.users.createDM(userId);
    const sent = await channel.send(message);
    return { ok: true, messageId: sent.id, channelId: channel.id };
  } catch (err) {
    if (err instanceof DiscordAPIError) {
      if (err.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser) return { ok: false, reason: 'dms_closed' };
      if (err.code === RESTJSONErrorCodes.UnknownUser) return { ok: false, reason: 'unknown_user' };
    }
    throw err;
  }
}
