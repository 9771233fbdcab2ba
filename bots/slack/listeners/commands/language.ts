import { callerFor, guarded, ctxOf } from '../../context.js';
import { presentLanguage } from '../../../shared/present/results.js';
import { renderMessage } from '../../render/index.js';
import { commandReply, type CommandHandler } from '../types.js';

/** /language de | fr | … | auto: the language Slotkeeper writes to this person in (over their Slack locale). */
export const language: CommandHandler = (deps) => async (args) => {
  await args.ack();
  const reply = commandReply(args);
  await guarded(deps, { command: '/language', userId: args.command.user_id }, reply, async () => {
    const caller = await callerFor(deps, args.client, args.command.user_id);
    await reply(renderMessage(presentLanguage(ctxOf(deps, caller), await deps.core.setLanguage({ caller, language: args.command.text.trim() || '?' })).message));
  });
};
