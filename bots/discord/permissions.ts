import { OAuth2Scopes, PermissionFlagsBits, PermissionsBitField } from 'discord.js';

/**
 * The minimal permissions the bot asks for when invited; docs/discord-setup.md
 * quotes the resulting integer and a test keeps the two in step.
 */
export const BOT_PERMISSION_FLAGS = {
  ViewChannel: PermissionFlagsBits.ViewChannel, // see the booking and staff channels
  SendMessages: PermissionFlagsBits.SendMessages, // answer in channels, post staff requests
  SendMessagesInThreads: PermissionFlagsBits.SendMessagesInThreads, // continue a booking in its thread
  CreatePublicThreads: PermissionFlagsBits.CreatePublicThreads, // start a thread from a booking message
  ReadMessageHistory: PermissionFlagsBits.ReadMessageHistory, // start threads on / edit earlier messages
  EmbedLinks: PermissionFlagsBits.EmbedLinks, // booking summaries as embeds
} as const;

export const BOT_PERMISSIONS = new PermissionsBitField(Object.values(BOT_PERMISSION_FLAGS)).bitfield;

export const INVITE_SCOPES = [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands] as const;

export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: INVITE_SCOPES.join(' '),
    permissions: BOT_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}
