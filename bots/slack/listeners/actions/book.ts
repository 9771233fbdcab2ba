import { decodeIntent } from '../../../shared/present/intents.js';
import { callerFor, guarded, StaleRequest, zoneOf, ctxOf } from '../../context.js';
import { presentBook } from '../../../shared/present/results.js';
import { toSlack } from '../../render/index.js';
import { choiceModal, messageModal } from '../../blocks/modals.js';
import { actionReply, actionId, parseJson, type ActionHandler } from '../types.js';

/** Confirm / pick a slot: book it. Not linked → the maintenance code modal. */
export const book: ActionHandler = (deps) => async (args) => {
  const { ack, body, client } = args;
  await ack();
  const inView = body.view?.type === 'modal' ? body.view : undefined;
  const reply = actionReply(args, true);
  await guarded(deps, { action: 'book', userId: body.user.id }, reply, async () => {
    const intent = decodeIntent(actionId(args));
    const slot = intent?.do === 'book' ? intent.slot : null;
    if (!slot) throw new StaleRequest('book button without a slot');
    const caller = await callerFor(deps, client, body.user.id);
    const description = parseJson<{ description?: string }>(inView?.private_metadata)?.description;
    const r = await deps.core.bookSession({ caller, ...slot, ...(description ? { description } : {}) });
    const p = toSlack(presentBook(ctxOf(deps, caller), r, slot, zoneOf(caller, deps.config)), deps.config);
    if (p.modal) {
      await (inView ? client.views.push({ trigger_id: body.trigger_id, view: p.modal }) : client.views.open({ trigger_id: body.trigger_id, view: p.modal }));
      return;
    }
    if (inView) {
      const hasButtons = p.message.blocks.some((b) => b.type === 'actions');
      await client.views.update({ view_id: inView.id, view: hasButtons ? choiceModal(ctxOf(deps, caller).lang, 'book', p.message, inView.private_metadata) : messageModal(ctxOf(deps, caller).lang, 'book', p.message) });
      return;
    }
    await reply(p.message);
  });
};
