/**
 * Reschedule, Cancel and Add to calendar, from a DM or /sessions: core checks the booking belongs to
 * the presser, reads a new time for that booking (its own time does not count as taken) and says
 * whether it can still change; the shared presenter words it in the presser's language.
 */
import type { Interaction } from 'discord.js';
import type { ComponentHandler, HandlerContext } from '../interaction-router.js';
import { callerOf, contextOf, zoneOfCaller, type DiscordDeps } from '../caller.js';
import { A, bookingId as idFor, prefix } from '../ids.js';
import { decodeIntent } from '../../shared/present/intents.js';
import { say } from '../../shared/present/booking.js';
import { ts } from '../../shared/present/i18n.js';
import { presentCancel, presentCancelStep, presentKept, presentMoveStep, presentMoveUnderstood, presentReschedule, presentView } from '../../shared/present/results.js';
import { renderMessage } from '../render/index.js';
import { textModal, type View } from '../kit.js';
import { answerPrivately, bookingOf, refuseStale, replaceMessage } from './respond.js';


/** A reschedule's outcome: the moved booking, or why not (in words). */
async function rescheduled(i: Interaction, { core, config }: HandlerContext<DiscordDeps>, bookingId: string, startsAt: string): Promise<View> {
  const caller = callerOf(i);
  const ctx = await contextOf(core, config, i);
  const p = presentReschedule(ctx, await core.rescheduleBooking({ caller, bookingId, startsAt: new Date(startsAt) }), await zoneOfCaller(core, config, caller));
  return renderMessage(p.message ?? say(ctx, 'person', [p.error ?? '']));
}

export const manageComponents: ComponentHandler<DiscordDeps>[] = [
  {
    // Add to calendar (on confirmations and reminders): the booking as it is now, with its calendar link.
    kind: 'button',
    prefix: prefix(A.calendar),
    async handle(i, ctx) {
      const id = await bookingOf(i, ctx);
      if (id) await answerPrivately(i, renderMessage(presentView(await contextOf(ctx.core, ctx.config, i), await ctx.core.viewBooking({ caller: callerOf(i), bookingId: id })).message));
    },
  },
  {
    kind: 'button',
    prefix: prefix(A.cancel),
    async handle(i, ctx) {
      const id = await bookingOf(i, ctx);
      if (id) await answerPrivately(i, renderMessage(presentCancelStep(await contextOf(ctx.core, ctx.config, i), await ctx.core.viewBooking({ caller: callerOf(i), bookingId: id })).message));
    },
  },
  {
    kind: 'button',
    prefix: prefix(A.cancelYes),
    async handle(i, ctx) {
      // The booking as the question showed it (its sequence): core cancels nothing if it changed since.
      const yes = decodeIntent(i.customId);
      if (yes?.do !== 'cancel-yes') return refuseStale(i, ctx);
      const r = await ctx.core.cancelBooking({ caller: callerOf(i), bookingId: yes.bookingId, ...(yes.sequence !== undefined ? { expectedSequence: yes.sequence } : {}) });
      await replaceMessage(i, renderMessage(presentCancel(await contextOf(ctx.core, ctx.config, i), r).message));
    },
  },
  {
    kind: 'button',
    prefix: prefix(A.keep),
    async handle(i, ctx) {
      const id = await bookingOf(i, ctx);
      if (id) await replaceMessage(i, renderMessage(presentKept(await contextOf(ctx.core, ctx.config, i)).message));
    },
  },
  {
    // Too late (or gone) is said now, not after the person typed a new time into the modal.
    kind: 'button',
    prefix: prefix(A.move),
    async handle(i, ctx) {
      const id = await bookingOf(i, ctx);
      if (!id) return;
      const pctx = await contextOf(ctx.core, ctx.config, i);
      const p = presentMoveStep(pctx, await ctx.core.viewBooking({ caller: callerOf(i), bookingId: id }));
      if (p.prompt?.kind !== 'move') return void (await answerPrivately(i, renderMessage(p.message)));
      const L = pctx.lang;
      await i.showModal(textModal(idFor(A.moveModal, id), ts(L, 'modal.title', { which: 'move' }), { id: 'when', label: ts(L, 'prompt.newTime'), placeholder: ts(L, 'modal.newTimePlaceholder'), max: 100 }));
    },
  },
  {
    kind: 'modal',
    prefix: prefix(A.moveModal),
    async handle(i, ctx) {
      const id = await bookingOf(i, ctx);
      if (!id) return;
      const u = await ctx.core.understandMove({ caller: callerOf(i), bookingId: id, text: i.fields.getTextInputValue('when') });
      const why = presentMoveUnderstood(await contextOf(ctx.core, ctx.config, i), u, id);
      if (why) return void (await answerPrivately(i, renderMessage(why.message)));
      if (u.kind === 'proposal') await answerPrivately(i, await rescheduled(i, ctx, id, u.startsAt));
    },
  },
  {
    kind: 'button',
    prefix: prefix(A.moveTo),
    async handle(i, ctx) {
      const parsed = decodeIntent(i.customId);
      if (parsed?.do !== 'move-to') return refuseStale(i, ctx);
      await replaceMessage(i, await rescheduled(i, ctx, parsed.bookingId, parsed.startsAt));
    },
  },
];
