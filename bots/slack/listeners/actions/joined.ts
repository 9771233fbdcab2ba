import { decodeButtonId } from '../../../shared/button-id.js';
import { callerFor, guarded, ctxOf } from '../../context.js';
import { presentMarkJoined } from '../../../shared/present/results.js';
import { renderMessage } from '../../render/index.js';
import { actionReply, actionId, type ActionHandler } from '../types.js';
import { publishHome } from '../events/app-home-opened.js';

/** Staff (App Home): the customer joined online or on the phone line. */
export const joined: ActionHandler = (deps) => async (args) => {
  await args.ack();
  const reply = actionReply(args);
  await guarded(deps, { action: 'joined', userId: args.body.user.id }, reply, async () => {
    const id = decodeButtonId(actionId(args));
    const caller = await callerFor(deps, args.client, args.body.user.id);
    const r = await deps.core.markJoined({ caller, bookingId: id?.bookingId ?? '', via: id?.arg === 'phone' ? 'phone' : 'online' });
    await reply(renderMessage(presentMarkJoined(ctxOf(deps, caller), r).message));
    if (r.kind === 'marked' && args.body.view?.type === 'home') await publishHome(deps, args.client, caller.userId);
  });
};
