import { decodeButtonId } from '../../../shared/button-id.js';
import { callerFor, guarded, ctxOf } from '../../context.js';
import { presentView } from '../../../shared/present/results.js';
import { renderMessage } from '../../render/index.js';
import { actionReply, actionId, type ActionHandler } from '../types.js';

/** Add to calendar: a Google Calendar template link built from the booking as it is now. */
export const calendar: ActionHandler = (deps) => async (args) => {
  await args.ack();
  const reply = actionReply(args);
  await guarded(deps, { action: 'calendar', userId: args.body.user.id }, reply, async () => {
    const bookingId = decodeButtonId(actionId(args))?.bookingId ?? '';
    const caller = await callerFor(deps, args.client, args.body.user.id);
    await reply(renderMessage(presentView(ctxOf(deps, caller), await deps.core.viewBooking({ caller, bookingId })).message));
  });
};
