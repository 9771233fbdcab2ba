import { expect, it } from 'vitest';
import { forEachDatabase } from '../support/each-database.js';
import { companyWithPlan, linkedCustomer } from '../support/core-harness.js';
import { START, mins, book } from './helpers.js';
import { RecordingNotifier } from '../fakes/recording-notifier.js';
import type { OutboxMessage } from '../../core/notifications/types.js';

/** Edits of old messages take longer than new posts, as chat.update after a lookup does. */
class SlowEditsNotifier extends RecordingNotifier {
  override async deliver(m: OutboxMessage) {
    if (m.notice.type === 'actions_expired') await new Promise((r) => setTimeout(r, 30));
    return super.deliver(m);
  }
}

forEachDatabase(`one booking's messages go out in the order they were queued`, (t) => {
  it('delivers "old buttons expired" before the rescheduled confirmation, even with other bookings in the batch', async () => {
    const code = await companyWithPlan(t.h);
    const callers = await Promise.all(['U1', 'U2', 'U3'].map((u) => linkedCustomer(t.h, u, code)));
    const b = await book(t.h, callers[0]!, START);
    await book(t.h, callers[1]!, mins(START, -60));
    await book(t.h, callers[2]!, mins(START, -120));
    await t.h.sweep();
    t.h.notifier.clear();
    for (let i = 0; i < 3; i++) {
      const r = await t.h.core.rescheduleBooking({ caller: callers[0]!, bookingId: b.bookingId, startsAt: mins(START, 24 * 60 + 30 * i) });
      expect(r.kind).toBe('rescheduled');
    }
    const slow = new SlowEditsNotifier();
    await t.h.core.runSweep({ notifier: slow });
    const mine = slow.delivered.filter((m) => m.bookingId === b.bookingId).map((m) => m.notice.type);
    expect(mine).toEqual(['actions_expired', 'booking_rescheduled', 'actions_expired', 'booking_rescheduled', 'actions_expired', 'booking_rescheduled']);
  });
});
