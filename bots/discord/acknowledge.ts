import { InteractionResponseType, MessageFlags, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import { interactionHttpOf } from './interaction-http.js';
import type { LoggerLike } from './logger.js';

/**
 * Slash commands are acknowledged at once (a deferred ephemeral reply, "Slotkeeper is thinking…"),
 * while core works on the answer, which then replaces it. The person sees the bot react at the
 * platform's own speed, and Discord's 3-second limit can no longer be missed whatever core costs.
 * The deferral is sent without waiting for it: whoever answers first waits for it here.
 */
const pending = new WeakMap<Interaction, Promise<void>>();

export function acknowledgeAtOnce(interaction: ChatInputCommandInteraction, logger: LoggerLike): void {
  pending.set(
    interaction,
    deferEphemeral(interaction).then(
      () => undefined,
      (err: unknown) => logger.warn({ err, interactionId: interaction.id }, 'could not acknowledge the command'),
    ),
  );
}

/**
 * What `interaction.deferReply({ flags: Ephemeral })` sends and records (deferred, ephemeral), sent with
 * undici directly (bots/discord/interaction-http.ts) rather than through discord.js's REST manager.
 */
async function deferEphemeral(interaction: ChatInputCommandInteraction): Promise<void> {
  if (interaction.deferred || interaction.replied) throw new Error('The reply to this interaction has already been sent or deferred.');
  await interactionHttpOf(interaction.client).callback(interaction.id, interaction.token, { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
  interaction.deferred = true;
  interaction.ephemeral = true;
}

/** Resolves once the deferral started by `acknowledgeAtOnce` (if any) has been answered by Discord. */
export async function acknowledged(interaction: Interaction): Promise<void> {
  await pending.get(interaction);
}
