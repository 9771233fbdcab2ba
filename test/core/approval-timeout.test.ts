import { expect, it } from 'vitest';
import { forEachDatabase } from '../support/each-database.js';
import { customer, staffAlice } from '../support/core-harness.js';
import { START, secs, mins, book, notices } from './helpers.js';

forEachDatabase(`a booking nobody approved before its start`, (t) => {
  const status = async (id: string) => (await t.db.prisma.booking.findUniqueOrThrow({ where: { id } })).status;

  it('is declined by the system at its start, frees the time, and the customer is told', async () => {
    const b = await book(t.h, customer('U3'), START, { payStandardFee: true });
    expect(b.status).toBe('pending_approval');
    t.h.clock.set(secs(START, -1));
    await t.h.sweep();
    expect(await status(b.bookingId)).toBe('pending_approval');
    t.h.clock.set(START);
    await t.h.sweep();
    expect(await status(b.bookingId)).toBe('declined');
    // Core says why as a code (no English): the presenter words it in each reader's language.
    expect(notices(t.h, 'booking_declined')).toEqual([expect.objectContaining({ reason: null, reasonCode: 'approval_timeout' })]);
    expect(notices(t.h, 'staff_booking_cancelled')).toEqual([expect.objectContaining({ by: 'system', reason: null, reasonCode: 'approval_timeout' })]);
    // The pending message's "Cancel request" button goes: the customer's earlier message is edited.
    expect(notices(t.h, 'actions_expired')).toEqual([expect.objectContaining({ why: 'declined', booking: expect.objectContaining({ bookingId: b.bookingId, status: 'declined' }) })]);
    expect(await t.db.prisma.slotCell.count({ where: { bookingId: b.bookingId } })).toBe(0);
    expect(await t.h.core.approveBooking({ caller: staffAlice, bookingId: b.bookingId })).toMatchObject({ kind: 'already_decided', status: 'declined' });
  });

  it('leaves an approved booking alone, and follows a reschedule of a waiting one', async () => {
    const approved = await book(t.h, customer('U4'), START, { payStandardFee: true });
    await t.h.core.approveBooking({ caller: staffAlice, bookingId: approved.bookingId });
    const waiting = await book(t.h, customer('U5'), mins(START, -120), { payStandardFee: true });
    const later = mins(START, 24 * 60);
    expect(await t.h.core.rescheduleBooking({ caller: customer('U5'), bookingId: waiting.bookingId, startsAt: later })).toMatchObject({ kind: 'rescheduled' });
    t.h.clock.set(mins(START, 5));
    await t.h.sweep();
    expect(await status(approved.bookingId)).toBe('confirmed');
    expect(await status(waiting.bookingId)).toBe('pending_approval');
    t.h.clock.set(later);
    await t.h.sweep();
    expect(await status(waiting.bookingId)).toBe('declined');
  });
});

forEachDatabase(`an emergency nobody squeezed in by the end of the day`, (t) => {
  it('is declined with a reason at the end of the vendor day, and a later squeeze-in is refused', async () => {
    const c = customer('U9');
    const r = await t.h.core.requestEmergency({ caller: c, description: 'Nothing prints', payStandardFee: true });
    if (r.kind !== 'emergency_requested') throw new Error(r.kind);
    t.h.clock.set('2026-12-01T04:59:59Z'); // 23:59:59 New York
    await t.h.sweep();
    expect((await t.db.prisma.booking.findUniqueOrThrow({ where: { id: r.booking.bookingId } })).status).toBe('emergency_requested');
    t.h.clock.set('2026-12-01T05:00:00Z');
    await t.h.sweep();
    expect((await t.db.prisma.booking.findUniqueOrThrow({ where: { id: r.booking.bookingId } })).status).toBe('declined');
    expect(notices(t.h, 'emergency_declined')).toEqual([expect.objectContaining({ reason: null, reasonCode: 'emergency_timeout' })]);
    expect(await t.h.core.squeezeIn({ caller: staffAlice, bookingId: r.booking.bookingId, staffId: 'alice', startsAt: new Date('2026-12-01T15:00:00Z') })).toMatchObject({ kind: 'already_decided', status: 'declined' });
  });
});

forEachDatabase(`a waiting request that moves`, (t) => {
  it('asks staff again with the new time', async () => {
    const c = customer('U6');
    const b = await book(t.h, c, START, { payStandardFee: true });
    await t.h.sweep();
    t.h.notifier.clear();
    const to = mins(START, 24 * 60);
    expect(await t.h.core.rescheduleBooking({ caller: c, bookingId: b.bookingId, startsAt: to })).toMatchObject({ kind: 'rescheduled' });
    await t.h.sweep();
    expect(notices(t.h, 'staff_approval_request')).toEqual([expect.objectContaining({ booking: expect.objectContaining({ startsAt: to.toISOString(), status: 'pending_approval' }) })]);
  });

  it('an approval of the request as staff saw it (its sequence) approves nothing once the customer moved it; the newer card’s sequence does', async () => {
    const b = await book(t.h, customer('U6'), START, { payStandardFee: true });
    await t.h.sweep();
    const [card] = notices(t.h, 'staff_approval_request');
    expect(card.booking.sequence).toBe(b.sequence ?? 0);
    const later = mins(START, 24 * 60);
    expect(await t.h.core.rescheduleBooking({ caller: customer('U6'), bookingId: b.bookingId, startsAt: later })).toMatchObject({ kind: 'rescheduled' });
    await t.h.sweep();
    const newer = notices(t.h, 'staff_approval_request').at(-1);
    expect(newer.booking.startsAt).toBe(later.toISOString());
    t.h.notifier.clear();

    expect(await t.h.core.approveBooking({ caller: staffAlice, bookingId: b.bookingId, expectedSequence: card.booking.sequence })).toEqual({ kind: 'changed' });
    expect(await t.db.prisma.booking.findUniqueOrThrow({ where: { id: b.bookingId } })).toMatchObject({ status: 'pending_approval', startsAt: later });
    expect(await t.db.prisma.auditEntry.count({ where: { entityId: b.bookingId, action: 'approved' } })).toBe(0);
    await t.h.sweep();
    expect(notices(t.h, 'booking_approved')).toEqual([]);

    expect(await t.h.core.approveBooking({ caller: staffAlice, bookingId: b.bookingId, expectedSequence: newer.booking.sequence })).toMatchObject({ kind: 'approved', booking: { startsAt: later.toISOString() } });
    // Decided: an old card now says who decided, as before.
    expect(await t.h.core.approveBooking({ caller: staffAlice, bookingId: b.bookingId, expectedSequence: card.booking.sequence })).toMatchObject({ kind: 'already_decided', status: 'confirmed' });
  });
});

forEachDatabase(`a decline of a request as staff saw it`, (t) => {
  it('declines nothing once the customer moved the request, tells nobody; the newer card’s sequence declines it', async () => {
    const b = await book(t.h, customer('U7'), START, { payStandardFee: true });
    await t.h.sweep();
    const [card] = notices(t.h, 'staff_approval_request');
    const later = mins(START, 24 * 60);
    expect(await t.h.core.rescheduleBooking({ caller: customer('U7'), bookingId: b.bookingId, startsAt: later })).toMatchObject({ kind: 'rescheduled' });
    await t.h.sweep();
    const newer = notices(t.h, 'staff_approval_request').at(-1);
    expect(newer.booking.sequence).toBeGreaterThan(card.booking.sequence ?? 0);
    t.h.notifier.clear();

    expect(await t.h.core.declineBooking({ caller: staffAlice, bookingId: b.bookingId, reason: 'Fully booked', expectedSequence: card.booking.sequence ?? 0 })).toEqual({ kind: 'changed' });
    expect(await t.db.prisma.booking.findUniqueOrThrow({ where: { id: b.bookingId } })).toMatchObject({ status: 'pending_approval', startsAt: later });
    expect(await t.db.prisma.slotCell.count({ where: { bookingId: b.bookingId } })).toBeGreaterThan(0);
    expect(await t.db.prisma.auditEntry.count({ where: { entityId: b.bookingId, action: 'declined' } })).toBe(0);
    await t.h.sweep();
    expect(notices(t.h, 'booking_declined')).toEqual([]);
    // The store's guard too: a conditional update at the old sequence changes nothing.
    expect(await t.db.store.transaction((tx) => tx.bookings.transition(b.bookingId, ['pending_approval'], { status: 'declined' }, { sequence: card.booking.sequence ?? 0 }))).toBeNull();

    expect(await t.h.core.declineBooking({ caller: staffAlice, bookingId: b.bookingId, reason: 'Fully booked', expectedSequence: newer.booking.sequence })).toMatchObject({ kind: 'declined', booking: { startsAt: later.toISOString() } });
    await t.h.sweep();
    expect(notices(t.h, 'booking_declined')).toEqual([expect.objectContaining({ reason: 'Fully booked' })]);
    // Decided: the old card now says who decided, as before.
    expect(await t.h.core.declineBooking({ caller: staffAlice, bookingId: b.bookingId, reason: 'Again', expectedSequence: card.booking.sequence ?? 0 })).toMatchObject({ kind: 'already_decided', status: 'declined' });
  });

  it('a decline without a sequence (an older card) still declines the request as it is now, unchecked', async () => {
    const b = await book(t.h, customer('U8'), START, { payStandardFee: true });
    expect(await t.h.core.rescheduleBooking({ caller: customer('U8'), bookingId: b.bookingId, startsAt: mins(START, 60) })).toMatchObject({ kind: 'rescheduled' });
    expect(await t.h.core.declineBooking({ caller: staffAlice, bookingId: b.bookingId, reason: 'No' })).toMatchObject({ kind: 'declined' });
    expect((await t.db.prisma.booking.findUniqueOrThrow({ where: { id: b.bookingId } })).status).toBe('declined');
  });
});
