import { decodeIntent } from '../../../shared/present/intents.js';
import { callerFor, guarded, StaleRequest, zoneOf, ctxOf } from '../../context.js';
import { presentEmergency } from '../../../shared/present/results.js';
import { renderMessage } from '../../render/index.js';
import { actionReply, actionId, type ActionHandler } from '../types.js';

/** "Request at $X" (after /emergency said suspended / not linked): the same request at the standard fee. */
export const emergency: ActionHandler = (deps) => async (args) => {
  await args.ack();
  const reply = actionReply(args, true);
  await guarded(deps, { action: 'emergency', userId: args.body.user.id }, reply, async () => {
    if (decodeIntent(actionId(args))?.do !== 'emergency-pay') throw new StaleRequest('emergency button without the pay flag');
    const description = args.action.type === 'button' ? (args.action.value ?? '') : '';
    const caller = await callerFor(deps, args.client, args.body.user.id);
    const r = await deps.core.requestEmergency({ caller, description, payStandardFee: true });
    await reply(renderMessage(presentEmergency(ctxOf(deps, caller), r, zoneOf(caller, deps.config), description).message));
  });
};
