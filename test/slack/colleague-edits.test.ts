/**
 * A booking's earlier messages go to more than one person when a colleague moves it: each one keeps
 * its reader's language and zone when its buttons are taken away.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyWithPlan, customer, linkedCustomer } from '../support/core-harness.js';
import { buttons, shown, slackWorld, type SlackWorld } from './slack-harness.js';

describe('Slack: a colleague moved the booking; past the cutoff', () => {
  let w: SlackWorld;
  beforeAll(async () => {
    w = await slackWorld();
    const code = await companyWithPlan(w.h);
    await linkedCustomer(w.h, 'U0ANA', code);
    await linkedCustomer(w.h, 'U0BO', code, 'Europe/Berlin');
    await w.h.db.prisma.member.updateMany({ where: { platformUserId: 'U0BO' }, data: { language: 'de' } });
    w.h.clock.set('2026-11-30T14:00:00Z');
  });
  afterAll(() => w.close());

  it("edits Bo's message in German with Berlin times and Ana's in English with New York times", async () => {
    const r = await w.h.core.bookSession({ caller: customer('U0ANA'), kind: 'online', lengthMinutes: 30, startsAt: '2026-12-01T20:00:00Z' });
    if (r.kind !== 'booked') throw new Error(r.kind);
    await w.sweep();
    const moved = await w.h.core.rescheduleBooking({ caller: customer('U0BO', 'Europe/Berlin'), bookingId: r.booking.bookingId, startsAt: new Date('2026-12-02T20:00:00Z') });
    expect(moved.kind).toBe('rescheduled');
    await w.sweep();
    const boPost = w.fake.callsTo('chat.postMessage').map((c) => c.body).find((b) => b.channel === 'D0BO')!;
    expect(shown(boPost)).toContain('Mi 2 Dez, 21:00–21:30 Berlin');

    w.fake.reset();
    w.h.clock.set('2026-12-02T18:56:00Z'); // 64 minutes before the new time
    await w.sweep();
    const updates = w.fake.callsTo('chat.update').map((c) => c.body);
    const toBo = updates.filter((u) => u.channel === 'D0BO');
    const toAna = updates.filter((u) => u.channel === 'D0ANA');
    expect(toBo).toHaveLength(1);
    expect(shown(toBo[0])).toContain('Mi 2 Dez, 21:00–21:30 Berlin');
    expect(shown(toBo[0])).toContain('Es sind jetzt weniger als 65 Minuten bis zu Ihrem Termin');
    expect(shown(toBo[0])).not.toContain('New York');
    expect(buttons(toBo[0]).map((b) => b.text)).toEqual(['Teilnehmen', 'Zum Kalender hinzufügen']);
    expect(toAna.length).toBeGreaterThan(0);
    for (const u of toAna) {
      expect(shown(u)).toContain('Wed 2 Dec, 15:00–15:30 New York');
      expect(shown(u)).toContain('It is now less than 65 minutes before your session');
      expect(buttons(u).map((b) => b.text)).toEqual(['Join', 'Add to calendar']);
    }
  });

  it('a reader who changed zone after booking: the reminder is drawn in the new zone, and so is its edit at the cutoff', async () => {
    const r = await w.h.core.bookSession({ caller: customer('U0ANA'), kind: 'online', lengthMinutes: 30, startsAt: '2026-12-04T20:00:00Z' });
    if (r.kind !== 'booked') throw new Error(r.kind);
    await w.sweep();
    await w.h.db.prisma.member.updateMany({ where: { platformUserId: 'U0ANA' }, data: { zone: 'Europe/Berlin' } });
    w.fake.reset();
    w.h.clock.set('2026-12-04T18:00:00Z'); // the 2-hour reminder
    await w.sweep();
    const reminder = w.fake.callsTo('chat.postMessage').map((c) => c.body).find((b) => b.channel === 'D0ANA' && shown(b).includes('Reminder'))!;
    expect(shown(reminder)).toContain('Fri 4 Dec, 21:00–21:30 Berlin');
    w.fake.reset();
    w.h.clock.set('2026-12-04T18:56:00Z'); // past the cutoff
    await w.sweep();
    const updates = w.fake.callsTo('chat.update').map((c) => c.body).filter((u) => u.channel === 'D0ANA');
    expect(updates.length).toBeGreaterThan(0);
    for (const u of updates) {
      expect(shown(u)).toContain('Fri 4 Dec, 21:00–21:30 Berlin');
      expect(shown(u)).not.toContain('New York');
    }
  });
});
