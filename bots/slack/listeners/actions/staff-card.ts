/** After a staff decision: update the card it was made on (staff channel), or refresh App Home. */
import type { webApi } from '@slack/bolt';
import type { BookingCard } from '../../../../core/index.js';
import type { ListenerDeps } from '../../context.js';
import { decidedStaffCard, staffContext, type Decision } from '../../../shared/present/index.js';
import { renderMessage } from '../../render/index.js';
import { publishHome } from '../events/app-home-opened.js';

export interface CardRef {
  channel?: string;
  ts?: string;
  /** Pressed in App Home: republish it. */
  home?: boolean;
}

export async function showDecision(deps: ListenerDeps, client: webApi.WebClient, userId: string, ref: CardRef, card: BookingCard, decision: Decision): Promise<void> {
  if (ref.channel && ref.ts) {
    const msg = renderMessage(decidedStaffCard(staffContext(deps.config), card, decision, deps.core.clock.now().toISOString()));
    await client.chat.update({ channel: ref.channel, ts: ref.ts, text: msg.text, blocks: msg.blocks });
  }
  if (ref.home) await publishHome(deps, client, userId);
}

/** Where a button was pressed: a message (channel + ts) or a view (App Home). */
export function cardRefOf(body: { container?: { type?: string; channel_id?: string; message_ts?: string }; channel?: { id: string }; message?: { ts: string }; view?: { type?: string } }): CardRef {
  if (body.view?.type === 'home') return { home: true };
  const channel = body.channel?.id ?? body.container?.channel_id;
  const ts = body.message?.ts ?? body.container?.message_ts;
  return { ...(channel ? { channel } : {}), ...(ts ? { ts } : {}) };
}
