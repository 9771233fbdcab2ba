/**
 * Buttons under an offer of times (a slash command reply, a booking thread, a DM): book this slot,
 * Other times, Enter my code. Their ids are the shared intents (book / more / code with the slot);
 * a slot shown in a public thread names the person the buttons belong to.
 */
import type { ButtonInteraction, ModalSubmitInteraction } from 'discord.js';
import { decodeButtonId, encodeButtonId } from '../../shared/button-id.js';
import { decodeIntent, decodeSlot, encodeSlot, type Slot } from '../../shared/present/intents.js';
import { t, ts } from '../../shared/present/i18n.js';
import { cmd } from '../../shared/present/booking.js';
import { presentBook, presentOpenings } from '../../shared/present/results.js';
import { presentPublicBook } from '../../shared/present/public.js';
import type { ComponentHandler, HandlerContext } from '../interaction-router.js';
import { callerOf, contextOf, zoneOfCaller, type DiscordDeps } from '../caller.js';
import { A, prefix } from '../ids.js';
import { textModal } from '../kit.js';
import { markdown, renderMessage, renderPresentation, withCodeButton } from '../render/index.js';
import { refuse } from '../reply-error.js';
import { rememberThread } from '../thread-directory.js';
import { answerPrivately, refuseStale, replaceMessage } from './respond.js';
import { answerInPublic, onPublicMessage, updateInTime } from '../commands/reply.js';

/** The slot in the id, if the presser is the person it was offered to (else they are told whose it is). Old ids: "no longer available". */
async function ownSlot(i: ButtonInteraction | ModalSubmitInteraction, ctx: HandlerContext<DiscordDeps>): Promise<Slot | null> {
  const intent = i.isButton() ? decodeIntent(i.customId) : null;
  const slot = intent && 'slot' in intent ? intent.slot : i.isModalSubmit() ? decodeSlot(decodeButtonId(i.customId)?.arg) : null;
  if (!slot) return void (await refuseStale(i, ctx)), null;
  if (slot.author && slot.author !== i.user.id) {
    const { lang } = await contextOf(ctx.core, ctx.config, i);
    const who = { t: 'mention' as const, platform: 'discord', userId: slot.author, name: slot.author };
    await refuse(i, markdown(t(lang, 'refusal.notYourButtons', { who, cmd: cmd('/book') })), ctx.logger);
    return null;
  }
  return slot;
}

async function book(i: ButtonInteraction | ModalSubmitInteraction, ctx: HandlerContext<DiscordDeps>, slot: Slot, code?: string): Promise<void> {
  const { core, config } = ctx;
  const caller = callerOf(i);
  const result = (async () => {
    const pctx = await contextOf(core, config, i);
    const r = await core.bookSession({ caller, kind: slot.kind, lengthMinutes: slot.lengthMinutes, startsAt: new Date(slot.startsAt), payStandardFee: slot.payStandardFee ?? false, ...(slot.quoteKey ? { quoteKey: slot.quoteKey } : {}), ...(code ? { code } : {}) });
    if ((r.kind === 'booked' || r.kind === 'pending_approval') && i.channel?.isThread()) rememberThread(i.client, r.booking.bookingId, i.channel.id, i.user.id);
    const timed = r.kind === 'too_soon' || r.kind === 'too_far' || r.kind === 'code_locked';
    const zone = timed ? await zoneOfCaller(core, config, caller) : config.vendor.zone;
    const shown = presentPublicBook(pctx, r);
    const p = presentBook(pctx, r, slot, zone);
    const v = r.kind === 'code_invalid' ? renderMessage(withCodeButton(p.message, slot)) : renderPresentation(p);
    return { v, shown: shown ? renderMessage(shown) : null };
  })();
  if (i.isModalSubmit() && !i.isFromMessage()) return void (await replaceMessage(i, (await result).v));
  // A booking thread is public: its message gets a short line, the details (join link, phone, PIN, price) go to the presser alone.
  // Other answers (a refusal, a fee, a suspension) are the presser's business too: the offer stays for them to try again.
  if (onPublicMessage(i)) return answerInPublic(i, result.then(({ v, shown }) => ({ public: shown, private: v })), ctx.deferAfterMs);
  await updateInTime(i, result.then(({ v }) => v), ctx.deferAfterMs);
}

export const bookingComponents: ComponentHandler<DiscordDeps>[] = [
  {
    kind: 'button',
    prefix: prefix('book'),
    async handle(i, ctx) {
      const slot = await ownSlot(i, ctx);
      if (slot) await book(i, ctx, slot);
    },
  },
  {
    // Other times: core picks the window (policy.otherTimesDays); in a public thread the list goes to the presser alone.
    kind: 'button',
    prefix: prefix('more'),
    async handle(i, ctx) {
      const slot = await ownSlot(i, ctx);
      if (!slot) return;
      const { startsAt, ...base } = slot;
      const r = await ctx.core.otherTimes({ caller: callerOf(i), kind: slot.kind, lengthMinutes: slot.lengthMinutes, after: new Date(startsAt), payStandardFee: slot.payStandardFee ?? false });
      const v = renderMessage(presentOpenings(await contextOf(ctx.core, ctx.config, i), r, base, ctx.config.policy.otherTimesDays).message);
      await (onPublicMessage(i) ? answerPrivately(i, v) : replaceMessage(i, v));
    },
  },
  {
    kind: 'button',
    prefix: prefix('code'),
    async handle(i, ctx) {
      const slot = await ownSlot(i, ctx);
      if (!slot) return;
      const { lang } = await contextOf(ctx.core, ctx.config, i);
      await i.showModal(textModal(encodeButtonId({ action: A.codeModal, arg: encodeSlot(slot) }), ts(lang, 'modal.title', { which: 'code' }), { id: 'code', label: ts(lang, 'label.code'), placeholder: ts(lang, 'modal.codePlaceholder'), max: 64 }));
    },
  },
  {
    kind: 'modal',
    prefix: prefix(A.codeModal),
    async handle(i, ctx) {
      const slot = await ownSlot(i, ctx);
      if (slot) await book(i, ctx, slot, i.fields.getTextInputValue('code'));
    },
  },
];
