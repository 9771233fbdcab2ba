import { callerFor, guarded, ctxOf } from '../../context.js';
import { presentUnderstand } from '../../../shared/present/results.js';
import { renderMessage } from '../../render/index.js';
import { bookModal } from '../../blocks/modals.js';
import { commandReply, type CommandHandler } from '../types.js';
import { section } from '../../blocks/kit.js';
import { MAX_REQUEST_CHARS, tooLong } from '../../../shared/refusals.js';

/** /book [when] [online|phone] [length]: with text, what was understood; without, the booking modal. */
export const book: CommandHandler = (deps) => async (args) => {
  const { ack, command, client } = args;
  await ack();
  const reply = commandReply(args);
  await guarded(deps, { command: '/book', userId: command.user_id }, reply, async () => {
    const caller = await callerFor(deps, client, command.user_id);
    if (command.text.trim() === '') {
      const profile = await deps.core.showProfile({ caller });
      const fees = profile.kind === 'profile' ? null : await deps.core.feeSchedule({ caller });
      const standardFees = fees?.kind === 'fees' ? fees.lines.map((l) => ({ kind: l.kind, lengthMinutes: l.lengthMinutes, feeCents: l.feeCents })) : [];
      await client.views.open({ trigger_id: command.trigger_id, view: bookModal(deps.config, ctxOf(deps, caller).lang, { linked: profile.kind === 'profile', standardFees }) });
      return;
    }
    if (command.text.length > MAX_REQUEST_CHARS) {
      const text = tooLong(command.text.length, MAX_REQUEST_CHARS, ctxOf(deps, caller).lang);
      return void (await reply({ text, blocks: [section(text)] }));
    }
    const r = await deps.core.understandRequest({ caller, text: command.text });
    await reply(renderMessage(presentUnderstand(ctxOf(deps, caller), r, { kind: 'online', lengthMinutes: deps.config.sessionKinds.online.lengths[0]! }).message));
  });
};
