import { decodeButtonId } from '../../../shared/button-id.js';
import { callerFor, guarded, zoneOf, ctxOf } from '../../context.js';
import { notAllowed, presentCompanyAdmin, presentHistory } from '../../../shared/present/results.js';
import { say } from '../../../shared/present/booking.js';
import { t } from '../../../shared/present/i18n.js';
import { renderMessage } from '../../render/index.js';
import { actionReply, actionId, type ActionHandler } from '../types.js';
import { reinstatedStaffNote, staffContext } from '../../../shared/present/index.js';
import { cardRefOf } from './staff-card.js';

/** Staff (no-show note of a suspended company): record the reinstatement payment for the booking's company. */
export const reinstate: ActionHandler = (deps) => async (args) => {
  await args.ack();
  const reply = actionReply(args);
  await guarded(deps, { action: 'reinstate', userId: args.body.user.id }, reply, async () => {
    const bookingId = decodeButtonId(actionId(args))?.bookingId ?? '';
    const caller = await callerFor(deps, args.client, args.body.user.id);
    if (!deps.core.isStaff(caller)) return void (await reply(renderMessage(notAllowed(ctxOf(deps, caller)).message)));
    const zone = zoneOf(caller, deps.config);
    // bookingHistory is staff-only and names the booking's company.
    const h = await deps.core.bookingHistory({ caller, bookingId });
    if (h.kind !== 'history') return void (await reply(renderMessage(presentHistory(ctxOf(deps, caller), h, zone).message)));
    const name = h.booking.companyName;
    if (!name) return void (await reply(renderMessage(say(ctxOf(deps, caller), 'person', t(ctxOf(deps, caller).lang, 'company.noCompany')))));
    const r = await deps.core.recordReinstatement({ caller, name });
    await reply(renderMessage(presentCompanyAdmin(ctxOf(deps, caller), r, zone).message));
    // The note loses its button, so the payment is not recorded twice.
    const ref = cardRefOf(args.body);
    // The amount is core's (recordReinstatement returns the payment it recorded), not computed here.
    if (r.kind === 'company' && r.payment && ref.channel && ref.ts) {
      const note = renderMessage(reinstatedStaffNote(staffContext(deps.config), h.booking, [{ t: 'mention', platform: 'slack', userId: caller.userId, name: caller.displayName ?? caller.userId }], deps.core.clock.now().toISOString(), r.payment.amountCents));
      await args.client.chat.update({ channel: ref.channel, ts: ref.ts, text: note.text, blocks: note.blocks });
    }
  });
};
