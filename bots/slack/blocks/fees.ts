import type { Core } from '../../../core/index.js';
import { money } from './format.js';
import { context, esc, section, type SlackMessage } from './kit.js';

export type FeesView = Extract<Awaited<ReturnType<Core['feeSchedule']>>, { kind: 'fees' }>;

/** /fees: the fee schedule and what the person's company pays now. */
export function feesMessage(f: FeesView): SlackMessage {
  const lines = f.lines.map((l) => `• ${l.kindLabel}, ${l.lengthMinutes} min: ${money(l.feeCents, f.currency)}`);
  const plan = f.plan.kind === 'free' ? 'free sessions' : `${f.plan.percent}% off`;
  const you =
    f.youPay === 'free'
      ? `Your company${f.company ? `, ${esc(f.company.name)},` : ''} has an active maintenance plan: your sessions are covered.`
      : f.youPay === 'discount'
        ? `Your company's maintenance plan gives you ${plan}.`
        : f.youPay === 'suspended'
          ? `Free sessions for your company are suspended after no-shows; a payment of ${money(f.reinstatementCents, f.currency)} reinstates them. Until then you pay the standard fee.`
          : f.company
            ? `${esc(f.company.name)} has no active maintenance plan: you pay the standard fee.`
            : 'You are not linked to a company: you pay the standard fee. With a maintenance plan you get ' + plan + '; link with `/support-code YOUR-CODE`.';
  return {
    text: 'Fee schedule',
    blocks: [
      section(`*Standard fees*\n${lines.join('\n')}\nEmergency surcharge: ${money(f.emergencySurchargeCents, f.currency)}`),
      section(you),
      context('Paid sessions are not refundable. Fees are subject to change; a booking keeps the fee it was made at.'),
    ],
  };
}
