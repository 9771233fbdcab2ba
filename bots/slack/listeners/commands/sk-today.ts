import { callerFor, guarded, ctxOf } from '../../context.js';
import { presentStaffDay } from '../../../shared/present/results.js';
import { renderMessage } from '../../render/index.js';
import { commandReply, type CommandHandler } from '../types.js';

/** /sk-today (staff): today's sessions and what waits for approval. */
export const skToday: CommandHandler = (deps) => async (args) => {
  await args.ack();
  const reply = commandReply(args);
  await guarded(deps, { command: '/sk-today', userId: args.command.user_id }, reply, async () => {
    const caller = await callerFor(deps, args.client, args.command.user_id);
    await reply(renderMessage(presentStaffDay(ctxOf(deps, caller), await deps.core.staffDay({ caller })).message));
  });
};
