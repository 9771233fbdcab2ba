import { decodeButtonId } from '../../../shared/button-id.js';
import { callerFor, guarded } from '../../context.js';
import { presentCancelStep } from '../../present.js';
import { actionReply, actionId, type ActionHandler } from '../types.js';

/** Cancel: first a confirm step (paid sessions are not refunded). */
export const cancel: ActionHandler = (deps) => async (args) => {
  await args.ack();
  const reply = actionReply(args);
  await guarded(deps, { action: 'cancel', userId: args.body.user.id }, reply, async () => {
    const bookingId = decodeButtonId(actionId(args))?.bookingId ?? '';
    const caller = await callerFor(deps, args.client, args.body.user.id);
    await reply(presentCancelStep(await deps.core.viewBooking({ caller, bookingId })).message);
  });
};
