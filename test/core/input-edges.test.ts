import { expect, it } from 'vitest';
import { forEachDatabase } from '../support/each-database.js';
import { customer, staffAlice, companyWithPlan, linkedCustomer } from '../support/core-harness.js';
import { START, secs, book } from './helpers.js';

forEachDatabase('bad input gets a clear answer and changes nothing', (t) => {
  it('an impossible date for the staff day view', async () => {
    expect(await t.h.core.staffDay({ caller: staffAlice, date: '2026-02-30' })).toEqual({ kind: 'invalid_input', problems: ['date: is not a real date'] });
  });

  it('an emergency of a length that is not offered', async () => {
    const r = await t.h.core.requestEmergency({ caller: customer('U1'), description: 'Label printer down', lengthMinutes: 45, payStandardFee: true });
    expect(r).toEqual({ kind: 'invalid_input', problems: ['lengthMinutes: Online session lasts 30 or 60 minutes'] });
    expect(await t.db.prisma.booking.count()).toBe(0);
  });

  it('a NUL character anywhere in the input (PostgreSQL cannot store one) is refused by name, on every database', async () => {
    const nul = 'Printer\u0000down';
    expect(await t.h.core.requestEmergency({ caller: customer('U1'), description: nul, payStandardFee: true })).toEqual({
      kind: 'invalid_input',
      problems: ['description: contains a NUL character, which cannot be stored'],
    });
    expect(await t.h.core.createCompany({ caller: staffAlice, name: 'Acme\u0000', planUntil: '2027-12-31' })).toMatchObject({ kind: 'invalid_input', problems: ['name: contains a NUL character, which cannot be stored'] });
    expect(await t.h.core.cancelBooking({ caller: customer('U\u00001'), bookingId: 'b\u0000' })).toMatchObject({
      kind: 'invalid_input',
      problems: [
        'caller.userId: contains a NUL character, which cannot be stored',
        'caller.displayName: contains a NUL character, which cannot be stored',
        'bookingId: contains a NUL character, which cannot be stored',
      ],
    });
    expect(await t.h.core.openManageLink({ token: 'ab\u0000cd' })).toMatchObject({ kind: 'invalid_input' });
    expect(await t.db.prisma.booking.count()).toBe(0);
    expect(await t.db.prisma.company.count()).toBe(0);
    expect(await t.db.prisma.member.count()).toBe(0);
  });

  it('approving a waiting booking once its start has come declines it instead', async () => {
    const b = await book(t.h, customer('U2'), START, { payStandardFee: true });
    t.h.clock.set(secs(START, 5));
    expect(await t.h.core.approveBooking({ caller: staffAlice, bookingId: b.bookingId })).toMatchObject({ kind: 'already_decided', status: 'declined' });
    expect(await t.db.prisma.job.count({ where: { bookingId: b.bookingId, type: 'no_show_check' } })).toBe(0);
  });
});

forEachDatabase('plan end dates', (t) => {
  it('a plan "until 2027-12-31" covers that whole day in the vendor zone', async () => {
    const r = await t.h.core.createCompany({ caller: staffAlice, name: 'Dune Logistics', planUntil: '2027-12-31' });
    expect(r).toMatchObject({ kind: 'company', profile: { planUntil: '2028-01-01T05:00:00.000Z', planActive: true } });
    const s = await t.h.core.setPlan({ caller: staffAlice, name: 'dune logistics', planUntil: '2026-02-30' });
    expect(s).toMatchObject({ kind: 'invalid_input' });
  });
});

forEachDatabase('a colleague cancels', (t) => {
  it('the booker is told a colleague cancelled, by name; the colleague gets their own confirmation', async () => {
    const code = await companyWithPlan(t.h);
    const ana = await linkedCustomer(t.h, 'UANA', code);
    const sam = await linkedCustomer(t.h, 'USAM', code, 'Europe/London');
    const b = await book(t.h, ana, START);
    await t.h.sweep();
    t.h.notifier.clear();
    expect(await t.h.core.cancelBooking({ caller: sam, bookingId: b.bookingId })).toMatchObject({ kind: 'cancelled' });
    await t.h.sweep();
    const sent = t.h.notifier.delivered.filter((m) => m.notice.type === 'booking_cancelled');
    expect(sent.map((m) => [m.platformUserId, (m.notice as any).byYou, (m.notice as any).byName, (m.notice as any).booking.zone, (m.notice as any).booking.companyName])).toEqual([
      ['UANA', false, 'Customer USAM', 'America/New_York', 'Acme Crating'],
      ['USAM', true, 'Customer USAM', 'Europe/London', 'Acme Crating'],
    ]);
  });
});
