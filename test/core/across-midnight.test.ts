import { expect, it } from 'vitest';
import { forEachDatabase } from '../support/each-database.js';
import { harness, companyWithPlan, linkedCustomer } from '../support/core-harness.js';
import { configWith } from '../support/config.js';

// Alice works round the clock in Berlin; Ben has a Saturday night shift in Berlin. The clock: Monday 30 Nov 2026.
const config = configWith((c) => {
  const all = '00:00-24:00';
  c.staff[0]!.zone = 'Europe/Berlin';
  c.staff[0]!.hours = { mon: all, tue: all, wed: all, thu: all, fri: all, sat: all, sun: all };
  c.staff[0]!.daysOff = [];
  c.staff[1]!.zone = 'Europe/Berlin';
  c.staff[1]!.hours = { mon: 'off', tue: 'off', wed: 'off', thu: 'off', fri: 'off', sat: '22:00-06:00', sun: 'off' };
});

forEachDatabase('a session across a staff member\'s local midnight', (t) => {
  it('books 23:30-00:30 Berlin with the 24-hour staff member, holds it in the database, and refuses an overlapping one', async () => {
    const h = harness(t.db, { config });
    const a = await linkedCustomer(h, 'U1', await companyWithPlan(h), 'Europe/Berlin');
    const b = await linkedCustomer(h, 'U2', 'ACME-2026', 'Europe/Berlin');
    // Wed 2 Dec 2026 23:30 CET = 22:30 UTC, 60 minutes: ends Thu 00:30 CET.
    const r = await h.core.bookSession({ caller: a, kind: 'online', lengthMinutes: 60, startsAt: new Date('2026-12-02T22:30:00Z') });
    expect(r.kind).toBe('booked');
    expect(r.kind === 'booked' && [r.booking.staffName, r.booking.endsAt]).toEqual(['Alice Moreno', '2026-12-02T23:30:00.000Z']);
    // Thu 00:00 CET is inside Alice's new day but she is busy until 00:30 (+ the buffer), and Ben is off.
    const overlap = await h.core.bookSession({ caller: b, kind: 'online', lengthMinutes: 30, startsAt: new Date('2026-12-02T23:00:00Z') });
    expect(overlap.kind).toBe('slot_taken');
    expect(await t.db.prisma.booking.count()).toBe(1);
  });

  it('offers the times around midnight in the list of times, and books Saturday 23:30 on the DST night of 27 Mar 2027 with either', async () => {
    const h = harness(t.db, { config, now: '2027-03-26T12:00:00Z' });
    const a = await linkedCustomer(h, 'U1', await companyWithPlan(h), 'Europe/Berlin');
    const r = await h.core.findOpenings({ caller: a, kind: 'online', lengthMinutes: 60, from: new Date('2027-03-27T22:00:00Z'), to: new Date('2027-03-28T01:00:00Z') });
    expect(r.kind === 'openings' && r.slots.map((s) => s.startsAt)).toEqual([
      '2027-03-27T22:00:00.000Z', '2027-03-27T22:30:00.000Z', '2027-03-27T23:00:00.000Z', '2027-03-27T23:30:00.000Z',
      '2027-03-28T00:00:00.000Z', '2027-03-28T00:30:00.000Z', '2027-03-28T01:00:00.000Z',
    ]);
    // Sat 23:30 CET = 22:30 UTC: both can take it; Alice books it, then Ben's night shift takes the next one at the same time.
    const first = await h.core.bookSession({ caller: a, kind: 'online', lengthMinutes: 60, startsAt: new Date('2027-03-27T22:30:00Z') });
    expect(first.kind).toBe('booked');
    const b = await linkedCustomer(h, 'U2', 'ACME-2026', 'Europe/Berlin');
    const second = await h.core.bookSession({ caller: b, kind: 'online', lengthMinutes: 60, startsAt: new Date('2027-03-27T22:30:00Z') });
    expect(second.kind).toBe('booked');
    const staff = (await t.db.prisma.booking.findMany()).map((x) => x.staffId).sort();
    expect(staff).toEqual(['alice', 'ben']);
    // Ben's shift ends Sunday 06:00 CEST = 04:00 UTC: a session 05:30-06:30 CEST runs past it; Alice takes it.
    const c = await linkedCustomer(h, 'U3', 'ACME-2026', 'Europe/Berlin');
    const late = await h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 60, startsAt: new Date('2027-03-28T03:30:00Z') });
    expect(late.kind === 'booked' && late.booking.staffName).toBe('Alice Moreno');
  });
});
