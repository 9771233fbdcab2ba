import { decodeIntent } from '../../../shared/present/intents.js';
import { callerFor, guarded, StaleRequest, zoneOf, ctxOf } from '../../context.js';
import { presentSqueeze } from '../../../shared/present/results.js';
import { renderMessage } from '../../render/index.js';
import { actionReply, actionId, type ActionHandler } from '../types.js';
import { cardRefOf, showDecision } from './staff-card.js';

/** Staff: squeeze an emergency in at the option pressed. */
export const squeeze: ActionHandler = (deps) => async (args) => {
  await args.ack();
  const reply = actionReply(args);
  await guarded(deps, { action: 'squeeze', userId: args.body.user.id }, reply, async () => {
    const id = decodeIntent(actionId(args));
    if (id?.do !== 'squeeze') throw new StaleRequest('squeeze button without an option');
    const option = { staffId: id.staffId, startsAt: id.startsAt, outsideHours: id.outsideHours === true };
    const caller = await callerFor(deps, args.client, args.body.user.id);
    const r = await deps.core.squeezeIn({ caller, bookingId: id.bookingId, ...option });
    if (r.kind === 'scheduled') return showDecision(deps, args.client, caller.userId, cardRefOf(args.body), r.booking, { kind: 'scheduled', by: r.by });
    await reply(renderMessage(presentSqueeze(ctxOf(deps, caller), r, zoneOf(caller, deps.config)).message));
  });
};
