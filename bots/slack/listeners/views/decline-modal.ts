import { callerFor, guarded, zoneOf, ctxOf } from '../../context.js';
import { presentDecision } from '../../../shared/present/results.js';
import { renderMessage } from '../../render/index.js';
import { cardRefOf, showDecision, type CardRef } from '../actions/staff-card.js';
import { field, viewReply, parseJson, type ViewHandler } from '../types.js';

/** Staff decline with a reason; the staff card then shows who declined, when and why. */
export const declineModal: ViewHandler = (deps) => async (args) => {
  const { ack, view, body, client } = args;
  await guarded(deps, { view: 'decline-modal', userId: body.user.id }, viewReply(args, deps), async () => {
    const meta = parseJson<{ bookingId: string } & CardRef>(view.private_metadata);
    const caller = await callerFor(deps, client, body.user.id);
    const r = await deps.core.declineBooking({ caller, bookingId: meta?.bookingId ?? '', reason: field(view.state.values, 'reason') ?? '' });
    if (r.kind !== 'declined') return void (await ack({ response_action: 'errors', errors: { reason: renderMessage(presentDecision(ctxOf(deps, caller), r, zoneOf(caller, deps.config)).message).text } }));
    await ack();
    await showDecision(deps, client, caller.userId, { ...cardRefOf({}), ...meta }, r.booking, { kind: 'declined', by: r.by, reason: r.reason });
  });
};
