import type { SessionKind } from '../../../../core/config/schema.js';
import { callerFor, guarded, StaleRequest, zoneOf, ctxOf } from '../../context.js';
import { presentReschedule, understandError } from '../../../shared/present/results.js';
import { ts } from '../../../shared/present/i18n.js';
import { renderMessage } from '../../render/index.js';
import { messageModal } from '../../blocks/modals.js';
import { field, viewReply, parseJson, type ViewHandler } from '../types.js';

/** Reschedule modal: understand the new time, then move the booking; problems go to the field. */
export const moveModal: ViewHandler = (deps) => async (args) => {
  const { ack, view, body, client } = args;
  await guarded(deps, { view: 'move-modal', userId: body.user.id }, viewReply(args), async () => {
    const meta = parseJson<{ bookingId: string; kind: SessionKind; lengthMinutes: number }>(view.private_metadata);
    if (!meta) throw new StaleRequest('move modal without a booking');
    const caller = await callerFor(deps, client, body.user.id);
    const u = await deps.core.understandRequest({ caller, text: field(view.state.values, 'when') ?? '', kind: meta.kind, lengthMinutes: meta.lengthMinutes });
    // understandRequest counts the booking's own time as taken; rescheduleBooking does not, so it decides.
    const startsAt = u.kind === 'proposal' ? u.startsAt : u.kind === 'unavailable' && u.reason === 'slot_taken' ? u.startsAt : null;
    if (!startsAt) return void (await ack({ response_action: 'errors', errors: { when: understandError(ctxOf(deps, caller), u) ?? ts(ctxOf(deps, caller).lang, 'field.exactTime') } }));
    const p = presentReschedule(ctxOf(deps, caller), await deps.core.rescheduleBooking({ caller, bookingId: meta.bookingId, startsAt }), zoneOf(caller, deps.config));
    if (p.error) return void (await ack({ response_action: 'errors', errors: { when: p.error } }));
    await ack({ response_action: 'update', view: messageModal('Rescheduled', renderMessage(p.message!)) });
  });
};
