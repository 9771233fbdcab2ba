import { callerFor, guarded, zoneOf, ctxOf } from '../../context.js';
import { presentLink, presentProfile } from '../../../shared/present/results.js';
import { renderMessage } from '../../render/index.js';
import { commandReply, type CommandHandler } from '../types.js';
import { readCodeText } from '../../../shared/wording.js';

/** /support-code [code]: link with a code, or show the company and its code. */
export const supportCode: CommandHandler = (deps) => async (args) => {
  await args.ack();
  const reply = commandReply(args);
  await guarded(deps, { command: '/support-code', userId: args.command.user_id }, reply, async () => {
    const caller = await callerFor(deps, args.client, args.command.user_id);
    const zone = zoneOf(caller, deps.config);
    const { code, confirmSwitch } = readCodeText(args.command.text);
    const p = code ? presentLink(ctxOf(deps, caller), await deps.core.linkCompany({ caller, code, confirmSwitch }), zone) : presentProfile(ctxOf(deps, caller), await deps.core.showProfile({ caller }), zone);
    await reply(renderMessage(p.message));
  });
};
