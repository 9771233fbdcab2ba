import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databases, type TestDatabase } from '../support/test-database.js';
import { harness, companyWithPlan, linkedCustomer, type Harness } from '../support/core-harness.js';
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

for (const dbDef of databases) {
  describe.skipIf(!dbDef.enabled)(`one booking's messages go out in the order they were queued on ${dbDef.name}`, () => {
    let db: TestDatabase;
    let h: Harness;
    beforeEach(async () => {
      db = await dbDef.open();
      h = harness(db);
    });
    afterEach(async () => db.close());

    it('delivers "old buttons expired" before the rescheduled confirmation, even with other bookings in the batch', async () => {
      const code = await companyWithPlan(h);
      const callers = await Promise.all(['U1', 'U2', 'U3'].map((u) => linkedCustomer(h, u, code)));
      const b = await book(h, callers[0]!, START);
      await book(h, callers[1]!, mins(START, -60));
      await book(h, callers[2]!, mins(START, -120));
      await h.sweep();
      h.notifier.clear();
      for (let i = 0; i < 3; i++) {
        const r = await h.core.rescheduleBooking({ caller: callers[0]!, bookingId: b.bookingId, startsAt: mins(START, 24 * 60 + 30 * i) });
        expect(r.kind).toBe('rescheduled');
      }
      const slow = new SlowEditsNotifier();
      await h.core.runSweep({ notifier: slow });
      const mine = slow.delivered.filter((m) => m.bookingId === b.bookingId).map((m) => m.notice.type);
      expect(mine).toEqual(['actions_expired', 'booking_rescheduled', 'actions_expired', 'booking_rescheduled', 'actions_expired', 'booking_rescheduled']);
    });
  });
}
