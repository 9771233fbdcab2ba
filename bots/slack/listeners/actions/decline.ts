import { decodeIntent } from '../../../shared/present/intents.js';
import { callerFor, guarded, StaleRequest, ctxOf } from '../../context.js';
import { notAllowed } from '../../../shared/present/results.js';
import { renderMessage } from '../../render/index.js';
import { reasonModal } from '../../blocks/modals.js';
import { actionReply, actionId, type ActionHandler } from '../types.js';
import { cardRefOf } from './staff-card.js';

/**
 * Staff: decline (a request or an emergency): ask for the reason the customer will read. The modal
 * carries the booking's sequence as the card showed it, so core declines nothing if it moved meanwhile.
 */
export const decline: ActionHandler = (deps) => async (args) => {
  await args.ack();
  const reply = actionReply(args);
  await guarded(deps, { action: 'decline', userId: args.body.user.id }, reply, async () => {
    const intent = decodeIntent(actionId(args));
    if (intent?.do !== 'decline') throw new StaleRequest('malformed decline button');
    const caller = await callerFor(deps, args.client, args.body.user.id);
    if (!deps.core.isStaff(caller)) return void (await reply(renderMessage(notAllowed(ctxOf(deps, caller)).message)));
    const metadata = JSON.stringify({ bookingId: intent.bookingId, ...(intent.sequence !== undefined ? { sequence: intent.sequence } : {}), ...cardRefOf(args.body) });
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: reasonModal(ctxOf(deps, caller).lang, 'decline', metadata) });
  });
};
