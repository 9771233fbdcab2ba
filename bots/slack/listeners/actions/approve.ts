import { decodeButtonId } from '../../../shared/button-id.js';
import { callerFor, guarded, zoneOf, ctxOf } from '../../context.js';
import { presentDecision } from '../../../shared/present/results.js';
import { renderMessage } from '../../render/index.js';
import { actionReply, actionId, type ActionHandler } from '../types.js';
import { cardRefOf, showDecision } from './staff-card.js';

/** Staff: approve a booking; the card then shows who approved and when. */
export const approve: ActionHandler = (deps) => async (args) => {
  await args.ack();
  const reply = actionReply(args);
  await guarded(deps, { action: 'approve', userId: args.body.user.id }, reply, async () => {
    const bookingId = decodeButtonId(actionId(args))?.bookingId ?? '';
    const caller = await callerFor(deps, args.client, args.body.user.id);
    const r = await deps.core.approveBooking({ caller, bookingId });
    if (r.kind === 'approved') return showDecision(deps, args.client, caller.userId, cardRefOf(args.body), r.booking, { kind: 'approved', by: r.by });
    await reply(renderMessage(presentDecision(ctxOf(deps, caller), r, zoneOf(caller, deps.config)).message));
  });
};
