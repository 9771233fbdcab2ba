import { callerFor, guarded, ctxOf } from '../../context.js';
import { presentStaffCancel } from '../../../shared/present/results.js';
import { renderMessage } from '../../render/index.js';
import { publishHome } from '../events/app-home-opened.js';
import { field, viewReply, parseJson, type ViewHandler } from '../types.js';

/** Staff cancel with a reason (from App Home); the customer is told by the notifier. */
export const staffCancelModal: ViewHandler = (deps) => async (args) => {
  const { ack, view, body, client } = args;
  await guarded(deps, { view: 'staff-cancel-modal', userId: body.user.id }, viewReply(args, deps), async () => {
    const meta = parseJson<{ bookingId: string }>(view.private_metadata);
    const caller = await callerFor(deps, client, body.user.id);
    const reason = field(view.state.values, 'reason');
    const r = await deps.core.staffCancelBooking({ caller, bookingId: meta?.bookingId ?? '', ...(reason ? { reason } : {}) });
    if (r.kind !== 'cancelled') return void (await ack({ response_action: 'errors', errors: { reason: renderMessage(presentStaffCancel(ctxOf(deps, caller), r).message).text } }));
    await ack();
    await publishHome(deps, client, caller.userId);
  });
};
