/** /sk-reverse and /sk-company members|unlink: staff only, worded by the shared presenter, and what the database then holds. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyWithPlan, linkedCustomer } from '../support/core-harness.js';
import { shown, slackWorld, type SlackWorld } from './slack-harness.js';

describe('Slack staff commands for no-show reversal and a company\'s people', () => {
  let w: SlackWorld;
  beforeAll(async () => {
    w = await slackWorld();
    const code = await companyWithPlan(w.h);
    await linkedCustomer(w.h, 'U0KIM', code);
    await linkedCustomer(w.h, 'U0SAM', code);
  });
  afterAll(() => w.close());

  it('/sk-reverse: a customer is refused; staff reverse a no-show by its reference and the strike is gone; usage on nonsense', async () => {
    w.h.clock.set('2026-11-30T14:00:00Z');
    const kim = { platform: 'slack' as const, userId: 'U0KIM', displayName: 'Customer U0KIM', zone: 'America/New_York' };
    const b = await w.h.core.bookSession({ caller: kim, kind: 'online', lengthMinutes: 30, startsAt: new Date('2026-12-01T20:00:00Z') });
    if (b.kind !== 'booked') throw new Error(b.kind);
    w.h.clock.set('2026-12-01T20:10:00Z');
    await w.sweep();
    const row = () => w.h.db.prisma.booking.findUniqueOrThrow({ where: { id: b.booking.bookingId } });
    expect((await row()).status).toBe('no_show');
    expect((await w.h.db.prisma.company.findFirstOrThrow()).strikes).toBe(1);

    expect(shown(await w.command('/sk-reverse', `${b.booking.reference} called in`, 'U0KIM'))).toBe('Sorry, only our support staff can do that.');
    expect((await row()).status).toBe('no_show');
    expect(shown(await w.command('/sk-reverse', b.booking.reference, 'U0ALICE'))).toContain('Give the booking reference, then why');
    const done = shown(await w.command('/sk-reverse', `${b.booking.reference.toLowerCase()} called the phone line, our mistake`, 'U0ALICE'));
    expect(done).toContain('No-show reversed by Alice Moreno');
    expect(done).toContain('Strike removed: 0 of 2.');
    expect((await row()).status).toBe('confirmed');
    expect((await w.h.db.prisma.company.findFirstOrThrow()).strikes).toBe(0);
    const audit = await w.h.db.prisma.auditEntry.findMany({ where: { action: 'no_show_reversed' } });
    expect(audit.map((a) => JSON.parse(a.details).reason)).toEqual(['called the phone line, our mistake']);
    expect(shown(await w.command('/sk-reverse', `${b.booking.reference} again`, 'U0ALICE'))).toContain('is not closed as a no-show');
    expect(shown(await w.command('/sk-reverse', 'SK-NOPE1 why', 'U0ALICE'))).toBe('That booking no longer exists.');
  });

  it('/sk-company members lists who is linked; unlink by the id shown removes one (bookings stay); customers are refused', async () => {
    expect(shown(await w.command('/sk-company', 'members Acme Crating', 'U0KIM'))).toBe('Sorry, only our support staff can do that.');
    const list = shown(await w.command('/sk-company', 'members acme crating', 'U0BEN'));
    expect(list).toContain('2 people are linked to Acme Crating:');
    expect(list).toContain('slack U0KIM');
    expect(list).toContain('slack U0SAM');
    expect(shown(await w.command('/sk-company', 'unlink U0SAM Acme Crating', 'U0SAM'))).toBe('Sorry, only our support staff can do that.');
    expect(shown(await w.command('/sk-company', 'unlink U0SAM Acme Crating', 'U0ALICE'))).toContain('is no longer linked to Acme Crating');
    const sam = await w.h.db.prisma.member.findFirstOrThrow({ where: { platformUserId: 'U0SAM' } });
    expect(sam.companyId).toBeNull();
    expect(shown(await w.command('/sk-company', 'unlink U0SAM Acme Crating', 'U0ALICE'))).toContain('That person is not linked to Acme Crating: nothing changed.');
    expect(shown(await w.command('/sk-company', 'members Acme Crating', 'U0ALICE'))).toContain('One person is linked to Acme Crating:');
    expect(shown(await w.command('/sk-company', 'unlink U0SAM', 'U0ALICE'))).toContain('Give the person');
  });
});
