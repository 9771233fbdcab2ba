/**
 * A suspension is over (its reinstatement was recorded or paid online, or reversing a no-show
 * lifted it): the messages that asked for the fee (the customers' "Pay … to reinstate", the staff
 * card's "Record reinstatement") must lose those buttons. One chat-only row per no-show of the
 * current strike history, to the staff channels (so every platform edits its own messages, the
 * customers' and the staff cards about that booking, each in its reader's language).
 */
import type { Tx } from '../ports/store.js';
import type { Notice } from './types.js';

type SuspensionEnded = Extract<Notice, { type: 'suspension_ended' }>;

/** Call before the strike history is cleared (`strikes_cleared`): its no-shows are the ones asked about. */
export async function queueSuspensionEnded(tx: Tx, companyId: string, notice: Omit<SuspensionEnded, 'type'>, now: Date): Promise<void> {
  const history = await tx.audit.history('strike', companyId);
  const current = history.slice(history.map((e) => e.action).lastIndexOf('strikes_cleared') + 1);
  const bookingIds = [...new Set(current.filter((e) => e.action === 'strike_added' && typeof e.details.bookingId === 'string').map((e) => e.details.bookingId as string))];
  await tx.outbox.enqueue(bookingIds.map((bookingId) => ({ recipient: { to: 'staff' as const }, bookingId, notice: { type: 'suspension_ended' as const, ...notice }, dueAt: now })));
}
