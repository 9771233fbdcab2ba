import { callerFor, guarded, zoneOf, ctxOf } from '../../context.js';
import { presentEmergency } from '../../../shared/present/results.js';
import { renderMessage } from '../../render/index.js';
import { commandReply, type CommandHandler } from '../types.js';

/** /emergency <what is wrong>: staff squeeze the person in (after hours: in the next working period). */
export const emergency: CommandHandler = (deps) => async (args) => {
  await args.ack();
  const reply = commandReply(args);
  await guarded(deps, { command: '/emergency', userId: args.command.user_id }, reply, async () => {
    const caller = await callerFor(deps, args.client, args.command.user_id);
    const r = await deps.core.requestEmergency({ caller, description: args.command.text });
    await reply(renderMessage(presentEmergency(ctxOf(deps, caller), r, zoneOf(caller, deps.config), args.command.text).message));
  });
};
