/** Modal callback_id → submission handler. */
import type { App, ViewSubmitAction } from '@slack/bolt';
import { VIEWS } from '../../action-ids.js';
import { vendorLang, type ListenerDeps } from '../../context.js';
import type { ViewHandler } from '../types.js';
import { messageModal } from '../../blocks/modals.js';
import { section } from '../../blocks/kit.js';
import { noLongerAvailable } from '../../../shared/refusals.js';
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
  // A modal this version does not know (opened by an earlier version, or forged).
  const known = Object.keys(VIEW_HANDLERS).map((id) => id.replace(/-/g, '\\-')).join('|');
  app.view<ViewSubmitAction>(new RegExp(`^(?!(?:${known})$)`), async ({ ack, view }) => {
    deps.logger.debug({ callbackId: view.callback_id.slice(0, 60) }, 'unknown Slack modal');
    await ack({ response_action: 'update', view: messageModal(vendorLang(deps.config), 'app', { text: noLongerAvailable(vendorLang(deps.config)), blocks: [section(noLongerAvailable(vendorLang(deps.config)))] }) });
  });
}
