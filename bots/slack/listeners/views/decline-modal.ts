import { callerFor, guarded, zoneOf, ctxOf } from '../../context.js';
import { presentDecision } from '../../../shared/present/results.js';
import { renderMessage } from '../../render/index.js';
import { cardRefOf, showDecision, type CardRef } from '../actions/staff-card.js';
import { publishHome } from '../events/app-home-opened.js';
import { field, viewReply, parseJson, type ViewHandler } from '../types.js';

/**
 * Staff decline with a reason; the staff card then shows who declined, when and why. `sequence`: the
 * booking's as the card showed it (absent from a card drawn before it was carried: unchecked); a
 * request moved meanwhile is not declined, and the modal says the button is no longer available.
 */
export const declineModal: ViewHandler = (deps) => async (args) => {
  const { ack, view, body, client } = args;
  await guarded(deps, { view: 'decline-modal', userId: body.user.id }, viewReply(args, deps), async () => {
    const meta = parseJson<{ bookingId: string; sequence?: number } & CardRef>(view.private_metadata);
    const caller = await callerFor(deps, client, body.user.id);
    const sequence = typeof meta?.sequence === 'number' ? { expectedSequence: meta.sequence } : {};
    const r = await deps.core.declineBooking({ caller, bookingId: meta?.bookingId ?? '', reason: field(view.state.values, 'reason') ?? '', ...sequence });
    if (r.kind !== 'declined') {
      await ack({ response_action: 'errors', errors: { reason: renderMessage(presentDecision(ctxOf(deps, caller), r, zoneOf(caller, deps.config)).message).text } });
      // Moved meanwhile, pressed in App Home: behind the modal, App Home shows the request as it is now.
      if (r.kind === 'changed' && meta?.home) await publishHome(deps, client, caller.userId);
      return;
    }
    await ack();
    await showDecision(deps, client, caller.userId, { ...cardRefOf({}), ...meta }, r.booking, { kind: 'declined', by: r.by, reason: r.reason });
  });
};
