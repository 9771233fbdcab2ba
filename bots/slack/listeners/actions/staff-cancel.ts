import { decodeButtonId } from '../../../shared/button-id.js';
import { VIEWS } from '../../action-ids.js';
import { callerFor, guarded } from '../../context.js';
import { NOT_ALLOWED } from '../../present.js';
import { reasonModal } from '../../blocks/modals.js';
import { textMessage } from '../../blocks/proposal.js';
import { actionReply, actionId, type ActionHandler } from '../types.js';

/** Staff (App Home): cancel a session, with a reason the customer will read. */
export const staffCancel: ActionHandler = (deps) => async (args) => {
  await args.ack();
  const reply = actionReply(args);
  await guarded(deps, { action: 'staff-cancel', userId: args.body.user.id }, reply, async () => {
    const bookingId = decodeButtonId(actionId(args))?.bookingId ?? '';
    const caller = await callerFor(deps, args.client, args.body.user.id);
    if (!deps.core.isStaff(caller)) return void (await reply(textMessage(NOT_ALLOWED)));
    const view = reasonModal(VIEWS.staffCancel, 'Cancel session', 'Why is this session cancelled? The customer sees the reason.', JSON.stringify({ bookingId }));
    await args.client.views.open({ trigger_id: args.body.trigger_id, view });
  });
};
