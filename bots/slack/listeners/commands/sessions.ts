import { callerFor, guarded, ctxOf } from '../../context.js';
import { presentSessions } from '../../../shared/present/results.js';
import { renderMessage } from '../../render/index.js';
import { commandReply, type CommandHandler } from '../types.js';

/** /sessions: upcoming sessions with Reschedule and Cancel while they can change. */
export const sessions: CommandHandler = (deps) => async (args) => {
  await args.ack();
  const reply = commandReply(args);
  await guarded(deps, { command: '/sessions', userId: args.command.user_id }, reply, async () => {
    const caller = await callerFor(deps, args.client, args.command.user_id);
    await reply(renderMessage(presentSessions(ctxOf(deps, caller), await deps.core.listSessions({ caller })).message));
  });
};
