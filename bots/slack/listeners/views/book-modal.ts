import { callerFor, guarded, ctxOf } from '../../context.js';
import { presentBook, presentUnderstand, understandError } from '../../../shared/present/results.js';
import { toSlack } from '../../render/index.js';
import { choiceModal, messageModal } from '../../blocks/modals.js';
import { field, viewReply, type ViewHandler } from '../types.js';
import { ts } from '../../../shared/present/i18n.js';

/** The /book modal: understand the time, then book it; field errors come back in the ack. */
export const bookModal: ViewHandler = (deps) => async (args) => {
  const { ack, view, body, client } = args;
  await guarded(deps, { view: 'book-modal', userId: body.user.id }, viewReply(args, deps), async () => {
    const v = view.state.values;
    const kind = field(v, 'kind') === 'phone' ? 'phone' : 'online';
    const lengthMinutes = Number(field(v, 'length') ?? deps.config.sessionKinds[kind].lengths[0]);
    const date = field(v, 'date');
    const time = field(v, 'time');
    const text = field(v, 'when') ?? (date ? `${date}${time ? ` ${time}` : ''}` : '');
    const whereErr = field(v, 'when') || !date ? 'when' : 'date';
    const caller = await callerFor(deps, client, body.user.id);
    const L = ctxOf(deps, caller).lang;
    if (!text) return void (await ack({ response_action: 'errors', errors: { when: ts(L, 'modal.errorNoTime') } }));
    // The selects always hold a value: they are defaults that words in the text ("a call for an hour") override, as typed after /book.
    const understood = await deps.core.understandRequest({ caller, text, defaults: { kind, lengthMinutes } });
    const description = field(v, 'description');
    // A corrected word ("read 'tomorow' as tomorrow") or a length not offered ("for 45 minutes") is shown for confirmation, never booked unseen.
    if (understood.kind !== 'proposal' || understood.corrections || understood.lengthNote) {
      const error = ['unparseable', 'in_past', 'nonexistent_time', 'invalid_input'].includes(understood.kind) ? understandError(ctxOf(deps, caller), understood) : null;
      if (error) return void (await ack({ response_action: 'errors', errors: { [whereErr]: error } }));
      const p = toSlack(presentUnderstand(ctxOf(deps, caller), understood, { kind, lengthMinutes }), deps.config);
      return void (await ack({ response_action: 'update', view: choiceModal(L, 'book', p.message, JSON.stringify({ description })) }));
    }
    const code = field(v, 'code');
    const slot = { startsAt: understood.startsAt, kind: understood.sessionKind, lengthMinutes: understood.lengthMinutes };
    const r = await deps.core.bookSession({ caller, ...slot, ...(code ? { code } : {}), payStandardFee: !code && field(v, 'standard_fee') === 'yes', ...(description ? { description } : {}) });
    const p = toSlack(presentBook(ctxOf(deps, caller), r, slot, understood.zone), deps.config);
    if (r.kind === 'code_invalid' || r.kind === 'code_locked') return void (await ack({ response_action: 'errors', errors: { code: p.message.text } }));
    if (r.kind === 'not_linked') return void (await ack({ response_action: 'errors', errors: { code: ts(L, 'modal.errorCodeOrFee') } }));
    const hasButtons = p.message.blocks.some((b) => b.type === 'actions');
    await ack({ response_action: 'update', view: hasButtons ? choiceModal(L, 'book', p.message, JSON.stringify({ description })) : messageModal(L, 'book', p.message) });
  });
};
