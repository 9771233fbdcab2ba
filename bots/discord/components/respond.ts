import { MessageFlags, type ButtonInteraction, type ModalSubmitInteraction } from 'discord.js';
import type { View } from '../kit.js';

/** Replace the message the button (or the modal's button) sat on. */
export function replaceMessage(i: ButtonInteraction | ModalSubmitInteraction, v: View): Promise<unknown> {
  if (i.isModalSubmit() && !i.isFromMessage()) return answerPrivately(i, v);
  return (i as ButtonInteraction).update({ content: v.content, components: v.components });
}

/** Answer the presser alone, leaving the message as it is. */
export function answerPrivately(i: ButtonInteraction | ModalSubmitInteraction, v: View): Promise<unknown> {
  return i.reply({ content: v.content, components: v.components, flags: MessageFlags.Ephemeral });
}
