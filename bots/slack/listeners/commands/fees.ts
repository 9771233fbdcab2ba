import { callerFor, guarded, ctxOf } from '../../context.js';
import { presentFees } from '../../../shared/present/results.js';
import { renderMessage } from '../../render/index.js';
import { commandReply, type CommandHandler } from '../types.js';

/** /fees: the fee schedule and what the person pays now. */
export const fees: CommandHandler = (deps) => async (args) => {
  await args.ack();
  const reply = commandReply(args);
  await guarded(deps, { command: '/fees', userId: args.command.user_id }, reply, async () => {
    const caller = await callerFor(deps, args.client, args.command.user_id);
    await reply(renderMessage(presentFees(ctxOf(deps, caller), await deps.core.feeSchedule({ caller })).message));
  });
};
