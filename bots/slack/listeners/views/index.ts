/** Modal callback_id → submission handler. */
import type { App, ViewSubmitAction } from '@slack/bolt';
import { VIEWS } from '../../action-ids.js';
import type { ListenerDeps } from '../../context.js';
import type { ViewHandler } from '../types.js';
import { bookModal } from './book-modal.js';
import { codeModal } from './code-modal.js';
import { moveModal } from './move-modal.js';
import { declineModal } from './decline-modal.js';
import { staffCancelModal } from './staff-cancel-modal.js';

export const VIEW_HANDLERS: Record<(typeof VIEWS)[keyof typeof VIEWS], ViewHandler> = {
  [VIEWS.book]: bookModal,
  [VIEWS.code]: codeModal,
  [VIEWS.move]: moveModal,
  [VIEWS.decline]: declineModal,
  [VIEWS.staffCancel]: staffCancelModal,
};

export function register(app: App, deps: ListenerDeps): void {
  for (const [callbackId, handler] of Object.entries(VIEW_HANDLERS)) app.view<ViewSubmitAction>(callbackId, handler(deps));
}
