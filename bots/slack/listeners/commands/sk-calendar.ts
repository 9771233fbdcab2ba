import { callerFor, guarded, ctxOf } from '../../context.js';
import { presentCalendarFeed } from '../../../shared/present/email-settings.js';
import { renderMessage } from '../../render/index.js';
import { commandReply, type CommandHandler } from '../types.js';

/** /sk-calendar [rotate|revoke]: a staff member's private calendar feed URL. */
export const skCalendar: CommandHandler = (deps) => async (args) => {
  await args.ack();
  const reply = commandReply(args);
  await guarded(deps, { command: '/sk-calendar', userId: args.command.user_id }, reply, async () => {
    const caller = await callerFor(deps, args.client, args.command.user_id);
    const word = (args.command.text ?? '').trim().toLowerCase();
    const action = word === 'rotate' || word === 'revoke' ? word : 'show';
    await reply(renderMessage(presentCalendarFeed(ctxOf(deps, caller), await deps.core.staffCalendarFeed({ caller, action })).message));
  });
};
