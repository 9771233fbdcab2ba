import { decodeButtonId } from '../../../shared/button-id.js';
import { callerFor, guarded, ctxOf } from '../../context.js';
import { presentCancelStep } from '../../../shared/present/results.js';
import { renderMessage } from '../../render/index.js';
import { actionReply, actionId, type ActionHandler } from '../types.js';

/** Cancel: first a confirm step (paid sessions are not refunded). */
export const cancel: ActionHandler = (deps) => async (args) => {
  await args.ack();
  const reply = actionReply(args);
  await guarded(deps, { action: 'cancel', userId: args.body.user.id }, reply, async () => {
    const bookingId = decodeButtonId(actionId(args))?.bookingId ?? '';
    const caller = await callerFor(deps, args.client, args.body.user.id);
    await reply(renderMessage(presentCancelStep(ctxOf(deps, caller), await deps.core.viewBooking({ caller, bookingId })).message));
  });
};
