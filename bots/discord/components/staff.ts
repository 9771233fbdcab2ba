/** Staff buttons: approval and emergency cards, and /today. Core decides who is staff and audits refusals. */
import type { ButtonInteraction, ModalSubmitInteraction } from 'discord.js';
import type { ComponentHandler } from '../interaction-router.js';
import { callerOf, type DiscordDeps } from '../caller.js';
import { A, bookingId as idFor, prefix, readId } from '../ids.js';
import { textModal } from '../kit.js';
import { NOT_STAFF, presentCancel, presentDecision, presentHistory, presentMarkJoined, presentSqueeze, type Decided } from '../present.js';
import { refuse } from '../reply-error.js';
import { answerPrivately, replaceMessage } from './respond.js';

const STALE = 'This action is no longer available. Please start again.';

async function settle(i: ButtonInteraction | ModalSubmitInteraction, d: Decided, logger: Parameters<typeof refuse>[2]): Promise<void> {
  if ('edit' in d) await replaceMessage(i, d.edit);
  else await refuse(i, d.ephemeral, logger);
}

export const staffComponents: ComponentHandler<DiscordDeps>[] = [
  {
    kind: 'button',
    prefix: prefix(A.approve),
    async handle(i, { core, logger }) {
      const id = readId(i.customId)?.bookingId;
      if (!id) return refuse(i, STALE, logger);
      await settle(i, presentDecision(await core.approveBooking({ caller: callerOf(i), bookingId: id })), logger);
    },
  },
  {
    kind: 'button',
    prefix: prefix(A.decline),
    async handle(i, { core, logger }) {
      const id = readId(i.customId)?.bookingId;
      if (!id) return refuse(i, STALE, logger);
      // A modal cannot be refused after it is filled in; core still checks (and audits) at submit.
      if (!core.isStaff(callerOf(i))) return refuse(i, NOT_STAFF, logger);
      await i.showModal(textModal(idFor(A.declineModal, id), 'Decline', { id: 'reason', label: 'Reason (the customer sees it)', long: true, max: 500 }));
    },
  },
  {
    kind: 'modal',
    prefix: prefix(A.declineModal),
    async handle(i, { core, logger }) {
      const id = readId(i.customId)?.bookingId;
      if (!id) return refuse(i, STALE, logger);
      await settle(i, presentDecision(await core.declineBooking({ caller: callerOf(i), bookingId: id, reason: i.fields.getTextInputValue('reason') })), logger);
    },
  },
  {
    kind: 'button',
    prefix: prefix(A.squeeze),
    async handle(i, { core, logger }) {
      const parsed = readId(i.customId);
      const m = /^([a-z0-9_-]+)\.(\d+)$/.exec(parsed?.arg ?? '');
      if (!parsed?.bookingId || !m) return refuse(i, STALE, logger);
      const r = await core.squeezeIn({ caller: callerOf(i), bookingId: parsed.bookingId, staffId: m[1]!, startsAt: new Date(Number(m[2]) * 1000) });
      await settle(i, presentSqueeze(r), logger);
    },
  },
  {
    kind: 'button',
    prefix: prefix(A.joined),
    async handle(i, { core, logger }) {
      const parsed = readId(i.customId);
      if (!parsed?.bookingId || (parsed.arg !== 'online' && parsed.arg !== 'phone')) return refuse(i, STALE, logger);
      await answerPrivately(i, presentMarkJoined(await core.markJoined({ caller: callerOf(i), bookingId: parsed.bookingId, via: parsed.arg })));
    },
  },
  {
    kind: 'button',
    prefix: prefix(A.staffCancel),
    async handle(i, { core, logger }) {
      const id = readId(i.customId)?.bookingId;
      if (!id) return refuse(i, STALE, logger);
      if (!core.isStaff(callerOf(i))) return refuse(i, NOT_STAFF, logger);
      await i.showModal(textModal(idFor(A.staffCancelModal, id), 'Cancel the session', { id: 'reason', label: 'Reason (the customer sees it)', long: true, max: 500 }));
    },
  },
  {
    kind: 'modal',
    prefix: prefix(A.staffCancelModal),
    async handle(i, { core, logger }) {
      const id = readId(i.customId)?.bookingId;
      if (!id) return refuse(i, STALE, logger);
      const caller = callerOf(i);
      if (!core.isStaff(caller)) return refuse(i, NOT_STAFF, logger);
      await answerPrivately(i, presentCancel(await core.cancelBooking({ caller, bookingId: id, reason: i.fields.getTextInputValue('reason') })));
    },
  },
  {
    kind: 'button',
    prefix: prefix(A.history),
    async handle(i, { core, logger }) {
      const id = readId(i.customId)?.bookingId;
      if (!id) return refuse(i, STALE, logger);
      await answerPrivately(i, presentHistory(await core.bookingHistory({ caller: callerOf(i), bookingId: id })));
    },
  },
];
