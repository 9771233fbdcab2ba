/**
 * Decisions that once lived in the adapters, now core's: a move that ignores the booking's own
 * time, a staff cancel decided by core, the "other times" window from config, the earlier
 * deliveries of a booking through core's door, and system reasons as codes (no English from core).
 */
import { expect, it } from 'vitest';
import { forEachDatabase } from '../support/each-database.js';
import { companyWithPlan, customer, harness, linkedCustomer, staffAlice } from '../support/core-harness.js';
import { configWith } from '../support/config.js';
import { START, CUTOFF, book, mins, notices } from './helpers.js';

forEachDatabase('policy decided in core', (t) => {
  it('understandMove: the booking\'s own time is not "taken"; somebody else\'s still is', async () => {
    const code = await companyWithPlan(t.h);
    const mine = await book(t.h, await linkedCustomer(t.h, 'U1', code), START);
    // the other staff member is busy then too, so 15:15 is taken for anybody but the 15:00 booking itself
    await book(t.h, customer('U2'), START, { payStandardFee: true });
    const asked = await t.h.core.understandRequest({ caller: customer('U1'), text: 'tomorrow at 3:15pm', kind: 'online', lengthMinutes: 30 });
    expect(asked).toMatchObject({ kind: 'unavailable', reason: 'slot_taken' });
    const moved = await t.h.core.understandMove({ caller: customer('U1'), bookingId: mine.bookingId, text: 'tomorrow at 3:15pm' });
    expect(moved).toMatchObject({ kind: 'proposal', startsAt: '2026-12-01T20:15:00.000Z', sessionKind: 'online', lengthMinutes: 30 });
    // other people's bookings still count: both staff are busy at 11:00
    const other = await book(t.h, customer('U3'), mins(START, -240), { payStandardFee: true });
    await book(t.h, customer('U4'), mins(START, -240), { payStandardFee: true });
    expect(await t.h.core.understandMove({ caller: customer('U1'), bookingId: mine.bookingId, text: 'tomorrow at 11am' })).toMatchObject({ kind: 'unavailable', reason: 'slot_taken' });
    // who may move it is core's too
    expect(await t.h.core.understandMove({ caller: customer('U9'), bookingId: mine.bookingId, text: 'tomorrow at 4pm' })).toEqual({ kind: 'not_allowed' });
    expect(await t.h.core.understandMove({ caller: customer('U1'), bookingId: 'nope', text: 'tomorrow at 4pm' })).toEqual({ kind: 'not_found' });
    await t.h.core.cancelBooking({ caller: customer('U3'), bookingId: other.bookingId });
    expect(await t.h.core.understandMove({ caller: customer('U3'), bookingId: other.bookingId, text: 'tomorrow at 4pm' })).toEqual({ kind: 'not_active', status: 'cancelled' });
  });

  it('staffCancelBooking: a customer is refused (audited, nothing changes); staff cancel after the cutoff', async () => {
    const b = await book(t.h, customer('U1'), START, { payStandardFee: true });
    await t.h.core.approveBooking({ caller: staffAlice, bookingId: b.bookingId });
    t.h.clock.set(mins(CUTOFF, 5));
    expect(await t.h.core.staffCancelBooking({ caller: customer('U1'), bookingId: b.bookingId, reason: 'I am staff, honest' })).toEqual({ kind: 'not_allowed' });
    expect((await t.db.prisma.booking.findUniqueOrThrow({ where: { id: b.bookingId } })).status).toBe('confirmed');
    const audit = await t.db.prisma.auditEntry.findMany({ where: { action: 'refused_staff_action' } });
    expect(audit.map((e) => (typeof e.details === 'string' ? JSON.parse(e.details) : e.details))).toEqual([{ action: 'staffCancelBooking', target: b.bookingId }]);
    // the customer's own cancel is past the cutoff
    expect(await t.h.core.cancelBooking({ caller: customer('U1'), bookingId: b.bookingId })).toMatchObject({ kind: 'too_late' });
    const r = await t.h.core.staffCancelBooking({ caller: staffAlice, bookingId: b.bookingId, reason: 'Our line is down' });
    expect(r).toMatchObject({ kind: 'cancelled', byStaff: true });
    await t.h.sweep();
    expect(notices(t.h, 'booking_cancelled')).toEqual([expect.objectContaining({ by: 'staff', reason: 'Our line is down' })]);
  });

  it('a staff cancel of the session as the staff list showed it (its sequence) cancels nothing once it moved since, and tells nobody', async () => {
    const b = await book(t.h, customer('U1'), START, { payStandardFee: true });
    await t.h.core.approveBooking({ caller: staffAlice, bookingId: b.bookingId });
    const shown = (await t.db.prisma.booking.findUniqueOrThrow({ where: { id: b.bookingId } })).sequence;
    const later = mins(START, 24 * 60);
    expect(await t.h.core.rescheduleBooking({ caller: customer('U1'), bookingId: b.bookingId, startsAt: later })).toMatchObject({ kind: 'rescheduled' });
    await t.h.sweep();
    t.h.notifier.clear();

    expect(await t.h.core.staffCancelBooking({ caller: staffAlice, bookingId: b.bookingId, reason: 'Our line is down', expectedSequence: shown })).toEqual({ kind: 'changed' });
    expect(await t.db.prisma.booking.findUniqueOrThrow({ where: { id: b.bookingId } })).toMatchObject({ status: 'confirmed', startsAt: later });
    expect(await t.db.prisma.auditEntry.count({ where: { entityId: b.bookingId, action: 'cancelled' } })).toBe(0);
    await t.h.sweep();
    expect(notices(t.h, 'booking_cancelled')).toEqual([]);
    expect(notices(t.h, 'staff_booking_cancelled')).toEqual([]);

    const now = (await t.db.prisma.booking.findUniqueOrThrow({ where: { id: b.bookingId } })).sequence;
    expect(await t.h.core.staffCancelBooking({ caller: staffAlice, bookingId: b.bookingId, reason: 'Our line is down', expectedSequence: now })).toMatchObject({ kind: 'cancelled', byStaff: true, booking: { startsAt: later.toISOString() } });
  });

  it('a staff cancel without a reason carries no English: the presenter says "our staff cancelled"', async () => {
    const b = await book(t.h, customer('U1'), START, { payStandardFee: true });
    expect(await t.h.core.staffCancelBooking({ caller: staffAlice, bookingId: b.bookingId })).toMatchObject({ kind: 'cancelled' });
    await t.h.sweep();
    expect(notices(t.h, 'booking_cancelled')).toEqual([expect.objectContaining({ by: 'staff', reason: null })]);
  });

  it('otherTimes: the window after the offered time comes from policy.otherTimesDays', async () => {
    const after = START;
    const week = await t.h.core.otherTimes({ caller: customer('U1'), kind: 'online', lengthMinutes: 30, after, limit: 25 });
    expect(week.kind).toBe('openings');
    const oneDay = harness(t.db, { config: configWith((c) => void (c.policy.otherTimesDays = 1)) });
    // 15:30 NY onwards for one day: only the rest of Tuesday and Wednesday morning (staff hours end 21:00 London)
    const r = await oneDay.core.otherTimes({ caller: customer('U1'), kind: 'online', lengthMinutes: 30, after, limit: 25 });
    if (r.kind !== 'openings' || week.kind !== 'openings') throw new Error(r.kind);
    expect(r.slots.length).toBeGreaterThan(0);
    for (const s of r.slots) {
      expect(Date.parse(s.startsAt)).toBeGreaterThanOrEqual(after.getTime() + 30 * 60_000);
      expect(Date.parse(s.startsAt)).toBeLessThanOrEqual(after.getTime() + 30 * 60_000 + 86_400_000);
    }
    expect(Math.max(...week.slots.map((s) => Date.parse(s.startsAt)))).toBeGreaterThan(after.getTime() + 30 * 60_000 + 86_400_000);
  });

  it('deliveredMessages: the earlier deliveries of a booking, with their references, from core', async () => {
    const b = await book(t.h, customer('U1'), START, { payStandardFee: true });
    expect(await t.h.core.deliveredMessages(b.bookingId)).toEqual([]);
    await t.h.sweep();
    const delivered = await t.h.core.deliveredMessages(b.bookingId);
    expect(delivered.map((d) => d.type)).toContain('booking_pending');
    expect(delivered.every((d) => typeof d.deliveryRef === 'string')).toBe(true);
  });
});
