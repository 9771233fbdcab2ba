import type { SessionKind } from '../../../../core/config/schema.js';
import { callerFor, guarded, StaleRequest, zoneOf, ctxOf } from '../../context.js';
import { presentReschedule, understandMoveError } from '../../../shared/present/results.js';
import { ts } from '../../../shared/present/i18n.js';
import { renderMessage } from '../../render/index.js';
import { messageModal } from '../../blocks/modals.js';
import { field, viewReply, parseJson, type ViewHandler } from '../types.js';

/** Reschedule modal: understand the new time, then move the booking; problems go to the field. */
export const moveModal: ViewHandler = (deps) => async (args) => {
  const { ack, view, body, client } = args;
  await guarded(deps, { view: 'move-modal', userId: body.user.id }, viewReply(args, deps), async () => {
    const meta = parseJson<{ bookingId: string; kind: SessionKind; lengthMinutes: number }>(view.private_metadata);
    if (!meta) throw new StaleRequest('move modal without a booking');
    const caller = await callerFor(deps, client, body.user.id);
    // Core reads the new time for this booking: its own time does not count as taken.
    const u = await deps.core.understandMove({ caller, bookingId: meta.bookingId, text: field(view.state.values, 'when') ?? '' });
    const startsAt = u.kind === 'proposal' ? u.startsAt : null;
    if (!startsAt) return void (await ack({ response_action: 'errors', errors: { when: understandMoveError(ctxOf(deps, caller), u) ?? ts(ctxOf(deps, caller).lang, 'field.exactTime') } }));
    const p = presentReschedule(ctxOf(deps, caller), await deps.core.rescheduleBooking({ caller, bookingId: meta.bookingId, startsAt }), zoneOf(caller, deps.config));
    if (p.error) return void (await ack({ response_action: 'errors', errors: { when: p.error } }));
    await ack({ response_action: 'update', view: messageModal(ctxOf(deps, caller).lang, 'rescheduled', renderMessage(p.message!)) });
  });
};
