import { expect, it } from 'vitest';
import { forEachDatabase } from '../support/each-database.js';
import { companyWithPlan, linkedCustomer, staffAlice } from '../support/core-harness.js';
import { START, mins, book } from './helpers.js';

forEachDatabase(`a no-show frees the rest of its slot`, (t) => {
  it('lets staff squeeze an emergency into the time a closed no-show held', async () => {
    const code = await companyWithPlan(t.h);
    const c = await linkedCustomer(t.h, 'U1', code);
    const b = await book(t.h, c, START, { lengthMinutes: 60 });
    const staffId = (await t.db.prisma.booking.findUniqueOrThrow({ where: { id: b.bookingId } })).staffId!;
    t.h.clock.set(mins(START, 10));
    await t.h.sweep();
    expect((await t.db.prisma.booking.findUniqueOrThrow({ where: { id: b.bookingId } })).status).toBe('no_show');
    expect(await t.db.prisma.slotCell.count({ where: { bookingId: b.bookingId } })).toBe(0);

    const other = await linkedCustomer(t.h, 'U2', code);
    const e = await t.h.core.requestEmergency({ caller: other, description: 'Label printer stopped', kind: 'online', lengthMinutes: 30 });
    if (e.kind !== 'emergency_requested') throw new Error(e.kind);
    const startsAt = mins(START, 20);
    const r = await t.h.core.squeezeIn({ caller: staffAlice, bookingId: e.booking.bookingId, staffId, startsAt });
    expect(r).toMatchObject({ kind: 'scheduled', booking: { startsAt: startsAt.toISOString() } });
  });
});
