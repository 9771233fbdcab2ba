import { callerFor, guarded } from '../../context.js';
import { presentFees } from '../../present.js';
import { commandReply, type CommandHandler } from '../types.js';

/** /fees: the fee schedule and what the person pays now. */
export const fees: CommandHandler = (deps) => async (args) => {
  await args.ack();
  const reply = commandReply(args);
  await guarded(deps, { command: '/fees', userId: args.command.user_id }, reply, async () => {
    const caller = await callerFor(deps, args.client, args.command.user_id);
    await reply(presentFees(await deps.core.feeSchedule({ caller })).message);
  });
};
