/**
 * "Request at $X" (after /emergency said suspended or not linked): the same request at the standard
 * fee. Discord buttons carry no text beside their id, so the description is asked again in a modal.
 */
import { encodeButtonId } from '../../shared/button-id.js';
import { ts } from '../../shared/present/i18n.js';
import { presentEmergency } from '../../shared/present/results.js';
import type { ComponentHandler } from '../interaction-router.js';
import { callerOf, contextOf, type DiscordDeps } from '../caller.js';
import { A, prefix } from '../ids.js';
import { textModal } from '../kit.js';
import { renderMessage } from '../render/index.js';
import { answerPrivately } from './respond.js';

export const emergencyComponents: ComponentHandler<DiscordDeps>[] = [
  {
    kind: 'button',
    prefix: prefix('emergency-pay'),
    async handle(i, { core, config }) {
      const L = (await contextOf(core, config, i)).lang;
      await i.showModal(textModal(encodeButtonId({ action: A.emergencyModal }), ts(L, 'modal.emergencyTitle'), { id: 'what', label: ts(L, 'modal.description'), long: true, max: 1000 }));
    },
  },
  {
    kind: 'modal',
    prefix: prefix(A.emergencyModal),
    async handle(i, { core, config }) {
      const description = i.fields.getTextInputValue('what');
      const r = await core.requestEmergency({ caller: callerOf(i), description, payStandardFee: true });
      await answerPrivately(i, renderMessage(presentEmergency(await contextOf(core, config, i), r, config.vendor.zone, description).message));
    },
  },
];
