/**
 * The availability search reads busy time day by day and stops early; these tests hold it to the
 * plain answer: every opening of the range computed in one go from all busy time (the way the
 * search worked before it read incrementally), on a real database with bookings of every length,
 * buffer and status spread over five weeks, staff in three zones, days off and a DST change.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { databases, type TestDatabase } from '../support/test-database.js';
import { configWith } from '../support/config.js';
import type { Config, StaffConfig } from '../../core/config/schema.js';
import { findOpenings, bookingBounds, dayKeyer, type Opening } from '../../core/availability/openings.js';
import { freeSlots } from '../../core/availability/free-slots.js';
import { withinHours, workingIntervals } from '../../core/availability/working-intervals.js';
import { cachedWithinHours, cachedWorkingIntervals } from '../../core/availability/working-cache.js';
import type { Tx } from '../../core/ports/store.js';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const NOW = new Date('2027-03-10T15:07:00Z'); // the US changes clocks on 14 March, Europe on 28 March

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let x = seed >>> 0;
  return () => {
    x = (x * 1664525 + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

function config(): Config {
  return configWith((cfg) => {
    const base = cfg.staff[0]!;
    cfg.staff = [
      { ...base, id: 'ny', zone: 'America/New_York', daysOff: ['2027-03-15'], hours: { mon: '09:00-17:00', tue: '09:00-17:00', wed: ['08:00-12:00', '13:00-18:00'], thu: '09:00-17:00', fri: '09:00-15:00', sat: 'off', sun: 'off' } },
      { ...base, id: 'ldn', zone: 'Europe/London', identities: { console: 'ldn' }, daysOff: [], hours: { mon: '13:00-21:00', tue: '13:00-21:00', wed: '13:00-21:00', thu: '13:00-21:00', fri: '13:00-21:00', sat: '10:00-14:00', sun: 'off' } },
      { ...base, id: 'ber', zone: 'Europe/Berlin', identities: { console: 'ber' }, daysOff: ['2027-03-20'], hours: { mon: '00:00-24:00', tue: '00:00-24:00', wed: '00:00-24:00', thu: '00:00-24:00', fri: '00:00-24:00', sat: '00:00-24:00', sun: '00:00-24:00' } },
    ];
  });
}

/** The plain search: all busy time of the range (and a day either side) at once, staff by staff. */
async function reference(tx: Tx, cfg: Config, q: { kind: 'online' | 'phone'; lengthMinutes: number; from: Date; to: Date; now: Date }): Promise<Opening[]> {
  const bounds = bookingBounds(cfg, q.now);
  const from = new Date(Math.max(q.from.getTime(), bounds.earliest.getTime()));
  const to = new Date(Math.min(q.to.getTime(), bounds.latest.getTime()));
  if (to <= from) return [];
  const busy = await tx.bookings.busy(cfg.staff.map((s) => s.id), new Date(from.getTime() - 2 * DAY), new Date(to.getTime() + 2 * DAY));
  const byStart = new Map<number, string[]>();
  for (const s of cfg.staff) {
    const slots = freeSlots({
      working: workingIntervals(s, DateTime.fromJSDate(from, { zone: s.zone }).startOf('day').toJSDate(), new Date(to.getTime() + q.lengthMinutes * MIN)),
      busy: busy.filter((b) => b.staffId === s.id),
      lengthMinutes: q.lengthMinutes,
      bufferMinutes: cfg.sessionKinds[q.kind].bufferMinutes,
      stepMinutes: cfg.policy.slotStepMinutes,
      notBefore: from,
      notAfter: to,
    });
    for (const t of slots) byStart.set(t.getTime(), [...(byStart.get(t.getTime()) ?? []), s.id]);
  }
  const dayOf = dayKeyer(cfg.vendor.zone, new Date(from.getTime() - 2 * DAY), new Date(to.getTime() + 2 * DAY));
  const load = new Map<string, number>();
  for (const b of busy) load.set(`${b.staffId}|${dayOf(b.start)}`, (load.get(`${b.staffId}|${dayOf(b.start)}`) ?? 0) + 1);
  const order = cfg.staff.map((s) => s.id);
  return [...byStart.keys()].sort((a, b) => a - b).map((t) => ({
    start: new Date(t),
    end: new Date(t + q.lengthMinutes * MIN),
    staffIds: [...byStart.get(t)!].sort((a, b) => (load.get(`${a}|${dayOf(new Date(t))}`) ?? 0) - (load.get(`${b}|${dayOf(new Date(t))}`) ?? 0) || order.indexOf(a) - order.indexOf(b)),
  }));
}

const show = (os: Opening[]) => os.map((o) => `${o.start.toISOString()} ${o.staffIds.join(',')}`);

for (const dbDef of databases) {
  describe.skipIf(!dbDef.enabled)(`the incremental availability search on ${dbDef.name}`, () => {
    let db: TestDatabase;
    beforeEach(async () => {
      db = await dbDef.open();
    });
    afterEach(async () => db.close());

    it('gives the first `limit` openings of the plain search, staff ranked the same, for every limit and window, with busy and free stretches', async () => {
      const cfg = config();
      const company = await db.prisma.company.create({ data: { name: 'Co' } });
      const member = await db.prisma.member.create({ data: { platform: 'console', platformUserId: 'm', companyId: company.id } });
      const next = rng(11);
      const rows = [];
      const statuses = ['confirmed', 'confirmed', 'confirmed', 'pending_approval', 'awaiting_payment', 'cancelled', 'declined', 'completed'];
      // Days 0-9 nearly full (the search must walk on), days 10-35 sparse; some bookings start before now.
      for (let n = 0; n < 900; n++) {
        const dense = n < 600;
        const day = dense ? Math.floor(next() * 10) : 10 + Math.floor(next() * 26);
        const start = Math.floor((NOW.getTime() - 2 * DAY + day * DAY + Math.floor(next() * 288) * 5 * MIN) / (5 * MIN)) * 5 * MIN;
        const length = [15, 30, 45, 60, 90, 240][Math.floor(next() * 6)]!;
        rows.push({
          reference: `R${n}`, joinToken: `j${n}`, companyId: company.id, memberId: member.id, staffId: cfg.staff[Math.floor(next() * 3)]!.id,
          kind: 'online', status: statuses[Math.floor(next() * statuses.length)]!, startsAt: new Date(start), endsAt: new Date(start + length * MIN),
          lengthMinutes: length, bufferMinutes: [0, 5, 10, 120][Math.floor(next() * 4)]!, priceCents: 0, currency: 'USD', priceBasis: 'plan_free',
          phoneNumber: '+1 555', phonePin: '000000', platform: 'console',
        });
      }
      await db.prisma.booking.createMany({ data: rows });
      let compared = 0;
      await db.store.transaction(async (tx) => {
        for (const [kind, lengthMinutes] of [['online', 30], ['phone', 60]] as const) {
          {
            const q = { kind, lengthMinutes, from: new Date(NOW.getTime() - 3 * 3600_000), to: new Date(NOW.getTime() + 35 * DAY), now: NOW };
            const all = await reference(tx, cfg, q);
            expect(all.length).toBeGreaterThan(60);
            expect(show(await findOpenings(tx, cfg, q))).toEqual(show(all));
            for (const limit of [1, 8, 50, 5000]) {
              expect(show(await findOpenings(tx, cfg, { ...q, limit }))).toEqual(show(all.slice(0, limit)));
              compared++;
            }
            // A window starting later and ending in the middle of a day.
            const later = { ...q, from: new Date(NOW.getTime() + 4 * DAY + 7 * 3600_000), to: new Date(NOW.getTime() + 20 * DAY + 11 * 3600_000) };
            const some = await reference(tx, cfg, later);
            for (const limit of [2, 40]) expect(show(await findOpenings(tx, cfg, { ...later, limit }))).toEqual(show(some.slice(0, limit)));
          }
        }
      });
      expect(compared).toBe(8);
    });
  });
}

describe('working hours from the cache', () => {
  it('are the same intervals as computed afresh, for any range, over both DST changes, days off and full days', () => {
    const cfg = config();
    const night = { ...cfg.staff[0]!, id: 'night', zone: 'Europe/Berlin', daysOff: ['2027-03-27'], hours: { mon: '22:00-06:00', tue: '22:00-06:00', wed: 'off', thu: '20:00-08:00', fri: ['08:00-12:00', '20:00-08:00'], sat: '00:00-24:00', sun: '10:00-18:00' } } as unknown as StaffConfig;
    const next = rng(5);
    const plain = (xs: Array<{ start: Date; end: Date }>) => xs.map((x) => ({ ...x }));
    for (const s of [...cfg.staff, night]) {
      for (let i = 0; i < 40; i++) {
        const from = new Date(Date.parse('2027-03-05T00:00:00Z') + Math.floor(next() * 30 * 24 * 12) * 5 * MIN);
        const to = new Date(from.getTime() + Math.floor(next() * 10 * 24 * 12) * 5 * MIN);
        expect(plain(cachedWorkingIntervals(s, from, to))).toEqual(plain(workingIntervals(s, from, to)));
      }
    }
  });

  it('answer withinHours the same for sessions at and across shift edges, midnight and both DST changes', () => {
    const cfg = config();
    const night = { ...cfg.staff[0]!, id: 'night', zone: 'Europe/Berlin', daysOff: ['2027-03-27'], hours: { mon: '22:00-06:00', tue: '22:00-06:00', wed: 'off', thu: '20:00-08:00', fri: ['08:00-12:00', '20:00-08:00'], sat: '00:00-24:00', sun: '10:00-18:00' } } as unknown as StaffConfig;
    const next = rng(11);
    let inside = 0;
    let outside = 0;
    for (const s of [...cfg.staff, night]) {
      for (let i = 0; i < 400; i++) {
        const start = new Date(Date.parse('2027-03-05T00:00:00Z') + Math.floor(next() * 30 * 24 * 4) * 15 * MIN);
        const end = new Date(start.getTime() + [15, 30, 45, 60, 90, 120, 600][i % 7]! * MIN);
        const expected = withinHours(s, start, end);
        expect(cachedWithinHours(s, start, end), `${s.id} ${start.toISOString()}–${end.toISOString()}`).toBe(expected);
        if (expected) inside++;
        else outside++;
      }
    }
    expect(inside).toBeGreaterThan(100);
    expect(outside).toBeGreaterThan(100);
  });

  it('are computed again for a changed staff record (a reloaded config)', () => {
    const s = config().staff[0]!;
    const from = new Date('2027-03-15T00:00:00Z');
    const to = new Date('2027-03-16T00:00:00Z');
    expect(cachedWorkingIntervals(s, from, to)).toEqual([]); // 15 March is a day off
    const changed = { ...s, daysOff: [] };
    expect(cachedWorkingIntervals(changed, from, to).map((w) => w.start.toISOString())).toEqual(['2027-03-15T13:00:00.000Z']);
  });
});
