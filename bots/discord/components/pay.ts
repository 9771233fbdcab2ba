/** "Pay $100 to reinstate" (the suspension notice, a suspended answer): answers privately with the Pay link. */
import type { ComponentHandler } from '../interaction-router.js';
import { callerOf, contextOf, type DiscordDeps } from '../caller.js';
import { prefix } from '../ids.js';
import { presentPayReinstatement } from '../../shared/present/results.js';
import { renderMessage } from '../render/index.js';
import { answerPrivately } from './respond.js';

export const payComponents: ComponentHandler<DiscordDeps>[] = [
  {
    kind: 'button',
    prefix: prefix('pay-reinstatement'),
    async handle(i, { core, config }) {
      const r = await core.payReinstatement({ caller: callerOf(i) });
      await answerPrivately(i, renderMessage(presentPayReinstatement(await contextOf(core, config, i), r).message));
    },
  },
];
