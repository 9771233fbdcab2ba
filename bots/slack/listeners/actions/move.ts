import { decodeButtonId } from '../../../shared/button-id.js';
import { callerFor, guarded, ctxOf } from '../../context.js';
import { presentMoveStep } from '../../../shared/present/results.js';
import { toSlack } from '../../render/index.js';
import { actionReply, actionId, type ActionHandler } from '../types.js';

/** Reschedule: open the modal asking for the new time. */
export const move: ActionHandler = (deps) => async (args) => {
  await args.ack();
  const reply = actionReply(args);
  await guarded(deps, { action: 'move', userId: args.body.user.id }, reply, async () => {
    const bookingId = decodeButtonId(actionId(args))?.bookingId ?? '';
    const caller = await callerFor(deps, args.client, args.body.user.id);
    const p = toSlack(presentMoveStep(ctxOf(deps, caller), await deps.core.viewBooking({ caller, bookingId })), deps.config);
    await (p.modal ? args.client.views.open({ trigger_id: args.body.trigger_id, view: p.modal }) : reply(p.message));
  });
};
