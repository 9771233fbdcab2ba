import { expect, it } from 'vitest';
import { forEachDatabase } from '../../test/support/each-database.js';
import { harness, companyWithPlan, linkedCustomer, customer, staffAlice } from '../../test/support/core-harness.js';
import { configWith } from '../../test/support/config.js';

// Monday 30 Nov 2026 09:00 New York. Tuesday 1 Dec 15:00 New York = 20:00 UTC.
const TUE_3PM_NY = new Date('2026-12-01T20:00:00Z');

forEachDatabase(`bookSession`, (t) => {
  it('books a free plan session, confirms it with links, and plans reminders and the no-show check', async () => {
    const code = await companyWithPlan(t.h);
    const c = await linkedCustomer(t.h, 'U1', code);
    const r = await t.h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 30, startsAt: TUE_3PM_NY });
    expect(r.kind).toBe('booked');
    if (r.kind !== 'booked') return;
    expect(r.booking).toMatchObject({ priceCents: 0, priceBasis: 'plan_free', status: 'confirmed', startsAt: TUE_3PM_NY.toISOString(), zone: 'America/New_York' });
    expect(r.booking.joinUrl).toMatch(/^http:\/\/localhost:3000\/j\//);
    expect(r.booking.phoneNumber).toBe('+1 555 010 0200');
    expect(r.booking.phonePin).toMatch(/^\d{6}$/);
    // the change window ends 65 minutes before the start
    expect(r.booking.changeUntil).toBe('2026-12-01T18:55:00.000Z');

    const rows = await t.db.prisma.notification.findMany({ orderBy: { dueAt: 'asc' } });
    expect(rows.map((n) => [n.type, n.dueAt.toISOString()])).toEqual([
      ['booking_confirmed', '2026-11-30T14:00:00.000Z'],
      ['reminder', '2026-11-30T20:00:00.000Z'],
      ['reminder', '2026-12-01T18:00:00.000Z'],
    ]);
    const jobs = await t.db.prisma.job.findMany({ orderBy: { dueAt: 'asc' } });
    expect(jobs.map((j) => [j.type, j.dueAt.toISOString()])).toEqual([
      ['cutoff_passed', '2026-12-01T18:55:01.000Z'],
      ['no_show_check', '2026-12-01T20:10:00.000Z'],
    ]);
    const sweep = await t.h.sweep();
    expect(sweep.sent).toBe(1);
    expect(t.h.notifier.types()).toEqual(['booking_confirmed']);
  });

  it('refuses a second booking of the only free staff member at an overlapping time with three alternatives', async () => {
    const code = await companyWithPlan(t.h);
    const a = await linkedCustomer(t.h, 'U1', code);
    const b = await linkedCustomer(t.h, 'U2', code);
    // 10:00 NY Tuesday: only Alice works then (Ben works 13:00-21:00 London = 08:00-16:00 NY). Both can: pick 09:00 NY (Ben: 14:00 London).
    const nineAm = new Date('2026-12-01T14:00:00Z');
    expect((await t.h.core.bookSession({ caller: a, kind: 'online', lengthMinutes: 60, startsAt: nineAm })).kind).toBe('booked');
    expect((await t.h.core.bookSession({ caller: b, kind: 'online', lengthMinutes: 60, startsAt: nineAm })).kind).toBe('booked');
    const third = await t.h.core.bookSession({ caller: a, kind: 'online', lengthMinutes: 30, startsAt: new Date('2026-12-01T14:30:00Z') });
    expect(third.kind).toBe('slot_taken');
    if (third.kind !== 'slot_taken') return;
    expect(third.alternatives).toHaveLength(3);
    // nearest free starts: 08:00 NY Tuesday is before Alice's day but Ben (13:00 London) is free at 08:00 NY
    for (const alt of third.alternatives) expect(new Date(alt.startsAt).getTime()).not.toBe(new Date('2026-12-01T14:30:00Z').getTime());
    const staffIds = (await t.db.prisma.booking.findMany({ orderBy: { createdAt: 'asc' } })).map((x) => x.staffId);
    expect(new Set(staffIds)).toEqual(new Set(['alice', 'ben']));
  });

  it('answers outside_hours for a Sunday and in_past, too_soon and too_far by the clock', async () => {
    const code = await companyWithPlan(t.h);
    const c = await linkedCustomer(t.h, 'U1', code);
    const sunday = await t.h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 30, startsAt: new Date('2026-12-06T15:00:00Z') });
    expect(sunday.kind).toBe('outside_hours');
    expect((await t.h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 30, startsAt: new Date('2026-11-30T13:00:00Z') })).kind).toBe('in_past');
    const soon = await t.h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 30, startsAt: new Date('2026-11-30T14:30:00Z') });
    // The shipped minimum notice is the 65-minute change window: nothing is booked that could never change.
    expect(soon).toEqual({ kind: 'too_soon', earliest: '2026-11-30T15:05:00.000Z' });
    const far = await t.h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 30, startsAt: new Date('2027-03-01T15:00:00Z') });
    expect(far.kind).toBe('too_far');
    expect(await t.db.prisma.booking.count()).toBe(0);
  });

  it('asks an unlinked person for the code, and refuses a wrong code without booking', async () => {
    await companyWithPlan(t.h);
    const c = customer('U9');
    const r = await t.h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 30, startsAt: TUE_3PM_NY });
    expect(r).toEqual({ kind: 'not_linked', feeCents: 7500, currency: 'USD' });
    const wrong = await t.h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 30, startsAt: TUE_3PM_NY, code: 'NOPE-0000' });
    expect(wrong).toEqual({ kind: 'code_invalid', attemptsLeft: 4 });
    const right = await t.h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 30, startsAt: TUE_3PM_NY, code: 'acme 2026' });
    expect(right.kind).toBe('booked');
    expect(await t.db.prisma.booking.count()).toBe(1);
  });

  it('books a paid session for a customer without a plan and sends it to staff for approval (paid_only)', async () => {
    const c = customer('U5', 'Europe/Berlin');
    const r = await t.h.core.bookSession({ caller: c, kind: 'phone', lengthMinutes: 60, startsAt: TUE_3PM_NY, payStandardFee: true });
    expect(r.kind).toBe('pending_approval');
    if (r.kind !== 'pending_approval') return;
    expect(r.booking).toMatchObject({ priceCents: 11000, priceBasis: 'standard_fee', zone: 'Europe/Berlin' });
    await t.h.sweep();
    expect(t.h.notifier.types().sort()).toEqual(['booking_pending', 'staff_approval_request']);
    const approved = await t.h.core.approveBooking({ caller: staffAlice, bookingId: r.booking.bookingId });
    expect(approved).toMatchObject({ kind: 'approved', by: 'Alice Moreno' });
    const again = await t.h.core.approveBooking({ caller: staffAlice, bookingId: r.booking.bookingId });
    expect(again).toMatchObject({ kind: 'already_decided', status: 'confirmed', by: 'Alice Moreno' });
    expect(await t.db.prisma.notification.count({ where: { type: 'reminder' } })).toBe(2);
  });

  it('keeps the fee a booking was made at when the fee schedule changes', async () => {
    const c = customer('U6');
    const r = await t.h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 30, startsAt: TUE_3PM_NY, payStandardFee: true });
    expect(r.kind).toBe('pending_approval');
    const raised = harness(t.db, { config: configWith((cfg) => { cfg.fees.standard.online['30'] = 95; }) });
    const list = await raised.core.listSessions({ caller: c });
    expect(list.kind === 'sessions' && list.sessions[0]!.booking.priceCents).toBe(7500);
    const second = await raised.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 30, startsAt: new Date('2026-12-02T20:00:00Z'), payStandardFee: true });
    expect(second.kind === 'pending_approval' && second.booking.priceCents).toBe(9500);
  });

  it('lets exactly one of 8 concurrent requests for the same slot win, and never books one person twice', async () => {
    const code = await companyWithPlan(t.h);
    const callers = await Promise.all(Array.from({ length: 8 }, (_, i) => linkedCustomer(t.h, `UC${i}`, code)));
    // 10:00 NY Tuesday: Alice and Ben both work; 16 requests for 2 staff → exactly 2 win.
    const start = new Date('2026-12-01T15:00:00Z');
    const results = await Promise.all(callers.flatMap((c) => [
      t.h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 60, startsAt: start }),
      t.h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 60, startsAt: start }),
    ]));
    expect(results.filter((r) => r.kind === 'booked')).toHaveLength(2);
    // A winner's second (double) press finds either the slot gone or its own booking.
    expect(results.filter((r) => r.kind === 'slot_taken' || r.kind === 'already_booked')).toHaveLength(14);
    const rows = await t.db.prisma.booking.findMany({ where: { status: 'confirmed' } });
    expect(rows.map((r) => r.staffId).sort()).toEqual(['alice', 'ben']);
    expect(new Set(rows.map((r) => r.memberId)).size).toBe(2);
  });
});
