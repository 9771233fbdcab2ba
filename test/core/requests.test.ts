import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { databases, type TestDatabase } from '../support/test-database.js';
import { harness, companyWithPlan, linkedCustomer, customer, type Harness } from '../support/core-harness.js';
import { configWith } from '../support/config.js';
import { book } from './helpers.js';

const DST_DAYS = [
  ['America/New_York', '2027-03-14', 23], ['America/New_York', '2026-11-01', 25],
  ['Europe/London', '2027-03-28', 23], ['Europe/London', '2026-10-25', 25],
  ['Europe/Berlin', '2027-03-28', 23], ['Europe/Berlin', '2026-10-25', 25],
] as const;

function everyDayStaff(zone: string) {
  return configWith((cfg) => {
    const range = '09:00-17:00';
    cfg.vendor.zone = zone;
    cfg.staff = [{ ...cfg.staff[0]!, zone, daysOff: [], hours: { mon: range, tue: range, wed: range, thu: range, fri: range, sat: range, sun: range } }];
  });
}

for (const dbDef of databases) {
  describe.skipIf(!dbDef.enabled)(`availability and typed requests on ${dbDef.name}`, () => {
    let db: TestDatabase;
    beforeEach(async () => {
      db = await dbDef.open();
    });
    afterEach(async () => db.close());

    for (const [zone, date, hours] of DST_DAYS) {
      it(`${zone} on ${date} (${hours} hours): slots 09:00-16:30 local, and a booking takes out its neighbours`, async () => {
        const day = DateTime.fromISO(date, { zone });
        const h: Harness = harness(db, { config: everyDayStaff(zone), now: day.minus({ days: 2 }).toUTC().toISO()! });
        const c = await linkedCustomer(h, 'U1', await companyWithPlan(h), zone);
        const q = { caller: c, kind: 'online' as const, lengthMinutes: 30, from: day.toJSDate(), to: day.plus({ days: 1 }).toJSDate(), limit: 50 };
        const r = await h.core.findOpenings(q);
        const local = (r.kind === 'openings' ? r.slots : []).map((s) => DateTime.fromISO(s.startsAt, { zone }).toFormat('HH:mm'));
        const expected = Array.from({ length: 16 }, (_, i) => `${String(9 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`);
        expect(local).toEqual(expected);
        // book 10:00 local: 09:30 (its buffer would run into 10:00), 10:00 and 10:30 (inside 10:30-10:40 buffer) go
        await book(h, c, day.set({ hour: 10 }).toJSDate());
        const after = await h.core.findOpenings(q);
        const left = (after.kind === 'openings' ? after.slots : []).map((s) => DateTime.fromISO(s.startsAt, { zone }).toFormat('HH:mm'));
        expect(left).toEqual(expected.filter((t) => !['09:30', '10:00', '10:30'].includes(t)));
        // and booking at 08:30 local is outside hours
        const early = await h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 30, startsAt: day.set({ hour: 8, minute: 30 }).toJSDate() });
        expect(early.kind).toBe('outside_hours');
      });
    }

    it('findOpenings records a first contact and a changed zone (and lists in it); a returning caller with nothing new changes no row', async () => {
      const h: Harness = harness(db, { config: everyDayStaff('America/New_York'), now: '2026-11-30T14:00:00Z' });
      const member = () => db.prisma.member.findFirstOrThrow({ where: { platform: 'slack', platformUserId: 'U5' } });
      const q = { kind: 'online' as const, lengthMinutes: 30, from: new Date('2026-12-01T05:00:00Z'), to: new Date('2026-12-02T05:00:00Z'), limit: 3 };
      const caller = { platform: 'slack' as const, userId: 'U5', displayName: 'Uma', zone: 'America/New_York' };
      const first = await h.core.findOpenings({ ...q, caller });
      expect(first).toMatchObject({ kind: 'openings', zone: 'America/New_York', slots: [{ startsAt: '2026-12-01T14:00:00.000Z' }, { startsAt: '2026-12-01T14:30:00.000Z' }, { startsAt: '2026-12-01T15:00:00.000Z' }] });
      const saved = await member();
      expect(saved).toMatchObject({ displayName: 'Uma', zone: 'America/New_York' });
      expect(await h.core.findOpenings({ ...q, caller })).toEqual(first);
      expect(await member()).toEqual(saved);
      const moved = await h.core.findOpenings({ ...q, caller: { ...caller, zone: 'Europe/Berlin' } });
      expect(moved).toMatchObject({ kind: 'openings', zone: 'Europe/Berlin', slots: first.kind === 'openings' ? first.slots : [] });
      expect(await member()).toMatchObject({ id: saved.id, zone: 'Europe/Berlin' });
      expect(await db.prisma.member.count({ where: { platform: 'slack' } })).toBe(1);
    });

    describe('understandRequest', () => {
      let h: Harness;
      let c: Awaited<ReturnType<typeof linkedCustomer>>;
      beforeEach(async () => {
        h = harness(db);
        c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
      });

      it('"tomorrow at 3 phone for an hour" → a phone proposal, 60 minutes, 15:00 local, free', async () => {
        const r = await h.core.understandRequest({ caller: c, text: 'tomorrow at 3 phone for an hour' });
        expect(r).toMatchObject({ kind: 'proposal', sessionKind: 'phone', lengthMinutes: 60, startsAt: '2026-12-01T20:00:00.000Z', zone: 'America/New_York', quote: { kind: 'priced', priceCents: 0, basis: 'plan_free' } });
        // nothing is booked by understanding
        expect(await db.prisma.booking.count()).toBe(0);
      });

      it('reads the time in the person\'s own zone', async () => {
        const berlin = await linkedCustomer(h, 'U2', 'ACME-2026', 'Europe/Berlin');
        const r = await h.core.understandRequest({ caller: berlin, text: 'tomorrow at 3pm for an hour by phone' });
        expect(r).toMatchObject({ kind: 'proposal', startsAt: '2026-12-01T14:00:00.000Z', zone: 'Europe/Berlin' });
      });

      it('a window → a choice of free slots inside it', async () => {
        const r = await h.core.understandRequest({ caller: c, text: 'tomorrow afternoon' });
        expect(r.kind).toBe('choose');
        if (r.kind !== 'choose') return;
        expect(r.slots.length).toBeGreaterThan(0);
        for (const s of r.slots) {
          const t = DateTime.fromISO(s.startsAt, { zone: 'America/New_York' });
          expect(t.toISODate()).toBe('2026-12-01');
          expect(t.hour).toBeGreaterThanOrEqual(12);
        }
      });

      it('a taken time → unavailable with the nearest alternatives', async () => {
        const d = await linkedCustomer(h, 'U3', 'ACME-2026');
        await book(h, c, new Date('2026-12-01T20:00:00Z'), { lengthMinutes: 60 });
        await book(h, d, new Date('2026-12-01T20:00:00Z'), { lengthMinutes: 60 });
        const r = await h.core.understandRequest({ caller: c, text: 'tomorrow at 3 phone for an hour' });
        expect(r).toMatchObject({ kind: 'unavailable', reason: 'slot_taken', startsAt: '2026-12-01T20:00:00.000Z' });
        if (r.kind !== 'unavailable') return;
        expect(r.alternatives).toHaveLength(3);
        for (const a of r.alternatives) expect(a.startsAt).not.toBe('2026-12-01T20:00:00.000Z');
      });

      it('a time outside hours → unavailable outside_hours; nonsense → unparseable', async () => {
        const r = await h.core.understandRequest({ caller: c, text: 'sunday at 3pm' });
        expect(r).toMatchObject({ kind: 'unavailable', reason: 'outside_hours' });
        expect((await h.core.understandRequest({ caller: c, text: 'purple elephants' })).kind).toBe('unparseable');
      });

      it('records a first contact and a changed name or locale; a returning caller with nothing new changes no row', async () => {
        const member = () => db.prisma.member.findFirstOrThrow({ where: { platform: 'discord', platformUserId: 'D1' } });
        const d = { platform: 'discord' as const, userId: 'D1', displayName: 'Dana', locale: 'en-US' };
        expect((await h.core.understandRequest({ caller: d, text: 'tomorrow at 3pm' })).kind).toBe('proposal');
        const first = await member();
        expect(first).toMatchObject({ displayName: 'Dana', locale: 'en-US', zone: null });
        expect((await h.core.understandRequest({ caller: d, text: 'tomorrow at 4pm' })).kind).toBe('proposal');
        expect(await member()).toEqual(first);
        expect((await h.core.understandRequest({ caller: { ...d, displayName: 'Dana K.', locale: 'de' }, text: 'morgen um 15 Uhr' })).kind).toBe('proposal');
        expect(await member()).toMatchObject({ id: first.id, displayName: 'Dana K.', locale: 'de' });
        expect(await db.prisma.member.count({ where: { platform: 'discord' } })).toBe(1);
      });

      it('reads committed data only: a zone saved inside a transaction still open, then rolled back, is never used', async () => {
        let release!: () => void;
        const held = new Promise<void>((r) => (release = r));
        let opened!: () => void;
        const inside = new Promise<void>((r) => (opened = r));
        const rolledBack = db.store
          .transaction(async (tx) => {
            const m = await tx.members.find('slack', 'U1');
            await tx.members.update(m!.id, { zone: 'Europe/Berlin' });
            opened();
            await held;
            throw new Error('roll back');
          })
          .catch((e: Error) => e.message);
        await inside;
        // Discord reports no zone: the saved one is used.
        const { zone: _, ...noZone } = c;
        const during = h.core.understandRequest({ caller: noZone, text: 'tomorrow at 3 phone for an hour' });
        await new Promise((r) => setTimeout(r, 20));
        release();
        expect(await during).toMatchObject({ kind: 'proposal', zone: 'America/New_York', startsAt: '2026-12-01T20:00:00.000Z' });
        expect(await rolledBack).toBe('roll back');
      });

      it('a length named but not offered is proposed at the nearest offered length with a note saying so; an offered one has none', async () => {
        const ask = (text: string) => h.core.understandRequest({ caller: c, text });
        const offered = [30, 60];
        expect(await ask('tomorrow 3pm for 45 minutes')).toMatchObject({ kind: 'proposal', lengthMinutes: 30, lengthNote: { code: 'length_not_offered', asked: 45, offered, used: 30 } });
        expect(await ask('tomorrow 3pm for 2 hours')).toMatchObject({ kind: 'proposal', lengthMinutes: 60, lengthNote: { asked: 120, offered, used: 60 } });
        expect(await ask('tomorrow 3pm for 3 hours')).toMatchObject({ kind: 'proposal', lengthMinutes: 60, lengthNote: { asked: 180, used: 60 } });
        expect(await ask('tomorrow 3pm for an hour and a half')).toMatchObject({ kind: 'proposal', startsAt: '2026-12-01T20:00:00.000Z', lengthMinutes: 60, lengthNote: { asked: 90, used: 60 } });
        // Nonsense is never replaced unsaid either: 0 and a negative length are noted as asked.
        expect(await ask('tomorrow 3pm for 0 minutes')).toMatchObject({ kind: 'proposal', lengthMinutes: 30, lengthNote: { asked: 0, used: 30 } });
        expect(await ask('tomorrow 3pm -30 minutes')).toMatchObject({ kind: 'proposal', startsAt: '2026-12-01T20:00:00.000Z', lengthMinutes: 30, lengthNote: { asked: -30, used: 30 } });
        // Every answer that is for a length carries it (a window's times here).
        expect(await ask('friday afternoon for 45 minutes')).toMatchObject({ kind: 'choose', lengthMinutes: 30, lengthNote: { asked: 45, used: 30 } });
        for (const text of ['tomorrow 3pm for 30 minutes', 'tomorrow 3pm for an hour', 'tomorrow 3pm']) {
          const r = await ask(text);
          expect(r.kind, text).toBe('proposal');
          expect(r, text).not.toHaveProperty('lengthNote');
        }
      });

      it('quotes the standard fee to an unlinked person', async () => {
        const r = await h.core.understandRequest({ caller: customer('U8'), text: 'tomorrow at 3 phone for an hour' });
        expect(r).toMatchObject({ kind: 'proposal', quote: { kind: 'not_linked', feeCents: 11000 } });
      });
    });
  });
}
