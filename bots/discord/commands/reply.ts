import { MessageFlags, type ButtonInteraction, type ModalSubmitInteraction, type RepliableInteraction } from 'discord.js';
import type { View } from '../kit.js';
import { acknowledged } from '../acknowledge.js';
import { interactionHttpOf } from '../interaction-http.js';

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

/**
 * The answer in place of the deferral: the request `interaction.editReply({ content, components })`
 * sends (PATCH …/messages/@original, the same body), without what discord.js does around it that we do
 * not use: a MessagePayload resolved for every edit, and a Message built from Discord's answer and
 * kept in the channel's cache. That was about a tenth of a /book's CPU (bench:discord). Sent with
 * undici directly (bots/discord/interaction-http.ts).
 */
export async function editOriginal(interaction: RepliableInteraction, v: View): Promise<void> {
  const { repliedUser, ...mentions } = interaction.client.options.allowedMentions ?? {};
  await interactionHttpOf(interaction.client).editOriginal(interaction.applicationId, interaction.token, {
    content: v.content,
    tts: false,
    enforce_nonce: false,
    components: v.components,
    allowed_mentions: repliedUser === undefined ? mentions : { ...mentions, replied_user: repliedUser },
  });
  interaction.replied = true;
}

/**
 * Every command answers privately: bookings, codes and fees are nobody else's business. Slash commands
 * arrive here already acknowledged (bots/discord/acknowledge.ts), so the answer replaces the deferral.
 */
export async function replyPrivately(interaction: RepliableInteraction, v: View | Promise<View>, deferAfterMs = DEFAULT_DEFER_AFTER_MS): Promise<void> {
  await acknowledged(interaction);
  const ready = interaction.deferred ? await v : await withDeadline(Promise.resolve(v), deferAfterMs, () => interaction.deferReply({ flags: MessageFlags.Ephemeral }));
  if (interaction.deferred) await editOriginal(interaction, ready);
  else await interaction.reply({ content: ready.content, components: ready.components, flags: MessageFlags.Ephemeral });
}

/** Replaces the message a button (or a modal opened from one) sat on, within the same deadline. */
export async function updateInTime(interaction: ButtonInteraction | ModalSubmitInteraction, v: View | Promise<View>, deferAfterMs = DEFAULT_DEFER_AFTER_MS): Promise<void> {
  const ready = await withDeadline(Promise.resolve(v), deferAfterMs, () => interaction.deferUpdate());
  if (interaction.deferred) await interaction.editReply({ content: ready.content, components: ready.components });
  else await (interaction as ButtonInteraction).update({ content: ready.content, components: ready.components });
}

/** What a button on a message everyone can read (a booking thread) answers: the public edit, and what only the presser sees. */
export interface PublicAnswer {
  /** Replaces the public message; none: it stays as it is. */
  public: View | null;
  /** Sent to the presser alone (ephemeral). */
  private: View | null;
}

/**
 * For buttons on non-ephemeral messages: the public message gets only `public` (never links, PINs or
 * prices); the details go in an ephemeral follow-up. Same deadline as the other answers.
 */
export async function answerInPublic(interaction: ButtonInteraction | ModalSubmitInteraction, work: Promise<PublicAnswer>, deferAfterMs = DEFAULT_DEFER_AFTER_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), deferAfterMs)));
  const first = await Promise.race([work, late]);
  clearTimeout(timer);
  if (first === 'late') await interaction.deferUpdate();
  const ready = first === 'late' ? await work : first;
  if (ready.public) {
    if (interaction.deferred) await interaction.editReply({ content: ready.public.content, components: ready.public.components });
    else await (interaction as ButtonInteraction).update({ content: ready.public.content, components: ready.public.components });
  }
  if (ready.private) {
    const body = { content: ready.private.content, components: ready.private.components, flags: MessageFlags.Ephemeral as const };
    if (interaction.deferred || interaction.replied) await interaction.followUp(body);
    else await interaction.reply(body);
  }
}

/** Is the message this interaction came from one everyone in the channel can read (not ephemeral)? */
export function onPublicMessage(interaction: ButtonInteraction | ModalSubmitInteraction): boolean {
  const message = interaction.isButton() ? interaction.message : interaction.isFromMessage() ? interaction.message : null;
  return !!message && !message.flags.has(MessageFlags.Ephemeral);
}
