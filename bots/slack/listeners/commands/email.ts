import { callerFor, guarded, ctxOf } from '../../context.js';
import { parseEmailArgs, presentEmailSettings } from '../../../shared/present/email-settings.js';
import { renderMessage } from '../../render/index.js';
import { commandReply, type CommandHandler } from '../types.js';

/** /email [address] [chat|email|both] | remove: where the person's messages go. */
export const email: CommandHandler = (deps) => async (args) => {
  await args.ack();
  const reply = commandReply(args);
  await guarded(deps, { command: '/email', userId: args.command.user_id }, reply, async () => {
    const caller = await callerFor(deps, args.client, args.command.user_id);
    await reply(renderMessage(presentEmailSettings(ctxOf(deps, caller), await deps.core.setEmail({ caller, ...parseEmailArgs(args.command.text ?? '') })).message));
  });
};
