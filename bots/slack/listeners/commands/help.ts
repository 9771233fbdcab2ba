import { callerFor, guarded, ctxOf } from '../../context.js';
import { presentHelp } from '../../../shared/present/results.js';
import { renderMessage } from '../../render/index.js';
import { commandReply, type CommandHandler } from '../types.js';
import { COMMANDS, commandName } from './index.js';

/** /help: the commands this person may use (staff commands only for staff), as they are typed here. */
export const help: CommandHandler = (deps) => async (args) => {
  await args.ack();
  const reply = commandReply(args);
  await guarded(deps, { command: '/help', userId: args.command.user_id }, reply, async () => {
    // "/acme-help" was typed: the other commands carry the same prefix (SLACK_COMMAND_PREFIX).
    const prefix = args.command.command.slice(1, -'help'.length);
    const commands = Object.keys(COMMANDS).map((n) => ({ name: n.slice(1), typed: commandName(n, prefix) }));
    const caller = await callerFor(deps, args.client, args.command.user_id);
    await reply(renderMessage(presentHelp(ctxOf(deps, caller), commands, deps.core.isStaff(caller)).message));
  });
};
