/** /sk-reverse and /sk-company members|unlink on Discord: staff only, worded by the shared presenter, and what the database then holds. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyWithPlan, customer } from '../support/core-harness.js';
import { CUSTOMER, OTHER, startSlotkeeper, type Slotkeeper } from './slotkeeper.js';

describe('Discord staff commands for no-show reversal and a company\'s people', () => {
  let s: Slotkeeper;
  beforeAll(async () => {
    s = await startSlotkeeper();
    const code = await companyWithPlan(s.h);
    for (const id of [CUSTOMER, OTHER]) expect((await s.h.core.linkCompany({ caller: customer(id, 'America/New_York', 'discord'), code })).kind).toBe('linked');
  });
  afterAll(async () => s?.close());

  it('/sk-reverse: a customer is refused; staff reverse a no-show by its reference (any case) and the strike is gone', async () => {
    s.h.clock.set('2026-11-30T14:00:00Z');
    const b = await s.h.core.bookSession({ caller: customer(CUSTOMER, 'America/New_York', 'discord'), kind: 'online', lengthMinutes: 30, startsAt: new Date('2026-12-01T20:00:00Z') });
    if (b.kind !== 'booked') throw new Error(b.kind);
    s.h.clock.set('2026-12-01T20:10:00Z');
    await s.sweep();
    const row = () => s.db.prisma.booking.findUniqueOrThrow({ where: { id: b.booking.bookingId } });
    expect((await row()).status).toBe('no_show');

    const { call: refused } = await s.command('sk-reverse', { reference: b.booking.reference, why: 'called in' }, { user: 'customer' });
    expect(refused.body.data).toMatchObject({ content: 'Sorry, only our support staff can do that.', flags: 64 });
    expect((await row()).status).toBe('no_show');

    const { call } = await s.command('sk-reverse', { reference: b.booking.reference.toLowerCase(), why: 'called the phone line, our mistake' }, { user: 'staffer', locale: 'en-US' });
    expect(call.body.data.flags).toBe(64);
    expect(call.body.data.content).toContain('No-show reversed by staffer');
    expect(call.body.data.content).toContain('Strike removed: 0 of 2.');
    expect((await row()).status).toBe('confirmed');
    expect((await s.db.prisma.company.findFirstOrThrow()).strikes).toBe(0);

    const { call: missing } = await s.command('sk-reverse', { reference: 'SK-NOPE1', why: 'why' }, { user: 'staffer', locale: 'en-US' });
    expect(missing.body.data.content).toBe('That booking no longer exists.');
  });

  it('/sk-company members lists who is linked; unlink removes one (their bookings stay); customers are refused', async () => {
    const { call: refused } = await s.command('sk-company', { name: 'Acme Crating' }, { user: 'customer', subcommand: 'members' });
    expect(refused.body.data).toMatchObject({ content: 'Sorry, only our support staff can do that.', flags: 64 });

    const { call: list } = await s.command('sk-company', { name: 'acme crating' }, { user: 'staffer', subcommand: 'members', locale: 'en-US' });
    expect(list.body.data.content).toContain('2 people are linked to Acme Crating:');
    expect(list.body.data.content).toContain(`discord ${CUSTOMER}`);
    expect(list.body.data.content).toContain(`discord ${OTHER}`);

    const { call: unlinked } = await s.command('sk-company', { name: 'Acme Crating', person: OTHER }, { user: 'staffer', subcommand: 'unlink', locale: 'en-US' });
    expect(unlinked.body.data.content).toContain('is no longer linked to Acme Crating');
    expect((await s.db.prisma.member.findFirstOrThrow({ where: { platformUserId: OTHER } })).companyId).toBeNull();

    const { call: again } = await s.command('sk-company', { name: 'Acme Crating', person: OTHER }, { user: 'staffer', subcommand: 'unlink', locale: 'en-US' });
    expect(again.body.data.content).toContain('That person is not linked to Acme Crating: nothing changed.');
    const { call: after } = await s.command('sk-company', { name: 'Acme Crating' }, { user: 'staffer', subcommand: 'members', locale: 'en-US' });
    expect(after.body.data.content).toContain('One person is linked to Acme Crating:');
  });
});
