import { decodeButtonId } from '../../../shared/button-id.js';
import { decodeSqueeze } from '../../action-ids.js';
import { callerFor, guarded, zoneOf } from '../../context.js';
import { presentSqueeze } from '../../present.js';
import { actionReply, actionId, type ActionHandler } from '../types.js';
import { cardRefOf, showDecision } from './staff-card.js';

/** Staff: squeeze an emergency in at the option pressed. */
export const squeeze: ActionHandler = (deps) => async (args) => {
  await args.ack();
  const reply = actionReply(args);
  await guarded(deps, { action: 'squeeze', userId: args.body.user.id }, reply, async () => {
    const id = decodeButtonId(actionId(args));
    const option = decodeSqueeze(id?.arg);
    if (!id?.bookingId || !option) throw new Error('squeeze button without an option');
    const caller = await callerFor(deps, args.client, args.body.user.id);
    const r = await deps.core.squeezeIn({ caller, bookingId: id.bookingId, ...option });
    if (r.kind === 'scheduled') return showDecision(deps, args.client, caller.userId, cardRefOf(args.body), r.booking, { kind: 'scheduled', by: r.by });
    await reply(presentSqueeze(r, zoneOf(caller, deps.config)).message);
  });
};
