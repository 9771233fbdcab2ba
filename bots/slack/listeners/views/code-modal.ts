import { decodeSlot, encodeSlot, type Slot } from '../../../shared/present/intents.js';
import { callerFor, guarded, StaleRequest, zoneOf, ctxOf } from '../../context.js';
import { presentBook } from '../../../shared/present/results.js';
import { toSlack } from '../../render/index.js';
import { choiceModal, messageModal } from '../../blocks/modals.js';
import { field, viewReply, parseJson, type ViewHandler } from '../types.js';
import { ts } from '../../../shared/present/i18n.js';

/** The maintenance code modal (or "book at the standard fee"), for the slot in its metadata. */
export const codeModal: ViewHandler = (deps) => async (args) => {
  const { ack, view, body, client } = args;
  await guarded(deps, { view: 'code-modal', userId: body.user.id }, viewReply(args, deps), async () => {
    const meta = parseJson<Slot>(view.private_metadata);
    // Through the button encoding, which checks every field (a forged start is refused, not thrown on).
    const slot = meta && typeof meta.startsAt === 'string' && !Number.isNaN(Date.parse(meta.startsAt)) ? decodeSlot(encodeSlot(meta)) : null;
    if (!slot) throw new StaleRequest('code modal without a slot');
    const code = field(view.state.values, 'code');
    const payStandardFee = !code && field(view.state.values, 'standard_fee') === 'yes';
    const caller = await callerFor(deps, client, body.user.id);
    if (!code && !payStandardFee) return void (await ack({ response_action: 'errors', errors: { code: ts(ctxOf(deps, caller).lang, 'modal.errorCodeOrFee') } }));
    const r = await deps.core.bookSession({ caller, ...slot, ...(code ? { code } : {}), payStandardFee });
    const p = toSlack(presentBook(ctxOf(deps, caller), r, slot, zoneOf(caller, deps.config)), deps.config);
    if (r.kind === 'code_invalid' || r.kind === 'code_locked') return void (await ack({ response_action: 'errors', errors: { code: p.message.text } }));
    const hasButtons = p.message.blocks.some((b) => b.type === 'actions');
    await ack({ response_action: 'update', view: hasButtons ? choiceModal(ctxOf(deps, caller).lang, 'book', p.message, '{}') : messageModal(ctxOf(deps, caller).lang, 'book', p.message) });
  });
};
