import { MessageFlags, type ButtonInteraction, type Interaction, type ModalSubmitInteraction } from 'discord.js';
import type { View } from '../kit.js';
import type { HandlerContext } from '../interaction-router.js';
import { contextOf, type DiscordDeps } from '../caller.js';
import { readId } from '../ids.js';
import { noLongerAvailable } from '../../shared/refusals.js';
import { refuse } from '../reply-error.js';

/** Replace the message the button (or the modal's button) sat on. */
export function replaceMessage(i: ButtonInteraction | ModalSubmitInteraction, v: View): Promise<unknown> {
  if (i.isModalSubmit() && !i.isFromMessage()) return answerPrivately(i, v);
  return (i as ButtonInteraction).update({ content: v.content, components: v.components });
}

/** Answer the presser alone, leaving the message as it is. */
export function answerPrivately(i: ButtonInteraction | ModalSubmitInteraction, v: View): Promise<unknown> {
  return i.reply({ content: v.content, components: v.components, flags: MessageFlags.Ephemeral });
}

/** A button or modal whose id no longer means anything (an old version's, or forged): said plainly, in the presser's language. */
export async function refuseStale(i: Interaction, { core, config, logger }: HandlerContext<DiscordDeps>): Promise<void> {
  await refuse(i, noLongerAvailable((await contextOf(core, config, i)).lang), logger);
}

/** The booking id in the custom id, or null once the presser was told it is no longer available. */
export async function bookingOf(i: Interaction & { customId: string }, ctx: HandlerContext<DiscordDeps>): Promise<string | null> {
  const id = readId(i.customId)?.bookingId;
  if (!id) await refuseStale(i, ctx);
  return id ?? null;
}
