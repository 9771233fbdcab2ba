import { decodeButtonId } from '../../../shared/button-id.js';
import { callerFor, guarded, ctxOf } from '../../context.js';
import { notAllowed } from '../../../shared/present/results.js';
import { renderMessage } from '../../render/index.js';
import { reasonModal } from '../../blocks/modals.js';
import { actionReply, actionId, type ActionHandler } from '../types.js';

/** Staff (App Home): cancel a session, with a reason the customer will read. */
export const staffCancel: ActionHandler = (deps) => async (args) => {
  await args.ack();
  const reply = actionReply(args);
  await guarded(deps, { action: 'staff-cancel', userId: args.body.user.id }, reply, async () => {
    const bookingId = decodeButtonId(actionId(args))?.bookingId ?? '';
    const caller = await callerFor(deps, args.client, args.body.user.id);
    if (!deps.core.isStaff(caller)) return void (await reply(renderMessage(notAllowed(ctxOf(deps, caller)).message)));
    const view = reasonModal(ctxOf(deps, caller).lang, 'staff_cancel', JSON.stringify({ bookingId }));
    await args.client.views.open({ trigger_id: args.body.trigger_id, view });
  });
};
