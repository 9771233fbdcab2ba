import { callerFor, guarded, ctxOf } from '../../context.js';
import { presentStaffCancel } from '../../../shared/present/results.js';
import { renderMessage } from '../../render/index.js';
import { publishHome } from '../events/app-home-opened.js';
import { field, viewReply, parseJson, type ViewHandler } from '../types.js';

/**
 * Staff cancel with a reason (from App Home); the customer is told by the notifier. `sequence`: the
 * booking's as App Home showed it (absent from a list drawn before it was carried: unchecked); a
 * session moved meanwhile is not cancelled: the modal says the button is no longer available and App
 * Home, behind it, shows the session as it is now.
 */
export const staffCancelModal: ViewHandler = (deps) => async (args) => {
  const { ack, view, body, client } = args;
  await guarded(deps, { view: 'staff-cancel-modal', userId: body.user.id }, viewReply(args, deps), async () => {
    const meta = parseJson<{ bookingId: string; sequence?: number }>(view.private_metadata);
    const caller = await callerFor(deps, client, body.user.id);
    const reason = field(view.state.values, 'reason');
    const sequence = typeof meta?.sequence === 'number' ? { expectedSequence: meta.sequence } : {};
    const r = await deps.core.staffCancelBooking({ caller, bookingId: meta?.bookingId ?? '', ...(reason ? { reason } : {}), ...sequence });
    if (r.kind !== 'cancelled') {
      await ack({ response_action: 'errors', errors: { reason: renderMessage(presentStaffCancel(ctxOf(deps, caller), r).message).text } });
      if (r.kind === 'changed') await publishHome(deps, client, caller.userId);
      return;
    }
    await ack();
    await publishHome(deps, client, caller.userId);
  });
};
