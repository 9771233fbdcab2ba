import { randomBytes } from 'node:crypto';
import { MessageFlags, type Interaction, type RepliableInteraction } from 'discord.js';
import type { LoggerLike } from './logger.js';
import { acknowledged } from './acknowledge.js';
import { resolveLang, ts, type Lang } from '../shared/present/i18n.js';

/**
 * The one place that answers a user privately when a request is refused or
 * fails. It picks the only call Discord still accepts for the interaction's
 * state:
 * - not yet acknowledged → reply (callback type 4, flags 64 = ephemeral);
 * - deferred, not yet replied → editReply (PATCH …/messages/@original). The
 *   deferral already fixed whether the response is ephemeral;
 * - already replied → followUp with the ephemeral flag (POST /webhooks/…).
 * Autocomplete cannot carry a message: it is answered with no choices.
 */
export async function replyEphemeral(interaction: Interaction, content: string, logger?: LoggerLike): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    await sendPrivately(interaction, content);
  } catch (err) {
    // The token may have expired (10062 Unknown interaction) or the user left:
    // nothing else can reach them through this interaction.
    logger?.warn({ err, interactionId: interaction.id }, 'could not deliver ephemeral reply');
  }
}

async function sendPrivately(interaction: RepliableInteraction, content: string): Promise<void> {
  await acknowledged(interaction);
  if (interaction.deferred && !interaction.replied) {
    await interaction.editReply({ content });
  } else if (interaction.replied) {
    await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
  } else {
    await interaction.reply({ content, flags: MessageFlags.Ephemeral });
  }
}

/** A refusal is an expected outcome, presented to the user (no error logged). */
export function refuse(interaction: Interaction, message: string, logger?: LoggerLike): Promise<void> {
  return replyEphemeral(interaction, message, logger);
}

/** Short, readable reference the user can quote to staff: `E-` + 8 base32 chars. */
export function newErrorReference(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(8);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return `E-${out}`;
}

/** The apology for an unexpected error, quoting its reference, in the person's language (the catalog's). */
export function apologyText(errorRef: string, lang: Lang = 'en'): string {
  return ts(lang, 'error.apology', { ref: errorRef });
}

/** Describes an interaction for logs: what the user did, where, and who. */
export function interactionContext(interaction: Interaction): Record<string, unknown> {
  const base: Record<string, unknown> = {
    interactionId: interaction.id,
    interactionType: interaction.type,
    userId: interaction.user.id,
    guildId: interaction.guildId,
    channelId: interaction.channelId,
  };
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) base.command = interaction.commandName;
  if (interaction.isMessageComponent() || interaction.isModalSubmit()) base.customId = interaction.customId;
  return base;
}

/**
 * Logs an unexpected error with its context and a fresh reference, then
 * apologises to the user privately, quoting the reference. Returns it.
 */
export async function replyWithError(interaction: Interaction, err: unknown, logger: LoggerLike): Promise<string> {
  const errorRef = newErrorReference();
  logger.error({ err, errorRef, ...interactionContext(interaction) }, 'interaction handler failed');
  await replyEphemeral(interaction, apologyText(errorRef, resolveLang(interaction.locale)), logger);
  return errorRef;
}
