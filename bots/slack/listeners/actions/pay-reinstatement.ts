import { decodeIntent } from '../../../shared/present/intents.js';
import { callerFor, guarded, StaleRequest, ctxOf } from '../../context.js';
import { presentPayReinstatement } from '../../../shared/present/results.js';
import { renderMessage } from '../../render/index.js';
import { actionReply, actionId, type ActionHandler } from '../types.js';

/** "Pay $100 to reinstate" (a suspended company's person): answers with the Stripe Pay link. */
export const payReinstatement: ActionHandler = (deps) => async (args) => {
  await args.ack();
  const reply = actionReply(args, false);
  await guarded(deps, { action: 'pay-reinstatement', userId: args.body.user.id }, reply, async () => {
    if (decodeIntent(actionId(args))?.do !== 'pay-reinstatement') throw new StaleRequest('malformed pay-reinstatement button');
    const caller = await callerFor(deps, args.client, args.body.user.id);
    const r = await deps.core.payReinstatement({ caller });
    await reply(renderMessage(presentPayReinstatement(ctxOf(deps, caller), r).message));
  });
};
