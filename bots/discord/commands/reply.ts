import { MessageFlags, type ButtonInteraction, type ModalSubmitInteraction, type RepliableInteraction } from 'discord.js';
import type { View } from '../kit.js';

/**
 * Discord drops an interaction not answered within 3 s. Core is usually far quicker, but under load
 * (a single SQLite writer, many bookings at once) it may not be: if the answer is not ready after
 * this long, we acknowledge first (deferred) and edit the answer in when it comes.
 */
export const DEFAULT_DEFER_AFTER_MS = 2_000;

async function withDeadline(work: Promise<View>, ms: number, acknowledge: () => Promise<unknown>): Promise<View> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  const first = await Promise.race([work, late]);
  clearTimeout(timer);
  if (first !== 'late') return first;
  await acknowledge();
  return work;
}

/** Every command answers privately: bookings, codes and fees are nobody else's business. */
export async function replyPrivately(interaction: RepliableInteraction, v: View | Promise<View>, deferAfterMs = DEFAULT_DEFER_AFTER_MS): Promise<void> {
  const ready = await withDeadline(Promise.resolve(v), deferAfterMs, () => interaction.deferReply({ flags: MessageFlags.Ephemeral }));
  if (interaction.deferred) await interaction.editReply({ content: ready.content, components: ready.components });
  else await interaction.reply({ content: ready.content, components: ready.components, flags: MessageFlags.Ephemeral });
}

/** Replaces the message a button (or a modal opened from one) sat on, within the same deadline. */
export async function updateInTime(interaction: ButtonInteraction | ModalSubmitInteraction, v: View | Promise<View>, deferAfterMs = DEFAULT_DEFER_AFTER_MS): Promise<void> {
  const ready = await withDeadline(Promise.resolve(v), deferAfterMs, () => interaction.deferUpdate());
  if (interaction.deferred) await interaction.editReply({ content: ready.content, components: ready.components });
  else await (interaction as ButtonInteraction).update({ content: ready.content, components: ready.components });
}
