import { decodeIntent } from '../../../shared/present/intents.js';
import { callerFor, guarded, StaleRequest, ctxOf } from '../../context.js';
import { presentCancel } from '../../../shared/present/results.js';
import { renderMessage } from '../../render/index.js';
import { actionReply, actionId, type ActionHandler } from '../types.js';

/** The confirm step's "Yes, cancel it": cancel the booking as the step showed it, replacing the step with the outcome. */
export const cancelYes: ActionHandler = (deps) => async (args) => {
  await args.ack();
  const reply = actionReply(args, true);
  await guarded(deps, { action: 'cancel-yes', userId: args.body.user.id }, reply, async () => {
    const intent = decodeIntent(actionId(args));
    if (intent?.do !== 'cancel-yes') throw new StaleRequest('malformed cancel-yes button');
    const caller = await callerFor(deps, args.client, args.body.user.id);
    const r = await deps.core.cancelBooking({ caller, bookingId: intent.bookingId, ...(intent.sequence !== undefined ? { expectedSequence: intent.sequence } : {}) });
    await reply(renderMessage(presentCancel(ctxOf(deps, caller), r).message));
  });
};
