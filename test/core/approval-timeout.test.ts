import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databases, type TestDatabase } from '../support/test-database.js';
import { harness, customer, staffAlice, type Harness } from '../support/core-harness.js';
import { START, secs, mins, book, notices } from './helpers.js';

for (const dbDef of databases) {
  describe.skipIf(!dbDef.enabled)(`a booking nobody approved before its start on ${dbDef.name}`, () => {
    let db: TestDatabase;
    let h: Harness;
    beforeEach(async () => {
      db = await dbDef.open();
      h = harness(db);
    });
    afterEach(async () => db.close());
    const status = async (id: string) => (await db.prisma.booking.findUniqueOrThrow({ where: { id } })).status;

    it('is declined by the system at its start, frees the time, and the customer is told', async () => {
      const b = await book(h, customer('U3'), START, { payStandardFee: true });
      expect(b.status).toBe('pending_approval');
      h.clock.set(secs(START, -1));
      await h.sweep();
      expect(await status(b.bookingId)).toBe('pending_approval');
      h.clock.set(START);
      await h.sweep();
      expect(await status(b.bookingId)).toBe('declined');
      expect(notices(h, 'booking_declined')).toEqual([expect.objectContaining({ reason: expect.stringContaining('before its start time') })]);
      expect(await db.prisma.slotCell.count({ where: { bookingId: b.bookingId } })).toBe(0);
      expect(await h.core.approveBooking({ caller: staffAlice, bookingId: b.bookingId })).toMatchObject({ kind: 'already_decided', status: 'declined' });
    });

    it('leaves an approved booking alone, and follows a reschedule of a waiting one', async () => {
      const approved = await book(h, customer('U4'), START, { payStandardFee: true });
      await h.core.approveBooking({ caller: staffAlice, bookingId: approved.bookingId });
      const waiting = await book(h, customer('U5'), mins(START, -120), { payStandardFee: true });
      const later = mins(START, 24 * 60);
      expect(await h.core.rescheduleBooking({ caller: customer('U5'), bookingId: waiting.bookingId, startsAt: later })).toMatchObject({ kind: 'rescheduled' });
      h.clock.set(mins(START, 5));
      await h.sweep();
      expect(await status(approved.bookingId)).toBe('confirmed');
      expect(await status(waiting.bookingId)).toBe('pending_approval');
      h.clock.set(later);
      await h.sweep();
      expect(await status(waiting.bookingId)).toBe('declined');
    });
  });
}
