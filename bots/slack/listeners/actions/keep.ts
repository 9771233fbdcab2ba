import { callerFor, ctxOf, guarded } from '../../context.js';
import { presentKept } from '../../../shared/present/results.js';
import { renderMessage } from '../../render/index.js';
import { actionReply, type ActionHandler } from '../types.js';

/** The confirm step's "Keep it": nothing changes. */
export const keep: ActionHandler = (deps) => async (args) => {
  await args.ack();
  const reply = actionReply(args, true);
  await guarded(deps, { action: 'keep', userId: args.body.user.id }, reply, async () => {
    const caller = await callerFor(deps, args.client, args.body.user.id);
    await reply(renderMessage(presentKept(ctxOf(deps, caller)).message));
  });
};
