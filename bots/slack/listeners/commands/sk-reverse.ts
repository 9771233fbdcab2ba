import { callerFor, guarded, ctxOf } from '../../context.js';
import { presentReverseNoShow, presentReverseUsage } from '../../../shared/present/results.js';
import { renderMessage } from '../../render/index.js';
import { commandReply, type CommandHandler } from '../types.js';

/** "<reference> <reason…>": the booking reference staff read on the card, then why (the customer reads it). */
export function parseReverseArgs(text: string): { reference: string; reason: string } | null {
  const [reference, ...reason] = text.trim().split(/\s+/);
  return reference && reason.length ? { reference, reason: reason.join(' ') } : null;
}

/** /sk-reverse <reference> <reason> (staff): reverse a no-show; core removes the strike, lifts the suspension once below the limit, tells the customer and audits it. */
export const skReverse: CommandHandler = (deps) => async (args) => {
  await args.ack();
  const reply = commandReply(args);
  await guarded(deps, { command: '/sk-reverse', userId: args.command.user_id }, reply, async () => {
    const caller = await callerFor(deps, args.client, args.command.user_id);
    const ctx = ctxOf(deps, caller);
    const a = parseReverseArgs(args.command.text);
    if (!a) return void (await reply(renderMessage(presentReverseUsage(ctx, '/sk-reverse SK-7KQ4M called the phone line, our mistake').message)));
    await reply(renderMessage(presentReverseNoShow(ctx, await deps.core.reverseNoShow({ caller, bookingId: a.reference, reason: a.reason })).message));
  });
};
