import { decodeIntent } from '../../../shared/present/intents.js';
import { callerFor, guarded, StaleRequest, ctxOf } from '../../context.js';
import { notAllowed } from '../../../shared/present/results.js';
import { renderMessage } from '../../render/index.js';
import { reasonModal } from '../../blocks/modals.js';
import { actionReply, actionId, type ActionHandler } from '../types.js';

/**
 * Staff (App Home): cancel a session, with a reason the customer will read. The modal carries the
 * booking's sequence as the list showed it, so core cancels nothing if it moved meanwhile.
 */
export const staffCancel: ActionHandler = (deps) => async (args) => {
  await args.ack();
  const reply = actionReply(args);
  await guarded(deps, { action: 'staff-cancel', userId: args.body.user.id }, reply, async () => {
    const intent = decodeIntent(actionId(args));
    if (intent?.do !== 'staff-cancel') throw new StaleRequest('malformed staff-cancel button');
    const caller = await callerFor(deps, args.client, args.body.user.id);
    if (!deps.core.isStaff(caller)) return void (await reply(renderMessage(notAllowed(ctxOf(deps, caller)).message)));
    const metadata = JSON.stringify({ bookingId: intent.bookingId, ...(intent.sequence !== undefined ? { sequence: intent.sequence } : {}) });
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: reasonModal(ctxOf(deps, caller).lang, 'staff_cancel', metadata) });
  });
};
