import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databases, type TestDatabase } from '../support/test-database.js';
import { harness, companyWithPlan, linkedCustomer, staffAlice, type Harness } from '../support/core-harness.js';
import { createCore } from '../../core/index.js';
import { sequentialIds } from '../../core/ports/ids.js';
import { LEASE_MS } from '../../core/reminders/run-sweep.js';
import { RecordingNotifier } from '../fakes/recording-notifier.js';
import type { Core } from '../../core/index.js';
import type { OutboxMessage } from '../../core/notifications/types.js';
import { START, secs, mins, book, notices } from './helpers.js';

for (const dbDef of databases) {
  describe.skipIf(!dbDef.enabled)(`the sweeper on ${dbDef.name}`, () => {
    let db: TestDatabase;
    let h: Harness;
    beforeEach(async () => {
      db = await dbDef.open();
      h = harness(db);
    });
    afterEach(async () => db.close());

    async function bookedFree(startsAt = START) {
      const c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
      return book(h, c, startsAt);
    }

    it('two sweepers racing over 200 due reminders deliver each exactly once', async () => {
      const b = await bookedFree();
      const member = await db.prisma.member.findFirstOrThrow({ where: { platformUserId: 'U1' } });
      const now = h.clock.now();
      await db.store.transaction((tx) => tx.outbox.enqueue(Array.from({ length: 200 }, (_, i) => ({
        recipient: { to: 'member' as const, memberId: member.id }, bookingId: b.bookingId,
        notice: { type: 'reminder' as const, booking: b, minutesBefore: i }, dueAt: new Date(now.getTime() - i * 1000),
      }))));
      const second = createCore({ store: db.store, clock: h.clock, ids: sequentialIds('second'), config: h.config });
      const n1 = new RecordingNotifier();
      const n2 = new RecordingNotifier();
      const drain = async (core: Core, n: RecordingNotifier) => {
        for (;;) {
          const r = await core.runSweep({ notifier: n, limit: 20, concurrency: 4 });
          if (r.sent + r.failed + r.retried + r.voided === 0) return;
        }
      };
      await Promise.all([drain(h.core, n1), drain(second, n2)]);
      const ids = [...n1.delivered, ...n2.delivered].map((m) => m.id);
      expect(ids).toHaveLength(201); // 200 reminders and the booking confirmation
      expect(new Set(ids).size).toBe(201);
      expect(await db.prisma.notification.count({ where: { status: 'sent', attempts: 1 } })).toBe(201);
      expect(await db.prisma.notification.count({ where: { status: { not: 'sent' }, dueAt: { lte: now } } })).toBe(0);
    });

    it('a message claimed by a sweeper that crashed is delivered after its 2-minute lease runs out', async () => {
      await bookedFree();
      const now = h.clock.now();
      const claimed = await db.store.transaction((tx) => tx.outbox.claimDue(now, 10, 'crashed-sweeper', new Date(now.getTime() + LEASE_MS)));
      expect(claimed.map((m) => m.notice.type)).toEqual(['booking_confirmed']);
      // the crashed sweeper never delivers; the next sweeps leave it alone while the lease holds
      expect((await h.sweep()).sent).toBe(0);
      h.clock.advance(LEASE_MS);
      expect((await h.sweep()).sent).toBe(0);
      h.clock.advance(1000);
      expect((await h.sweep()).sent).toBe(1);
      expect(h.notifier.types()).toEqual(['booking_confirmed']);
      const row = await db.prisma.notification.findFirstOrThrow({ where: { type: 'booking_confirmed' } });
      expect(row).toMatchObject({ status: 'sent', attempts: 2 });
      // the crashed sweeper coming back cannot overwrite the outcome
      await db.store.transaction((tx) => tx.outbox.markFailed(row.id, 'crashed-sweeper', 'late'));
      expect((await db.prisma.notification.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('sent');
    });

    it('a no-show check claimed by a crashed sweeper still runs after the lease', async () => {
      const b = await bookedFree();
      h.clock.set(mins(START, 10));
      const now = h.clock.now();
      const jobs = await db.store.transaction((tx) => tx.jobs.claimDue(now, 10, 'crashed', new Date(now.getTime() + LEASE_MS)));
      expect(jobs.map((j) => j.type).sort()).toEqual(['cutoff_passed', 'no_show_check']);
      await h.sweep();
      expect((await db.prisma.booking.findUniqueOrThrow({ where: { id: b.bookingId } })).status).toBe('confirmed');
      h.clock.advance(LEASE_MS + 1000);
      await h.sweep();
      expect((await db.prisma.booking.findUniqueOrThrow({ where: { id: b.bookingId } })).status).toBe('no_show');
      expect(await db.prisma.job.count({ where: { status: 'done' } })).toBe(2);
    });

    it('reminders that fell due while the bot was down: the latest is sent, telling the time really left; one it supersedes is voided', async () => {
      await bookedFree();
      h.clock.set(mins(START, -60));
      await h.sweep();
      // the 2-hour reminder, an hour late: "starts in 1 hour", not "in 2 hours"; no "in 24 hours" at all
      expect(notices(h, 'reminder').map((n) => n.minutesBefore)).toEqual([60]);
      const rows = await db.prisma.notification.findMany({ where: { type: 'reminder' }, orderBy: { dueAt: 'asc' } });
      expect(rows.map((n) => [JSON.parse(n.payload).minutesBefore, n.status, n.lastError])).toEqual([[1440, 'void', 'superseded by a later reminder'], [120, 'sent', null]]);
    });

    it('a reminder a few minutes late keeps its wording; one found due a while before the next keeps its own', async () => {
      await bookedFree();
      h.clock.set(mins(START, -24 * 60 + 4));
      await h.sweep();
      h.clock.set(mins(START, -150));
      await h.sweep();
      expect(notices(h, 'reminder').map((n) => n.minutesBefore)).toEqual([1440]);
      h.clock.set(mins(START, -117));
      await h.sweep();
      expect(notices(h, 'reminder').map((n) => n.minutesBefore)).toEqual([1440, 120]);
    });

    it('reminders found due after the session started are voided, not sent', async () => {
      const b = await bookedFree();
      h.clock.set(mins(START, -20));
      await h.core.markJoined({ caller: staffAlice, bookingId: b.bookingId, via: 'online' });
      h.clock.set(mins(START, 5));
      const r = await h.sweep();
      expect(r.voided).toBe(2);
      expect(notices(h, 'reminder')).toHaveLength(0);
      const rows = await db.prisma.notification.findMany({ where: { type: 'reminder' } });
      expect(rows.map((n) => [n.status, n.lastError])).toEqual([['void', 'session no longer ahead'], ['void', 'session no longer ahead']]);
    });

    it('a booking made less than 24 hours ahead gets no 24-hour reminder; one made more than 24 hours ahead gets both', async () => {
      const c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
      h.clock.set(secs(new Date('2026-11-30T15:00:00Z'), 60)); // 23 h 59 min before Tue 10:00 NY
      const soon = await book(h, c, new Date('2026-12-01T15:00:00Z'));
      const far = await book(h, c, new Date('2026-12-01T16:00:00Z'));
      const minutesOf = async (id: string) => (await db.prisma.notification.findMany({ where: { bookingId: id, type: 'reminder' }, orderBy: { dueAt: 'asc' } })).map((n) => JSON.parse(n.payload).minutesBefore);
      expect(await minutesOf(soon.bookingId)).toEqual([120]);
      expect(await minutesOf(far.bookingId)).toEqual([1440, 120]);
    });

    it('outcomes are written in batches, yet a message that edits earlier ones sees their references from the same sweep', async () => {
      const b = await bookedFree();
      // the confirmation is still undelivered when the change window closes: one sweep sends it and then "actions expired"
      h.clock.set(mins(START, -64));
      const refsSeen: string[][] = [];
      class EditingNotifier extends RecordingNotifier {
        override async deliver(m: OutboxMessage) {
          if (m.notice.type === 'actions_expired') refsSeen.push((await db.store.transaction((tx) => tx.outbox.delivered(b.bookingId))).map((d) => `${d.type}:${d.deliveryRef}`));
          return super.deliver(m);
        }
      }
      const n = new EditingNotifier();
      await h.core.runSweep({ notifier: n });
      // (the 24-hour reminder is superseded by the 2-hour one, also due: voided, not sent)
      expect(n.types()).toEqual(['booking_confirmed', 'reminder', 'actions_expired']);
      const confirmation = n.delivered[0]!;
      expect(refsSeen).toEqual([[`booking_confirmed:ref-${confirmation.id}`, `reminder:ref-${n.delivered[1]!.id}`]]);
      expect(await db.prisma.notification.count({ where: { status: 'sent', bookingId: b.bookingId } })).toBe(3);
    });

    it('a delivery the platform rate-limits is retried after the wait it asked for; a permanent failure is recorded', async () => {
      await bookedFree();
      h.notifier.answerNext({ kind: 'retry', error: 'rate limited', retryAfterMs: 30_000 });
      expect(await h.sweep()).toMatchObject({ sent: 0, retried: 1 });
      const row = await db.prisma.notification.findFirstOrThrow({ where: { type: 'booking_confirmed' } });
      expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'rate limited', dueAt: secs(h.clock.now(), 30) });
      h.clock.advance(29_000);
      expect((await h.sweep()).sent).toBe(0);
      h.clock.advance(1000);
      expect((await h.sweep()).sent).toBe(1);
      h.clock.set(mins(START, -24 * 60));
      h.notifier.answerNext({ kind: 'failed', error: 'user left the workspace' });
      expect(await h.sweep()).toMatchObject({ failed: 1 });
      expect(await db.prisma.notification.findFirstOrThrow({ where: { type: 'reminder', status: 'failed' } })).toMatchObject({ lastError: 'user left the workspace' });
    });
  });
}
