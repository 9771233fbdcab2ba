import { decodeIntent } from '../../../shared/present/intents.js';
import { callerFor, guarded, StaleRequest, zoneOf, ctxOf } from '../../context.js';
import { presentDecision } from '../../../shared/present/results.js';
import { renderMessage } from '../../render/index.js';
import { actionReply, actionId, type ActionHandler } from '../types.js';
import { cardRefOf, showDecision } from './staff-card.js';

/** Staff: approve a booking; the card then shows who approved and when. */
export const approve: ActionHandler = (deps) => async (args) => {
  await args.ack();
  const reply = actionReply(args);
  await guarded(deps, { action: 'approve', userId: args.body.user.id }, reply, async () => {
    const intent = decodeIntent(actionId(args));
    if (intent?.do !== 'approve') throw new StaleRequest('malformed approve button');
    const caller = await callerFor(deps, args.client, args.body.user.id);
    // The booking as the card showed it: core approves nothing if it moved since.
    const r = await deps.core.approveBooking({ caller, bookingId: intent.bookingId, ...(intent.sequence !== undefined ? { expectedSequence: intent.sequence } : {}) });
    if (r.kind === 'approved') return showDecision(deps, args.client, caller.userId, cardRefOf(args.body), r.booking, { kind: 'approved', by: r.by });
    await reply(renderMessage(presentDecision(ctxOf(deps, caller), r, zoneOf(caller, deps.config)).message));
  });
};
