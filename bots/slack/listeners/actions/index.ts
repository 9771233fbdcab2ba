/** Button action → handler. Every button id is sk:<action>[:<bookingId>[:<arg>]] (bots/shared/button-id.ts). */
import type { App, BlockAction } from '@slack/bolt';
import type { IntentName } from '../../../shared/present/intents.js';
import { vendorLang, type ListenerDeps } from '../../context.js';
import { actionReply, type ActionHandler } from '../types.js';
import { section } from '../../blocks/kit.js';
import { noLongerAvailable } from '../../../shared/refusals.js';
import { book } from './book.js';
import { cancel } from './cancel.js';
import { cancelYes } from './cancel-yes.js';
import { keep } from './keep.js';
import { move } from './move.js';
import { calendar } from './calendar.js';
import { approve } from './approve.js';
import { decline } from './decline.js';
import { squeeze } from './squeeze.js';
import { joined } from './joined.js';
import { staffCancel } from './staff-cancel.js';
import { history } from './history.js';
import { emergency } from './emergency.js';
import { reinstate } from './reinstate.js';
import { payReinstatement } from './pay-reinstatement.js';

/** Each intent Slack offers as a button → its handler (more, code and move-to are Discord's and the console's). */
export const ACTION_HANDLERS: Partial<Record<IntentName, ActionHandler>> = {
  book,
  cancel,
  'cancel-yes': cancelYes,
  keep,
  move,
  calendar,
  approve,
  decline,
  squeeze,
  joined,
  'staff-cancel': staffCancel,
  history,
  'emergency-pay': emergency,
  reinstate,
  'pay-reinstatement': payReinstatement,
};

/** Link buttons (Google Calendar) also send block_actions: acknowledge them. */
export const LINK_ACTION = /^sk-.*-link$/;

/** Every action id no handler above takes: old buttons from an earlier version, or forged ones. */
export const UNKNOWN_ACTION = new RegExp(`^(?!(?:sk:(?:${Object.keys(ACTION_HANDLERS).map((n) => n.replace(/[-]/g, '\\-')).join('|')})(?::|$))|sk-.*-link$)`);

export function register(app: App, deps: ListenerDeps): void {
  for (const [name, handler] of Object.entries(ACTION_HANDLERS) as [IntentName, ActionHandler][]) {
    app.action<BlockAction>(new RegExp(`^sk:${name}(:|$)`), handler(deps));
  }
  app.action<BlockAction>(LINK_ACTION, async ({ ack }) => ack());
  // Acknowledged at once and answered in plain words; nothing to log above debug (it is not our error).
  app.action<BlockAction>(UNKNOWN_ACTION, async (args) => {
    await args.ack();
    deps.logger.debug({ actionId: args.action.action_id.slice(0, 100), userId: args.body.user.id }, 'unknown Slack action id');
    const text = noLongerAvailable(vendorLang(deps.config));
    await actionReply(args)({ text, blocks: [section(text)] }).catch((err: unknown) => deps.logger.debug({ err }, 'could not answer an unknown action'));
  });
}
