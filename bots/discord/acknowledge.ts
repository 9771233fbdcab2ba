import { MessageFlags, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
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
    interaction.deferReply({ flags: MessageFlags.Ephemeral }).then(
      () => undefined,
      (err: unknown) => logger.warn({ err, interactionId: interaction.id }, 'could not acknowledge the command'),
    ),
  );
}

/** Resolves once the deferral started by `acknowledgeAtOnce` (if any) has been answered by Discord. */
export async function acknowledged(interaction: Interaction): Promise<void> {
  await pending.get(interaction);
}
