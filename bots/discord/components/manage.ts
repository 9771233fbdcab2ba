/** Reschedule and Cancel, from a DM or /sessions: core checks the booking belongs to the presser. */
import type { ComponentHandler } from '../interaction-router.js';
import { callerOf, zoneOfCaller, type DiscordDeps } from '../caller.js';
import { A, bookingId as idFor, prefix, readId } from '../ids.js';
import { decodeIntent } from '../../shared/present/intents.js';
import { personContext } from '../../shared/present/index.js';
import { presentView } from '../../shared/present/results.js';
import { renderMessage } from '../render/index.js';
import { textModal } from '../kit.js';
import { keptText, presentCancel, presentCancelAsk, presentMoveAsk, presentMoveUnderstood, presentReschedule } from '../present.js';
import { refuse } from '../reply-error.js';
import { answerPrivately, replaceMessage } from './respond.js';

const STALE = 'This action is no longer available. Please start again.';
const step = 5 * 60_000;

export const manageComponents: ComponentHandler<DiscordDeps>[] = [
  {
    // Add to calendar (on confirmations and reminders): the booking as it is now, with its calendar link.
    kind: 'button',
    prefix: prefix(A.calendar),
    async handle(i, { core, config, logger }) {
      const id = readId(i.customId)?.bookingId;
      if (!id) return refuse(i, STALE, logger);
      await answerPrivately(i, renderMessage(presentView(personContext(config, i.locale), await core.viewBooking({ caller: callerOf(i), bookingId: id })).message));
    },
  },
  {
    kind: 'button',
    prefix: prefix(A.cancel),
    async handle(i, { core, logger }) {
      const id = readId(i.customId)?.bookingId;
      if (!id) return refuse(i, STALE, logger);
      await answerPrivately(i, presentCancelAsk(await core.viewBooking({ caller: callerOf(i), bookingId: id })));
    },
  },
  {
    kind: 'button',
    prefix: prefix(A.cancelYes),
    async handle(i, { core, logger }) {
      const id = readId(i.customId)?.bookingId;
      if (!id) return refuse(i, STALE, logger);
      await replaceMessage(i, presentCancel(await core.cancelBooking({ caller: callerOf(i), bookingId: id })));
    },
  },
  {
    kind: 'button',
    prefix: prefix(A.keep),
    async handle(i, { core, logger }) {
      const id = readId(i.customId)?.bookingId;
      if (!id) return refuse(i, STALE, logger);
      const r = await core.viewBooking({ caller: callerOf(i), bookingId: id });
      await replaceMessage(i, keptText(r.kind === 'booking' ? r.booking.reference : null));
    },
  },
  {
    kind: 'button',
    prefix: prefix(A.move),
    async handle(i, { core, logger }) {
      const id = readId(i.customId)?.bookingId;
      if (!id) return refuse(i, STALE, logger);
      // Too late (or gone) is said now, not after the person typed a new time into the modal.
      const refused = presentMoveAsk(await core.viewBooking({ caller: callerOf(i), bookingId: id }));
      if (refused) return void (await answerPrivately(i, refused));
      await i.showModal(textModal(idFor(A.moveModal, id), 'Reschedule', { id: 'when', label: 'New time', placeholder: 'tomorrow 3pm, Friday 10:30', max: 100 }));
    },
  },
  {
    kind: 'modal',
    prefix: prefix(A.moveModal),
    async handle(i, { core, config, logger }) {
      const id = readId(i.customId)?.bookingId;
      if (!id) return refuse(i, STALE, logger);
      const caller = callerOf(i);
      const current = await core.viewBooking({ caller, bookingId: id });
      if (current.kind !== 'booking') return void (await answerPrivately(i, presentCancelAsk(current)));
      const text = i.fields.getTextInputValue('when');
      const understood = await core.understandRequest({ caller, text, kind: current.booking.kind, lengthMinutes: current.booking.lengthMinutes });
      // "Taken" may be this very booking (a move by half an hour): core's reschedule leaves it out of the check.
      const target =
        understood.kind === 'unavailable' && understood.reason === 'slot_taken'
          ? { startsAt: new Date(Math.ceil(Date.parse(understood.startsAt) / step) * step).toISOString() }
          : presentMoveUnderstood(understood, id);
      if (!('startsAt' in target)) return void (await answerPrivately(i, target));
      await answerPrivately(i, presentReschedule(await core.rescheduleBooking({ caller, bookingId: id, startsAt: target.startsAt }), id, await zoneOfCaller(core, config, caller)));
    },
  },
  {
    kind: 'button',
    prefix: prefix(A.moveTo),
    async handle(i, { core, config, logger }) {
      const parsed = decodeIntent(i.customId);
      if (parsed?.do !== 'move-to') return refuse(i, STALE, logger);
      const caller = callerOf(i);
      const r = await core.rescheduleBooking({ caller, bookingId: parsed.bookingId, startsAt: new Date(parsed.startsAt) });
      await replaceMessage(i, presentReschedule(r, parsed.bookingId, await zoneOfCaller(core, config, caller)));
    },
  },
];
