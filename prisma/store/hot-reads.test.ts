import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databases, type TestDatabase } from '../../test/support/test-database.js';
import { toBooking, toCompany, toMember } from './mappers.js';
import { driverOf, type TxConnection } from '../client.js';
import { hotReads, postgresReads } from './hot-reads.js';
import type { TxClient } from './db-types.js';
import { dueAndUnclaimed } from './claim.js';

const T = (iso: string) => new Date(iso);

for (const dbDef of databases) {
  describe.skipIf(!dbDef.enabled)(`the store's hot reads (raw SQL) on ${dbDef.name}`, () => {
    let db: TestDatabase;
    beforeEach(async () => {
      db = await dbDef.open();
    });
    afterEach(async () => db.close());

    it('read members and companies exactly as Prisma does, every column typed (dates, booleans, nulls)', async () => {
      const company = await db.prisma.company.create({ data: { name: 'Acme', code: 'A-1', codeHash: 'h1', planUntil: T('2027-12-31T05:00:00.123Z'), strikes: 2, suspended: true } });
      const bare = await db.prisma.company.create({ data: { name: 'Bare' } });
      const member = await db.prisma.member.create({ data: { platform: 'slack', platformUserId: 'U1', displayName: 'Ana', zone: 'America/Chicago', locale: 'en-US', companyId: company.id } });
      const plain = await db.prisma.member.create({ data: { platform: 'discord', platformUserId: '42' } });
      await db.store.transaction(async (tx) => {
        expect(await tx.members.find('slack', 'U1')).toEqual(toMember(member));
        expect(await tx.members.find('discord', '42')).toEqual(toMember(plain));
        expect(await tx.members.find('slack', '42')).toBeNull();
        expect(await tx.members.get(member.id)).toEqual(toMember(member));
        expect(await tx.members.get('nobody')).toBeNull();
        expect(await tx.companies.get(company.id)).toEqual(toCompany(company));
        expect(await tx.companies.get(bare.id)).toEqual(toCompany(bare));
        expect(await tx.companies.get('none')).toBeNull();
      });
    });

    it("see the transaction's own writes, and nothing of a transaction that rolled back", async () => {
      await db.store.transaction(async (tx) => {
        const m = await tx.members.upsert({ platform: 'slack', platformUserId: 'U9', zone: 'Europe/London' });
        expect(await tx.members.find('slack', 'U9')).toEqual(m);
        const c = await tx.companies.create({ name: 'New', code: null, codeHash: null, planUntil: null });
        expect(await tx.companies.get(c.id)).toEqual(c);
      });
      await expect(db.store.transaction(async (tx) => {
        await tx.members.upsert({ platform: 'slack', platformUserId: 'U10' });
        throw new Error('rolled back');
      })).rejects.toThrow('rolled back');
      expect(await db.store.transaction((tx) => tx.members.find('slack', 'U10'))).toBeNull();
    });

    it('busy time: live bookings of the asked staff overlapping the range, buffers counted; nothing else', async () => {
      const member = await db.prisma.member.create({ data: { platform: 'slack', platformUserId: 'U1' } });
      let n = 0;
      const booking = (staffId: string, start: string, minutes: number, status = 'confirmed', bufferMinutes = 10) => db.prisma.booking.create({ data: {
        reference: `SK-${++n}`, memberId: member.id, staffId, kind: 'online', status, startsAt: T(start), endsAt: new Date(T(start).getTime() + minutes * 60_000),
        lengthMinutes: minutes, bufferMinutes, priceCents: 0, currency: 'USD', priceBasis: 'plan_free', joinToken: `jt${n}`, phoneNumber: '+1', phonePin: '1', platform: 'slack',
      } });
      const inside = await booking('alice', '2026-12-01T15:00:00.000Z', 30);
      const pending = await booking('alice', '2026-12-01T17:00:00.000Z', 60, 'pending_approval');
      const bufferReaches = await booking('ben', '2026-12-01T13:30:00.000Z', 20, 'confirmed', 15); // ends 13:50, buffer to 14:05
      await booking('ben', '2026-12-01T13:00:00.000Z', 30, 'confirmed', 0); // ends 13:30: before the range
      await booking('alice', '2026-12-01T16:00:00.000Z', 30, 'cancelled');
      await booking('carol', '2026-12-01T15:00:00.000Z', 30);
      await booking('alice', '2026-12-01T20:00:00.000Z', 30); // starts at the end of the range: outside
      const busy = await db.store.transaction((tx) => tx.bookings.busy(['alice', 'ben'], T('2026-12-01T14:00:00Z'), T('2026-12-01T20:00:00Z')));
      const sorted = busy.sort((a, b) => a.start.getTime() - b.start.getTime());
      expect(sorted).toEqual([
        { bookingId: bufferReaches.id, staffId: 'ben', start: T('2026-12-01T13:30:00Z'), end: T('2026-12-01T13:50:00Z'), bufferMinutes: 15 },
        { bookingId: inside.id, staffId: 'alice', start: T('2026-12-01T15:00:00Z'), end: T('2026-12-01T15:30:00Z'), bufferMinutes: 10 },
        { bookingId: pending.id, staffId: 'alice', start: T('2026-12-01T17:00:00Z'), end: T('2026-12-01T18:00:00Z'), bufferMinutes: 10 },
      ]);
      expect(toBooking(inside).startsAt).toEqual(sorted[1]!.start);
    });

    it('busy times: the live bookings starting in [from, before) as numbers by staff, ascending, each end with its buffer, in whatever order they were written', async () => {
      const member = await db.prisma.member.create({ data: { platform: 'slack', platformUserId: 'U1' } });
      let n = 0;
      const booking = (staffId: string, start: string, minutes: number, status = 'confirmed', bufferMinutes = 10) => db.prisma.booking.create({ data: {
        reference: `SK-${++n}`, memberId: member.id, staffId, kind: 'online', status, startsAt: T(start), endsAt: new Date(T(start).getTime() + minutes * 60_000),
        lengthMinutes: minutes, bufferMinutes, priceCents: 0, currency: 'USD', priceBasis: 'plan_free', joinToken: `jt${n}`, phoneNumber: '+1', phonePin: '1', platform: 'slack',
      } });
      // Written latest first, so that no table or insertion order hands them over sorted by chance.
      await booking('alice', '2026-12-03T00:00:00.000Z', 30); // starts at `before`: outside
      await booking('alice', '2026-12-02T23:30:00.000Z', 60, 'pending_approval', 0); // runs past midnight into another date
      await booking('alice', '2026-12-02T09:00:00.000Z', 30, 'awaiting_payment', 120);
      await booking('alice', '2026-12-02T08:59:59.999Z', 1, 'confirmed', 0); // milliseconds kept
      await booking('alice', '2026-12-01T15:00:00.000Z', 30, 'cancelled'); // not live
      await booking('alice', '2026-12-01T15:00:00.000Z', 45, 'declined');
      await booking('alice', '2026-12-01T15:00:00.000Z', 30);
      await booking('alice', '2026-12-01T00:00:00.000Z', 1440, 'confirmed', 5); // at `from`: inside; a whole day
      await booking('alice', '2026-11-30T23:59:00.000Z', 30); // before `from`: outside, though it runs into the range
      await booking('ben', '2026-12-02T10:00:00.000Z', 30, 'completed');
      await booking('ben', '2026-12-01T12:00:00.000Z', 90, 'confirmed', 15);
      await booking('carol', '2026-12-01T12:00:00.000Z', 30); // not asked for
      const times = await db.store.transaction((tx) => tx.bookings.busyTimes(['alice', 'ben', 'dan'], T('2026-12-01T00:00:00Z'), T('2026-12-03T00:00:00Z')));
      const ms = (iso: string, plusMinutes = 0) => T(iso).getTime() + plusMinutes * 60_000;
      expect([...times].sort((a, b) => a.staffId.localeCompare(b.staffId))).toEqual([
        {
          staffId: 'alice',
          starts: [ms('2026-12-01T00:00:00Z'), ms('2026-12-01T15:00:00Z'), ms('2026-12-02T08:59:59.999Z'), ms('2026-12-02T09:00:00Z'), ms('2026-12-02T23:30:00Z')],
          ends: [ms('2026-12-02T00:00:00Z', 5), ms('2026-12-01T15:30:00Z', 10), ms('2026-12-02T09:00:59.999Z'), ms('2026-12-02T09:30:00Z', 120), ms('2026-12-03T00:30:00Z')],
        },
        { staffId: 'ben', starts: [ms('2026-12-01T12:00:00Z')], ends: [ms('2026-12-01T13:30:00Z', 15)] },
      ]);
      expect(await db.store.transaction((tx) => tx.bookings.busyTimes([], T('2026-12-01T00:00:00Z'), T('2026-12-03T00:00:00Z')))).toEqual([]);
    });

    it('busy times agree with the booking rows Prisma reads, over a few hundred bookings of every status, length and buffer', async () => {
      const member = await db.prisma.member.create({ data: { platform: 'slack', platformUserId: 'U1' } });
      let x = 7;
      const next = () => (x = (x * 1664525 + 1013904223) >>> 0) / 2 ** 32;
      const statuses = ['confirmed', 'pending_approval', 'awaiting_payment', 'cancelled', 'declined', 'completed'];
      const rows = Array.from({ length: 400 }, (_, i) => {
        const start = T('2026-12-01T00:00:00Z').getTime() + Math.floor(next() * 10 * 24 * 60) * 60_000 + (i % 7 === 0 ? Math.floor(next() * 1000) : 0);
        const minutes = [15, 30, 60, 90, 600][Math.floor(next() * 5)]!;
        return {
          reference: `R${i}`, memberId: member.id, staffId: ['a', 'b', 'c'][Math.floor(next() * 3)]!, kind: 'online', status: statuses[Math.floor(next() * statuses.length)]!,
          startsAt: new Date(start), endsAt: new Date(start + minutes * 60_000), lengthMinutes: minutes, bufferMinutes: [0, 5, 10, 120][Math.floor(next() * 4)]!,
          priceCents: 0, currency: 'USD', priceBasis: 'plan_free', joinToken: `j${i}`, phoneNumber: '+1', phonePin: '1', platform: 'slack',
        };
      });
      await db.prisma.booking.createMany({ data: rows.reverse() });
      const from = T('2026-12-02T10:00:00Z');
      const before = T('2026-12-08T17:30:00Z');
      const expectedFor = async (staff: string[]) => (await db.prisma.booking.findMany({
        where: { staffId: { in: staff }, status: { in: ['pending_approval', 'confirmed', 'awaiting_payment'] }, startsAt: { gte: from, lt: before } },
        orderBy: [{ staffId: 'asc' }, { startsAt: 'asc' }],
      })).reduce<Record<string, { starts: number[]; ends: number[] }>>((acc, r) => {
        const t = (acc[r.staffId!] ??= { starts: [], ends: [] });
        t.starts.push(r.startsAt!.getTime());
        t.ends.push(r.endsAt!.getTime() + r.bufferMinutes * 60_000);
        return acc;
      }, {});
      const byStaff = (times: Array<{ staffId: string; starts: number[]; ends: number[] }>) => Object.fromEntries(times.map((t) => [t.staffId, { starts: t.starts, ends: t.ends }]));
      const expected = await expectedFor(['a', 'b']);
      expect(byStaff(await db.store.transaction((tx) => tx.bookings.busyTimes(['a', 'b'], from, before)))).toEqual(expected);
      expect(expected.a!.starts.length + expected.b!.starts.length).toBeGreaterThan(60);
      // Outside a transaction (on PostgreSQL: on the pool, a list of four or more staff read in parts at once).
      expect(byStaff(await db.store.read((tx) => tx.bookings.busyTimes(['a', 'b'], from, before)))).toEqual(expected);
      const all = await db.store.read((tx) => tx.bookings.busyTimes(['c', 'nobody', 'b', 'a', 'also-nobody'], from, before));
      expect(byStaff(all)).toEqual(await expectedFor(['a', 'b', 'c']));
      expect(all.map((t) => t.staffId).sort()).toEqual(['a', 'b', 'c']);
    });

    it.runIf(dbDef.name === 'sqlite')('busy times: a time SQLite holds in another shape than the adapter writes is still read right (row by row)', async () => {
      const member = await db.prisma.member.create({ data: { platform: 'slack', platformUserId: 'U1' } });
      const b = (reference: string, start: string) => db.prisma.booking.create({ data: {
        reference, memberId: member.id, staffId: 'alice', kind: 'online', status: 'confirmed', startsAt: T(start), endsAt: new Date(T(start).getTime() + 30 * 60_000),
        lengthMinutes: 30, bufferMinutes: 10, priceCents: 0, currency: 'USD', priceBasis: 'plan_free', joinToken: reference, phoneNumber: '+1', phonePin: '1', platform: 'slack',
      } });
      await b('A', '2026-12-01T09:00:00.000Z');
      const odd = await b('B', '2026-12-01T11:00:00.000Z');
      await db.prisma.$executeRawUnsafe(`UPDATE "Booking" SET "endsAt" = '2026-12-01T11:45:00Z' WHERE "id" = ?`, odd.id);
      const times = await db.store.transaction((tx) => tx.bookings.busyTimes(['alice'], T('2026-12-01T00:00:00Z'), T('2026-12-02T00:00:00Z')));
      expect(times).toEqual([{ staffId: 'alice', starts: [T('2026-12-01T09:00:00Z').getTime(), T('2026-12-01T11:00:00Z').getTime()], ends: [T('2026-12-01T09:40:00Z').getTime(), T('2026-12-01T11:55:00Z').getTime()] }]);
    });

    it.runIf(dbDef.name === 'postgresql')("busy times on PostgreSQL run on the transaction's own connection: they see its uncommitted bookings, and the connection is let go when it ends", async () => {
      const postgres = driverOf(db.prisma)?.postgres;
      expect(postgres).toBeDefined();
      const member = await db.prisma.member.create({ data: { platform: 'slack', platformUserId: 'U1' } });
      const slot: TxConnection = {};
      const reads = postgresReads(() => slot.connection);
      const start = T('2026-12-01T10:00:00Z');
      const seen = await postgres!.track(slot, () => db.prisma.$transaction(async (tx) => {
        expect(slot.connection).toBeDefined();
        const [backend] = await tx.$queryRawUnsafe<Array<{ pid: number }>>('SELECT pg_backend_pid() AS pid');
        expect((await slot.connection!.query('SELECT pg_backend_pid() AS pid')).rows[0].pid).toBe(backend!.pid);
        await tx.booking.create({ data: {
          reference: 'SK-1', memberId: member.id, staffId: 'alice', kind: 'online', status: 'confirmed', startsAt: start, endsAt: new Date(start.getTime() + 30 * 60_000),
          lengthMinutes: 30, bufferMinutes: 10, priceCents: 0, currency: 'USD', priceBasis: 'plan_free', joinToken: 'jt1', phoneNumber: '+1', phonePin: '1', platform: 'slack',
        } });
        const times = await reads.busyTimes(tx, ['alice'], ['confirmed'], T('2026-12-01T00:00:00Z'), T('2026-12-02T00:00:00Z'));
        // The named statement was prepared on this very connection, so the read ran there (a warm
        // connection may hold others from earlier reads).
        const prepared = await tx.$queryRawUnsafe<Array<{ name: string }>>("SELECT name FROM pg_prepared_statements WHERE name LIKE 'sk_busy_times_%'");
        expect(prepared.map((p) => p.name)).toContain('sk_busy_times_1_1');
        return times;
      }));
      expect(seen).toEqual([{ staffId: 'alice', starts: [start.getTime()], ends: [start.getTime() + 40 * 60_000] }]);
      expect(slot.connection).toBeUndefined();
      // Rolled back: let go as well, and nothing of it is seen afterwards.
      const again: TxConnection = {};
      await expect(postgres!.track(again, () => db.prisma.$transaction(async (tx) => {
        expect(again.connection).toBeDefined();
        await tx.booking.deleteMany({});
        throw new Error('rolled back');
      }))).rejects.toThrow('rolled back');
      expect(again.connection).toBeUndefined();
      expect(await db.store.transaction((tx) => tx.bookings.busyTimes(['alice'], T('2026-12-01T00:00:00Z'), T('2026-12-02T00:00:00Z')))).toEqual(seen);
      // Outside a transaction, on the adapter's pool (Prisma is not asked: its raw path here throws), in parts.
      const pool = postgres!.pool();
      expect(pool).toBeDefined();
      const noPrisma = { $queryRawUnsafe: () => Promise.reject(new Error('went through Prisma')) } as unknown as Parameters<ReturnType<typeof postgresReads>['busyTimes']>[0];
      expect(await postgresReads(() => pool, { parts: 2 }).busyTimes(noPrisma, ['x', 'alice', 'y', 'z'], ['confirmed'], T('2026-12-01T00:00:00Z'), T('2026-12-02T00:00:00Z'))).toEqual(seen);
      // Without a known connection the same read goes through Prisma, with the same answer.
      expect(await db.prisma.$transaction((tx) => postgresReads().busyTimes(tx, ['alice'], ['confirmed'], T('2026-12-01T00:00:00Z'), T('2026-12-02T00:00:00Z')))).toEqual(seen);
    });

    it('the sweeper claims the due rows nobody holds, in order, and reads them back as Prisma does', async () => {
      const now = T('2026-12-01T12:00:00Z');
      const member = await db.prisma.member.create({ data: { platform: 'slack', platformUserId: 'U1', locale: 'de-DE' } });
      const booking = await db.prisma.booking.create({ data: {
        reference: 'SK-1', memberId: member.id, staffId: 'alice', kind: 'online', status: 'confirmed', startsAt: T('2026-12-02T15:00:00Z'), endsAt: T('2026-12-02T15:30:00Z'),
        lengthMinutes: 30, bufferMinutes: 0, priceCents: 0, currency: 'USD', priceBasis: 'plan_free', joinToken: 'jt1', phoneNumber: '+1', phonePin: '1', platform: 'slack',
      } });
      const message = (dueAt: string, more: Record<string, unknown> = {}) => db.prisma.notification.create({ data: {
        type: 'reminder', recipient: 'member', memberId: member.id, bookingId: booking.id, payload: JSON.stringify({ type: 'reminder', due: dueAt }), dueAt: T(dueAt), ...more,
      } });
      const job = (dueAt: string, more: Record<string, unknown> = {}) => db.prisma.job.create({ data: { bookingId: booking.id, type: 'close_no_show', dueAt: T(dueAt), ...more } });
      const late = await message('2026-12-01T11:00:00.250Z');
      const early = await message('2026-12-01T09:00:00Z');
      const atNow = await message('2026-12-01T12:00:00Z');
      await message('2026-12-01T12:00:00.001Z'); // not due yet
      await message('2026-12-01T08:00:00Z', { status: 'sent' });
      await message('2026-12-01T08:00:00Z', { claimToken: 'other', claimedUntil: T('2026-12-01T12:05:00Z') }); // held by a live sweeper
      const lapsed = await message('2026-12-01T10:00:00Z', { claimToken: 'dead', claimedUntil: T('2026-12-01T11:59:00Z'), attempts: 1 }); // its sweeper died
      const jobLate = await job('2026-12-01T11:30:00Z');
      const jobEarly = await job('2026-12-01T07:00:00Z', { claimToken: 'dead', claimedUntil: T('2026-12-01T11:00:00Z'), attempts: 2 });
      await job('2026-12-01T06:00:00Z', { status: 'done' });
      await job('2026-12-01T12:30:00Z');

      // The limit takes the first in claim order.
      const first = await db.store.transaction((tx) => tx.outbox.claimDue(now, 2, 'one', T('2026-12-01T12:02:00Z')));
      expect(first.map((m) => m.id)).toEqual([early.id, lapsed.id]);
      const rest = await db.store.transaction((tx) => tx.outbox.claimDue(now, 10, 'two', T('2026-12-01T12:02:00Z')));
      expect(rest.map((m) => m.id)).toEqual([late.id, atNow.id]);
      expect(await db.store.transaction((tx) => tx.outbox.claimDue(now, 10, 'three', T('2026-12-01T12:02:00Z')))).toEqual([]);
      expect(first.map((m) => m.attempts)).toEqual([1, 2]);
      expect(rest[0]).toEqual({
        id: late.id, recipient: { to: 'member', memberId: member.id }, platform: 'slack', platformUserId: 'U1', locale: 'de-DE', bookingId: booking.id,
        notice: { type: 'reminder', due: '2026-12-01T11:00:00.250Z' }, attempts: 1, channel: 'chat', email: null, dueAt: T('2026-12-01T11:00:00.250Z'),
      });
      const jobs = await db.store.transaction((tx) => tx.jobs.claimDue(now, 10, 'jobs', T('2026-12-01T12:02:00Z')));
      expect(jobs).toEqual([
        { id: jobEarly.id, bookingId: booking.id, type: 'close_no_show', dueAt: T('2026-12-01T07:00:00Z'), attempts: 3 },
        { id: jobLate.id, bookingId: booking.id, type: 'close_no_show', dueAt: T('2026-12-01T11:30:00Z'), attempts: 1 },
      ]);

      // Every column as Prisma reads it (dates, numbers, nulls), through the raw path the store uses.
      const reads = dbDef.name === 'sqlite' ? hotReads(driverOf(db.prisma))! : postgresReads(() => driverOf(db.prisma)!.postgres!.pool());
      const tx = db.prisma as unknown as TxClient;
      expect(await reads.claimedNotifications(tx, 'two')).toEqual(await db.prisma.notification.findMany({ where: { claimToken: 'two', status: 'pending' }, orderBy: [{ dueAt: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] }));
      expect(await reads.claimedJobs(tx, 'jobs')).toEqual(await db.prisma.job.findMany({ where: { claimToken: 'jobs', status: 'pending' }, orderBy: { dueAt: 'asc' } }));
      // The raw claim condition is claim.ts's, which the store uses without raw SQL.
      const later = T('2026-12-01T12:06:00Z');
      expect(await reads.dueIds(tx, 'Notification', later, 10)).toEqual((await db.prisma.notification.findMany({
        where: dueAndUnclaimed(later), orderBy: [{ dueAt: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }], take: 10, select: { id: true },
      })).map((r) => r.id));
      expect(await reads.dueIds(tx, 'Job', later, 10)).toEqual((await db.prisma.job.findMany({ where: dueAndUnclaimed(later), orderBy: { dueAt: 'asc' }, take: 10, select: { id: true } })).map((r) => r.id));
    });

    it("read members' and companies' times as the UTC they are, whatever the process's own time zone", async () => {
      const company = await db.prisma.company.create({ data: { name: 'Acme', code: 'A-1', codeHash: 'h1', planUntil: T('2027-12-31T05:00:00.123Z'), suspendedAt: T('2027-01-01T00:30:00Z') } });
      const member = await db.prisma.member.create({ data: { platform: 'slack', platformUserId: 'U1', companyId: company.id } });
      const zone = process.env.TZ;
      process.env.TZ = 'America/New_York';
      try {
        expect(new Date(2027, 0, 1).getTimezoneOffset()).toBe(300); // the zone really changed
        await db.store.transaction(async (tx) => {
          expect(await tx.companies.get(company.id)).toEqual(toCompany(company));
          expect(await tx.members.find('slack', 'U1')).toEqual(toMember(member));
        });
      } finally {
        if (zone === undefined) delete process.env.TZ;
        else process.env.TZ = zone;
      }
    });
  });
}
