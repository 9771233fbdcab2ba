import { decodeButtonId } from '../../../shared/button-id.js';
import { callerFor, guarded } from '../../context.js';
import { presentMoveStep } from '../../present.js';
import { actionReply, actionId, type ActionHandler } from '../types.js';

/** Reschedule: open the modal asking for the new time. */
export const move: ActionHandler = (deps) => async (args) => {
  await args.ack();
  const reply = actionReply(args);
  await guarded(deps, { action: 'move', userId: args.body.user.id }, reply, async () => {
    const bookingId = decodeButtonId(actionId(args))?.bookingId ?? '';
    const caller = await callerFor(deps, args.client, args.body.user.id);
    const p = presentMoveStep(await deps.core.viewBooking({ caller, bookingId }));
    await (p.modal ? args.client.views.open({ trigger_id: args.body.trigger_id, view: p.modal }) : reply(p.message));
  });
};
