import { expect, it } from 'vitest';
import { forEachDatabase } from '../support/each-database.js';
import { companyWithPlan, linkedCustomer, staffAlice } from '../support/core-harness.js';
import { START, secs, mins, book } from './helpers.js';
import { RecordingNotifier } from '../fakes/recording-notifier.js';
import type { OutboxMessage } from '../../core/notifications/types.js';
import { occupiedCells } from '../../core/availability/cells.js';

forEachDatabase('guards against changes that crossed', (t) => {
  it('the no-show close does nothing to a booking someone joined after it was read', async () => {
    const c = await linkedCustomer(t.h, 'U1', await companyWithPlan(t.h));
    const b = await book(t.h, c, START);
    await t.db.store.transaction((tx) => tx.bookings.recordJoin(b.bookingId, secs(mins(START, 10), -1), 'link'));
    const closed = await t.db.store.transaction((tx) => tx.bookings.transition(b.bookingId, ['confirmed'], { status: 'no_show' }, { onlyIfNotJoined: true }));
    expect(closed).toBeNull();
    expect((await t.db.prisma.booking.findUniqueOrThrow({ where: { id: b.bookingId } })).status).toBe('confirmed');
  });

  it('a move of a booking that was cancelled (or moved) meanwhile changes nothing and keeps no cells', async () => {
    const c = await linkedCustomer(t.h, 'U1', await companyWithPlan(t.h));
    const b = await book(t.h, c, START);
    await t.h.core.cancelBooking({ caller: c, bookingId: b.bookingId });
    const to = mins(START, 24 * 60);
    const moved = await t.db.store.transaction((tx) =>
      tx.bookings.moveTo(b.bookingId, { from: ['confirmed', 'pending_approval'], startsAt: START }, { staffId: 'alice', startsAt: to, endsAt: mins(to, 30), bufferMinutes: 10 }, occupiedCells(to, mins(to, 30))),
    );
    expect(moved).toBeNull();
    expect(await t.db.prisma.slotCell.count({ where: { bookingId: b.bookingId } })).toBe(0);
    expect((await t.db.prisma.booking.findUniqueOrThrow({ where: { id: b.bookingId } })).startsAt).toEqual(START);
  });

  it('a join link opened after the 10-minute close does not count; a staff move forgets an earlier join', async () => {
    const c = await linkedCustomer(t.h, 'U1', await companyWithPlan(t.h));
    const late = await book(t.h, c, START);
    const token = late.joinUrl.split('/j/')[1]!;
    t.h.clock.set(mins(START, 10));
    expect(await t.h.core.openJoinLink({ token })).toMatchObject({ kind: 'closed', status: 'no_show' });
    expect((await t.db.prisma.booking.findUniqueOrThrow({ where: { id: late.bookingId } })).joinedAt).toBeNull();

    t.h.clock.set(mins(START, -20));
    const early = await book(t.h, c, mins(START, 24 * 60), {});
    await t.db.store.transaction((tx) => tx.bookings.recordJoin(early.bookingId, t.h.clock.now(), 'link'));
    expect(await t.h.core.rescheduleBooking({ caller: staffAlice, bookingId: early.bookingId, startsAt: mins(START, 48 * 60) })).toMatchObject({ kind: 'rescheduled' });
    expect((await t.db.prisma.booking.findUniqueOrThrow({ where: { id: early.bookingId } })).joinedAt).toBeNull();
  });

  it('a sweep too slow to keep its lease skips what another sweep took over', async () => {
    const code = await companyWithPlan(t.h);
    for (const [i, u] of ['U1', 'U2', 'U3', 'U4'].entries()) await book(t.h, await linkedCustomer(t.h, u, code), mins(START, -60 * i));
    const other = new RecordingNotifier();
    let stalled = false;
    class StallingNotifier extends RecordingNotifier {
      override async deliver(m: OutboxMessage) {
        if (!stalled) {
          // This delivery hangs for 3 minutes; meanwhile a second instance sweeps.
          stalled = true;
          t.h.clock.advanceMinutes(3);
          await t.h.core.runSweep({ notifier: other });
        }
        return super.deliver(m);
      }
    }
    const slow = new StallingNotifier();
    await t.h.core.runSweep({ notifier: slow, concurrency: 1 });
    // The one delivery that hung past its lease may go out twice (at least once, never lost); every
    // other message the slow sweep had claimed was taken over and is not sent again by it.
    expect(slow.delivered).toHaveLength(1);
    const byOther = other.delivered.map((m) => m.id);
    expect(new Set(byOther).size).toBe(byOther.length);
    expect(byOther).toContain(slow.delivered[0]!.id);
    expect(await t.db.prisma.notification.count({ where: { status: 'pending', dueAt: { lte: t.h.clock.now() } } })).toBe(0);
  });
});
