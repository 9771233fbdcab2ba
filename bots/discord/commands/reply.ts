import { MessageFlags, type RepliableInteraction } from 'discord.js';
import type { View } from '../kit.js';

/** Every command answers privately: bookings, codes and fees are nobody else's business. */
export function replyPrivately(interaction: RepliableInteraction, v: View): Promise<unknown> {
  return interaction.reply({ content: v.content, components: v.components, flags: MessageFlags.Ephemeral });
}
