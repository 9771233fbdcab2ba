/**
 * Emergencies after hours wait for the next working period and expire at its end; squeeze-in options
 * stay within staff hours; a time outside them is confirmed apart (outside_hours_confirm).
 * Staff (example config): Alice New York 09:00-17:00 (Fri -15:00), Ben London 13:00-21:00 = 08:00-16:00 New York.
 */
import { expect, it } from 'vitest';
import { forEachDatabase } from '../support/each-database.js';
import { harness, companyWithPlan, linkedCustomer, staffAlice } from '../support/core-harness.js';
import { notices } from './helpers.js';

const status = async (t: { db: { prisma: any } }, id: string) => (await t.db.prisma.booking.findUniqueOrThrow({ where: { id } })).status;

forEachDatabase('an emergency request made after hours', (t) => {
  it('made Monday 20:00 New York: waits for Tuesday 08:00, offers times in hours then, and is declined at Tuesday 17:00, not at midnight', async () => {
    const h = harness(t.db, { now: '2026-11-30T14:00:00Z' });
    const c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
    h.clock.set('2026-12-01T01:00:00Z'); // Mon 20:00 New York
    const r = await h.core.requestEmergency({ caller: c, description: 'Nothing prints' });
    if (r.kind !== 'emergency_requested') throw new Error(r.kind);
    expect([r.waitsUntil, r.expiresAt]).toEqual(['2026-12-01T13:00:00.000Z', '2026-12-01T22:00:00.000Z']);
    // Options: Ben from 08:00 New York, Alice from 09:00; none in the night.
    expect(r.options.map((o) => [o.staffId, o.startsAt])).toEqual([
      ['ben', '2026-12-01T13:00:00.000Z'],
      ['alice', '2026-12-01T14:00:00.000Z'],
    ]);
    expect((await t.db.prisma.job.findMany({ where: { bookingId: r.booking.bookingId } })).map((j: any) => [j.type, j.dueAt.toISOString()])).toEqual([['approval_timeout', '2026-12-01T22:00:00.000Z']]);
    await h.sweep();
    expect(notices(h, 'emergency_received')).toEqual([expect.objectContaining({ waitsUntil: '2026-12-01T13:00:00.000Z' })]);
    h.clock.set('2026-12-01T05:00:00Z'); // the vendor's midnight passes: still waiting
    await h.sweep();
    expect(await status(t, r.booking.bookingId)).toBe('emergency_requested');
    h.clock.set('2026-12-01T21:59:59Z');
    await h.sweep();
    expect(await status(t, r.booking.bookingId)).toBe('emergency_requested');
    h.clock.set('2026-12-01T22:00:00Z'); // Tue 17:00 New York: the end of that working period
    await h.sweep();
    expect(await status(t, r.booking.bookingId)).toBe('declined');
    expect(notices(h, 'emergency_declined')).toHaveLength(1);
  });

  it('made Friday 18:00 New York: waits over the weekend for Monday 08:00; made 16:50 with no room left today: waits for tomorrow', async () => {
    const h = harness(t.db, { now: '2026-11-30T14:00:00Z' });
    const c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
    h.clock.set('2026-12-04T23:00:00Z'); // Fri 18:00 New York
    const fri = await h.core.requestEmergency({ caller: c, description: 'Weekend outage' });
    expect(fri.kind === 'emergency_requested' && [fri.waitsUntil, fri.expiresAt, fri.options[0]?.startsAt]).toEqual(['2026-12-07T13:00:00.000Z', '2026-12-07T22:00:00.000Z', '2026-12-07T13:00:00.000Z']);
    h.clock.set('2026-11-30T21:50:00Z'); // Mon 16:50 New York: the earliest start 16:55 + 30 minutes ends after 17:00
    const late = await h.core.requestEmergency({ caller: c, description: 'Late in the day' });
    expect(late.kind === 'emergency_requested' && [late.waitsUntil, late.expiresAt]).toEqual(['2026-12-01T13:00:00.000Z', '2026-12-01T22:00:00.000Z']);
    h.clock.set('2026-11-30T21:20:00Z'); // Mon 16:20 New York: 16:25-16:55 still fits with Alice; the old rule (the vendor's midnight)
    const inHours = await h.core.requestEmergency({ caller: c, description: 'Still in hours' });
    expect(inHours.kind === 'emergency_requested' && [inHours.waitsUntil, inHours.expiresAt, inHours.options.map((o) => o.startsAt)]).toEqual([undefined, '2026-12-01T05:00:00.000Z', ['2026-11-30T21:25:00.000Z']]);
  });
});

forEachDatabase('squeezing in outside staff hours', (t) => {
  it('a time outside the staff member\'s hours books nothing until staff confirm it, then books and audits it', async () => {
    const h = harness(t.db);
    const c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
    const r = await h.core.requestEmergency({ caller: c, description: 'Server down' });
    if (r.kind !== 'emergency_requested') throw new Error(r.kind);
    // Every option is inside its staff member's hours.
    for (const o of r.options) expect(['alice', 'ben']).toContain(o.staffId);
    const evening = new Date('2026-11-30T23:00:00Z'); // Mon 18:00 New York: Alice stopped at 17:00
    const ask = await h.core.squeezeIn({ caller: staffAlice, bookingId: r.booking.bookingId, staffId: 'alice', startsAt: evening });
    expect(ask).toEqual({ kind: 'outside_hours_confirm', bookingId: r.booking.bookingId, staffId: 'alice', staffName: 'Alice Moreno', startsAt: '2026-11-30T23:00:00.000Z', endsAt: '2026-11-30T23:30:00.000Z' });
    expect(await status(t, r.booking.bookingId)).toBe('emergency_requested');
    expect(await t.db.prisma.slotCell.count()).toBe(0);
    // Ben's hours (08:00-16:00 New York) do not cover 16:30 either; Alice's do.
    expect((await h.core.squeezeIn({ caller: staffAlice, bookingId: r.booking.bookingId, staffId: 'ben', startsAt: new Date('2026-11-30T21:30:00Z') })).kind).toBe('outside_hours_confirm');
    const done = await h.core.squeezeIn({ caller: staffAlice, bookingId: r.booking.bookingId, staffId: 'alice', startsAt: evening, outsideHours: true });
    expect(done).toMatchObject({ kind: 'scheduled', booking: { startsAt: '2026-11-30T23:00:00.000Z', staffName: 'Alice Moreno' } });
    const audit = await t.db.prisma.auditEntry.findMany({ where: { action: 'squeezed_in' } });
    expect(audit.map((a: any) => JSON.parse(a.details ?? '{}').outsideHours)).toEqual([true]);
  });
});
