/** Button action → handler. Every button id is sk:<action>[:<bookingId>[:<arg>]] (bots/shared/button-id.ts). */
import type { App, BlockAction } from '@slack/bolt';
import { ACTIONS, type ActionName } from '../../action-ids.js';
import type { ListenerDeps } from '../../context.js';
import type { ActionHandler } from '../types.js';
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

export const ACTION_HANDLERS: Record<ActionName, ActionHandler> = {
  [ACTIONS.book]: book,
  [ACTIONS.cancel]: cancel,
  [ACTIONS.cancelYes]: cancelYes,
  [ACTIONS.keep]: keep,
  [ACTIONS.move]: move,
  [ACTIONS.calendar]: calendar,
  [ACTIONS.approve]: approve,
  [ACTIONS.decline]: decline,
  [ACTIONS.squeeze]: squeeze,
  [ACTIONS.joined]: joined,
  [ACTIONS.staffCancel]: staffCancel,
  [ACTIONS.history]: history,
  [ACTIONS.emergency]: emergency,
  [ACTIONS.reinstate]: reinstate,
};

/** Link buttons (Google Calendar) also send block_actions: acknowledge them. */
export const LINK_ACTION = /^sk-.*-link$/;

export function register(app: App, deps: ListenerDeps): void {
  for (const [name, handler] of Object.entries(ACTION_HANDLERS)) {
    app.action<BlockAction>(new RegExp(`^sk:${name}(:|$)`), handler(deps));
  }
  app.action<BlockAction>(LINK_ACTION, async ({ ack }) => ack());
}
