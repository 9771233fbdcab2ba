import { decodeButtonId } from '../../../shared/button-id.js';
import { callerFor, guarded, ctxOf } from '../../context.js';
import { presentCancel } from '../../../shared/present/results.js';
import { renderMessage } from '../../render/index.js';
import { actionReply, actionId, type ActionHandler } from '../types.js';

/** The confirm step's "Yes, cancel it": cancel, replacing the confirm step with the outcome. */
export const cancelYes: ActionHandler = (deps) => async (args) => {
  await args.ack();
  const reply = actionReply(args, true);
  await guarded(deps, { action: 'cancel-yes', userId: args.body.user.id }, reply, async () => {
    const bookingId = decodeButtonId(actionId(args))?.bookingId ?? '';
    const caller = await callerFor(deps, args.client, args.body.user.id);
    await reply(renderMessage(presentCancel(ctxOf(deps, caller), await deps.core.cancelBooking({ caller, bookingId })).message));
  });
};
