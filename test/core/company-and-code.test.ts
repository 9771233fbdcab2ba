/**
 * Issue 9, the company, its code and its people: colleagues get confirmations, /sessions lists a
 * session in progress, a switch of company is confirmed, a rotated code is asked for again, staff
 * list and unlink people, and the wrong-code limit holds under concurrency and across platforms.
 */
import { expect, it } from 'vitest';
import { forEachDatabase } from '../support/each-database.js';
import { companyWithPlan, linkedCustomer, customer, staffAlice } from '../support/core-harness.js';
import { START, mins, book } from './helpers.js';

const WED = new Date('2026-12-02T20:00:00Z');
const THU = new Date('2026-12-03T20:00:00Z');

forEachDatabase('the company, its code and its people', (t) => {
  it('a colleague who reschedules gets the confirmation; the booker is told who moved it', async () => {
    const code = await companyWithPlan(t.h);
    const ana = await linkedCustomer(t.h, 'U1', code);
    const bo = await linkedCustomer(t.h, 'U2', code, 'Europe/London');
    const b = await book(t.h, ana, START);
    await t.h.sweep();
    t.h.notifier.clear();
    expect((await t.h.core.rescheduleBooking({ caller: bo, bookingId: b.bookingId, startsAt: WED })).kind).toBe('rescheduled');
    await t.h.sweep();
    const moved = t.h.notifier.delivered.filter((m) => m.notice.type === 'booking_rescheduled').map((m) => [m.platformUserId, (m.notice as any).byYou, (m.notice as any).byName, (m.notice as any).booking.zone]);
    expect(moved.sort()).toEqual([
      ['U1', false, 'Customer U2', 'America/New_York'],
      ['U2', true, 'Customer U2', 'Europe/London'],
    ]);
  });

  it('/sessions lists a session in progress until its end, with the join link open; one nobody joined goes at the close', async () => {
    const c = await linkedCustomer(t.h, 'U1', await companyWithPlan(t.h));
    const joined = await book(t.h, c, START);
    const missed = await book(t.h, c, WED);
    t.h.clock.set(mins(START, 5));
    expect((await t.h.core.markJoined({ caller: staffAlice, bookingId: joined.bookingId, via: 'online' })).kind).toBe('marked');
    let list = await t.h.core.listSessions({ caller: c });
    expect(list.kind === 'sessions' && list.sessions.map((s) => [s.booking.bookingId, s.inProgress, s.joinOpen])).toEqual([[joined.bookingId, true, true], [missed.bookingId, false, false]]);
    t.h.clock.set(secsBefore(mins(START, 30)));
    list = await t.h.core.listSessions({ caller: c });
    expect(list.kind === 'sessions' && list.sessions[0]!.booking.bookingId).toBe(joined.bookingId);
    t.h.clock.set(mins(START, 30));
    list = await t.h.core.listSessions({ caller: c });
    expect(list.kind === 'sessions' && list.sessions.map((s) => s.booking.bookingId)).toEqual([missed.bookingId]);
    t.h.clock.set(mins(WED, 9));
    list = await t.h.core.listSessions({ caller: c });
    expect(list.kind === 'sessions' && list.sessions.map((s) => [s.booking.bookingId, s.inProgress, s.joinOpen])).toEqual([[missed.bookingId, true, true]]);
    t.h.clock.set(mins(WED, 10));
    list = await t.h.core.listSessions({ caller: c });
    expect(list.kind === 'sessions' && list.sessions).toEqual([]);
  });

  it('entering another company\'s code while linked asks to confirm the switch, naming both; nothing switches silently', async () => {
    const c = await linkedCustomer(t.h, 'U1', await companyWithPlan(t.h));
    await companyWithPlan(t.h, 'Birch Boxes', 'BIRCH-2026');
    expect(await t.h.core.linkCompany({ caller: c, code: 'BIRCH-2026' })).toEqual({ kind: 'confirm_switch', fromCompany: 'Acme Crating', toCompany: 'Birch Boxes' });
    // entered with a booking, too
    expect(await t.h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 30, startsAt: START, code: 'BIRCH-2026' })).toEqual({ kind: 'confirm_switch', fromCompany: 'Acme Crating', toCompany: 'Birch Boxes' });
    const member = () => t.db.prisma.member.findFirstOrThrow({ where: { platformUserId: 'U1' }, include: { company: true } });
    expect((await member()).company?.name).toBe('Acme Crating');
    expect(await t.db.prisma.booking.count()).toBe(0);
    expect(await t.h.core.linkCompany({ caller: c, code: 'BIRCH-2026', confirmSwitch: true })).toMatchObject({ kind: 'linked', profile: { companyName: 'Birch Boxes' } });
    expect((await member()).company?.name).toBe('Birch Boxes');
  });

  it('a booker who moved to another company still cancels their own booking, from its link or in chat; their new colleagues cannot', async () => {
    const c = await linkedCustomer(t.h, 'U1', await companyWithPlan(t.h));
    const birch = await companyWithPlan(t.h, 'Birch Boxes', 'BIRCH-2026');
    const first = await book(t.h, c, START);
    const second = await book(t.h, c, WED);
    expect(await t.h.core.linkCompany({ caller: c, code: 'BIRCH-2026', confirmSwitch: true })).toMatchObject({ kind: 'linked' });
    const link = await t.h.core.openManageLink({ token: first.manageUrl!.split('/m/')[1]! });
    if (link.kind !== 'manage') throw new Error(link.kind);
    expect(link.canChange).toBe(true);
    expect(await t.h.core.cancelBooking({ caller: link.caller, bookingId: first.bookingId })).toMatchObject({ kind: 'cancelled' });
    expect(await t.h.core.rescheduleBooking({ caller: c, bookingId: second.bookingId, startsAt: THU })).toMatchObject({ kind: 'rescheduled' });
    const colleague = await linkedCustomer(t.h, 'U3', birch);
    expect(await t.h.core.cancelBooking({ caller: colleague, bookingId: second.bookingId })).toEqual({ kind: 'not_allowed' });
    const stored = (id: string) => t.db.prisma.booking.findUniqueOrThrow({ where: { id } });
    expect(await stored(first.bookingId)).toMatchObject({ status: 'cancelled' });
    expect(await stored(second.bookingId)).toMatchObject({ status: 'confirmed', startsAt: THU });
  });

  it('after a code rotation people linked with the old code enter the new one at their next booking; their bookings stay', async () => {
    const code = await companyWithPlan(t.h);
    const c = await linkedCustomer(t.h, 'U1', code);
    // a member linked before codes were remembered
    const old = await linkedCustomer(t.h, 'U2', code);
    await t.db.prisma.member.update({ where: { platform_platformUserId: { platform: 'slack', platformUserId: 'U2' } }, data: { linkedCodeHash: null } });
    const kept = await book(t.h, c, START);
    const rotated = await t.h.core.rotateCode({ caller: staffAlice, name: 'Acme Crating' });
    if (rotated.kind !== 'company') throw new Error(rotated.kind);
    for (const who of [c, old]) {
      expect(await t.h.core.bookSession({ caller: who, kind: 'online', lengthMinutes: 30, startsAt: WED })).toEqual({ kind: 'code_changed', companyName: 'Acme Crating' });
    }
    expect((await t.db.prisma.booking.findUniqueOrThrow({ where: { id: kept.bookingId } })).status).toBe('confirmed');
    expect((await t.h.core.linkCompany({ caller: c, code: rotated.profile.code! })).kind).toBe('linked');
    expect((await t.h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 30, startsAt: WED })).kind).toBe('booked');
    // entering the new code in the booking itself works too
    expect((await t.h.core.bookSession({ caller: old, kind: 'online', lengthMinutes: 30, startsAt: new Date('2026-12-03T20:00:00Z'), code: rotated.profile.code! })).kind).toBe('booked');
  });

  it('staff see who is linked and can unlink a person (their bookings stay; they need a code again)', async () => {
    const code = await companyWithPlan(t.h);
    const c = await linkedCustomer(t.h, 'U1', code);
    await linkedCustomer(t.h, 'U2', code);
    const b = await book(t.h, c, START);
    expect(await t.h.core.listCompanyMembers({ caller: c, name: 'Acme Crating' })).toEqual({ kind: 'not_allowed' });
    const list = await t.h.core.listCompanyMembers({ caller: staffAlice, name: 'acme crating' });
    if (list.kind !== 'members') throw new Error(list.kind);
    expect(list.members.map((m) => [m.platformUserId, m.currentCode])).toEqual([['U1', true], ['U2', true]]);
    const u1 = list.members[0]!.memberId;
    expect(await t.h.core.unlinkMember({ caller: staffAlice, name: 'Acme Crating', memberId: u1, reason: 'left the company' })).toMatchObject({ kind: 'unlinked', member: { platformUserId: 'U1' } });
    expect((await t.h.core.listCompanyMembers({ caller: staffAlice, name: 'Acme Crating' }) as any).members.map((m: any) => m.platformUserId)).toEqual(['U2']);
    expect(await t.h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 30, startsAt: WED })).toMatchObject({ kind: 'not_linked' });
    expect((await t.db.prisma.booking.findUniqueOrThrow({ where: { id: b.bookingId } })).status).toBe('confirmed');
    expect(await t.h.core.unlinkMember({ caller: staffAlice, name: 'Acme Crating', memberId: u1 })).toEqual({ kind: 'not_linked_here', companyName: 'Acme Crating' });
  });

  it('the wrong-code limit holds under 30 concurrent wrong codes: exactly 5 are checked', async () => {
    await companyWithPlan(t.h);
    const stranger = customer('U9');
    await t.h.core.showProfile({ caller: stranger });
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => t.h.core.linkCompany({ caller: stranger, code: `WRONG-${1000 + i}` })));
    expect(await t.db.prisma.linkAttempt.count({ where: { success: false } })).toBe(5);
    expect(results.filter((r) => r.kind === 'code_invalid')).toHaveLength(4);
    expect(results.filter((r) => r.kind === 'code_locked')).toHaveLength(26);
    // the right code is refused too while locked
    expect((await t.h.core.linkCompany({ caller: stranger, code: 'ACME-2026' })).kind).toBe('code_locked');
  });

  it('a person linked to a company is one person on Slack and Discord: their wrong codes count together', async () => {
    const code = await companyWithPlan(t.h);
    const onSlack = await linkedCustomer(t.h, 'U1', code);
    const onDiscord = customer('555', 'America/New_York', 'discord');
    expect((await t.h.core.linkCompany({ caller: onDiscord, code })).kind).toBe('linked');
    for (let i = 0; i < 3; i++) expect((await t.h.core.linkCompany({ caller: onSlack, code: `WRONG-${i}-X` })).kind).toBe('code_invalid');
    expect(await t.h.core.linkCompany({ caller: onDiscord, code: 'WRONG-9-X' })).toEqual({ kind: 'code_invalid', attemptsLeft: 1 });
    expect((await t.h.core.linkCompany({ caller: onDiscord, code: 'WRONG-8-X' })).kind).toBe('code_locked');
    expect((await t.h.core.linkCompany({ caller: onSlack, code: 'WRONG-7-X' })).kind).toBe('code_locked');
  });
});

function secsBefore(d: Date): Date {
  return new Date(d.getTime() - 1000);
}
