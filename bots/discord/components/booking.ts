/** Buttons under a proposal (slash command reply or booking thread): Confirm, a slot, Other times, Enter my code. */
import type { ButtonInteraction, ModalSubmitInteraction } from 'discord.js';
import { encodeButtonId } from '../../shared/button-id.js';
import type { ComponentHandler, HandlerContext } from '../interaction-router.js';
import { callerOf, zoneOfCaller, type DiscordDeps } from '../caller.js';
import { A, prefix, proposalArg, readId, readProposal, type Proposal } from '../ids.js';
import { textModal } from '../kit.js';
import { presentBook, presentOpenings, publicBookLine, type ProposalContext } from '../present.js';
import { refuse } from '../reply-error.js';
import { rememberThread } from '../thread-directory.js';
import { replaceMessage } from './respond.js';
import { answerInPublic, onPublicMessage, updateInTime } from '../commands/reply.js';

const STALE = 'This action is no longer available. Please start again.';

/** The proposal in the custom id, if the presser is the person it was made for (else they are told whose it is). */
async function ownProposal(i: ButtonInteraction | ModalSubmitInteraction, ctx: HandlerContext): Promise<Proposal | null> {
  const p = readProposal(readId(i.customId)?.arg);
  if (!p) return void (await refuse(i, STALE, ctx.logger)), null;
  if (p.author !== i.user.id) return void (await refuse(i, `These buttons belong to <@${p.author}>. Ask for your own time with /book or a message in the booking channel.`, ctx.logger)), null;
  return p;
}

const contextOf = (p: Proposal): ProposalContext => ({ author: p.author, kind: p.kind, lengthMinutes: p.lengthMinutes, payStandardFee: p.payStandardFee });

async function book(i: ButtonInteraction | ModalSubmitInteraction, ctx: HandlerContext<DiscordDeps>, p: Proposal, code?: string): Promise<void> {
  const caller = callerOf(i);
  const result = ctx.core.bookSession({ caller, kind: p.kind, lengthMinutes: p.lengthMinutes, startsAt: p.startsAt, payStandardFee: p.payStandardFee, ...(p.quoteKey ? { quoteKey: p.quoteKey } : {}), ...(code ? { code } : {}) }).then(async (r) => {
    if ((r.kind === 'booked' || r.kind === 'pending_approval') && i.channel?.isThread()) rememberThread(i.client, r.booking.bookingId, i.channel.id, i.user.id);
    const timed = r.kind === 'too_soon' || r.kind === 'too_far' || r.kind === 'code_locked';
    return { r, v: presentBook(r, contextOf(p), p, timed ? await zoneOfCaller(ctx.core, ctx.config, caller) : ctx.config.vendor.zone) };
  });
  if (i.isModalSubmit() && !i.isFromMessage()) return void (await replaceMessage(i, (await result).v));
  // A booking thread is public: its message gets a short line, the details (join link, phone, PIN, price) go to the presser alone.
  // Other answers (a refusal, a fee, a suspension) are the presser's business too: the proposal stays for them to try again.
  if (onPublicMessage(i)) return answerInPublic(i, result.then(({ r, v }) => ({ public: publicBookLine(r), private: v })), ctx.deferAfterMs);
  await updateInTime(i, result.then(({ v }) => v), ctx.deferAfterMs);
}

export const bookingComponents: ComponentHandler<DiscordDeps>[] = [
  {
    kind: 'button',
    prefix: prefix(A.book),
    async handle(i, ctx) {
      const p = await ownProposal(i, ctx);
      if (p) await book(i, ctx, p);
    },
  },
  {
    kind: 'button',
    prefix: prefix(A.more),
    async handle(i, ctx) {
      const p = await ownProposal(i, ctx);
      if (!p) return;
      const from = new Date(p.startsAt.getTime() + ctx.config.policy.slotStepMinutes * 60_000);
      const r = await ctx.core.findOpenings({ caller: callerOf(i), kind: p.kind, lengthMinutes: p.lengthMinutes, from, to: new Date(from.getTime() + 7 * 86_400_000), limit: 5, payStandardFee: p.payStandardFee });
      await replaceMessage(i, presentOpenings(r, contextOf(p)));
    },
  },
  {
    kind: 'button',
    prefix: prefix(A.code),
    async handle(i, ctx) {
      const p = await ownProposal(i, ctx);
      if (!p) return;
      await i.showModal(textModal(encodeButtonId({ action: A.codeModal, arg: proposalArg(p) }), 'Your maintenance code', { id: 'code', label: 'Maintenance code', placeholder: 'On your Profile page', max: 64 }));
    },
  },
  {
    kind: 'modal',
    prefix: prefix(A.codeModal),
    async handle(i, ctx) {
      const p = await ownProposal(i, ctx);
      if (p) await book(i, ctx, p, i.fields.getTextInputValue('code'));
    },
  },
];
