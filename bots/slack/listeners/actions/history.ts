import { decodeButtonId } from '../../../shared/button-id.js';
import { callerFor, guarded, zoneOf, ctxOf } from '../../context.js';
import { presentHistory } from '../../../shared/present/results.js';
import { toSlack } from '../../render/index.js';
import { messageModal } from '../../blocks/modals.js';
import { actionReply, actionId, type ActionHandler } from '../types.js';

/** Staff: a booking's history (audit entries) in a modal. */
export const history: ActionHandler = (deps) => async (args) => {
  await args.ack();
  const reply = actionReply(args);
  await guarded(deps, { action: 'history', userId: args.body.user.id }, reply, async () => {
    const bookingId = decodeButtonId(actionId(args))?.bookingId ?? '';
    const caller = await callerFor(deps, args.client, args.body.user.id);
    const r = await deps.core.bookingHistory({ caller, bookingId });
    const p = toSlack(presentHistory(ctxOf(deps, caller), r, zoneOf(caller, deps.config)), deps.config);
    await (r.kind === 'history' ? args.client.views.open({ trigger_id: args.body.trigger_id, view: messageModal(ctxOf(deps, caller).lang, 'history', p.message) }) : reply(p.message));
  });
};
