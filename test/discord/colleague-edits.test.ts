/**
 * A colleague moved the booking, so its messages went to two people: past the cutoff both lose
 * Reschedule / Cancel, each in its reader's language and zone (as on Slack).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyWithPlan, customer } from '../support/core-harness.js';
import { CUSTOMER, OTHER, startSlotkeeper, type Slotkeeper } from './slotkeeper.js';

describe('Discord: a colleague moved the booking; past the cutoff', () => {
  let s: Slotkeeper;
  const ana = customer(CUSTOMER, 'America/New_York', 'discord');
  const bo = customer(OTHER, 'Europe/Berlin', 'discord');
  beforeAll(async () => {
    s = await startSlotkeeper();
    const code = await companyWithPlan(s.h);
    for (const c of [ana, bo]) expect((await s.h.core.linkCompany({ caller: c, code })).kind).toBe('linked');
    await s.db.prisma.member.updateMany({ where: { platformUserId: OTHER }, data: { language: 'de' } });
    s.h.clock.set('2026-11-30T14:00:00Z');
  });
  afterAll(async () => s?.close());

  it("edits Bo's message in German with Berlin times and Ana's in English with New York times", async () => {
    const r = await s.h.core.bookSession({ caller: ana, kind: 'online', lengthMinutes: 30, startsAt: '2026-12-01T20:00:00Z' });
    if (r.kind !== 'booked') throw new Error(r.kind);
    await s.sweep();
    expect((await s.h.core.rescheduleBooking({ caller: bo, bookingId: r.booking.bookingId, startsAt: new Date('2026-12-02T20:00:00Z') })).kind).toBe('rescheduled');
    await s.sweep();
    const members = await s.db.prisma.member.findMany({ where: { platformUserId: { in: [CUSTOMER, OTHER] } } });
    const idOf = (userId: string) => members.find((m) => m.platformUserId === userId)!.id;
    const refs = await s.h.core.deliveredMessages(r.booking.bookingId);
    const pathsOf = (userId: string) => refs.filter((d) => d.memberId === idOf(userId)).map((d) => JSON.parse(d.deliveryRef) as { channelId: string; messageId: string }).map((x) => `/channels/${x.channelId}/messages/${x.messageId}`);
    expect(pathsOf(OTHER)).toHaveLength(1);

    s.h.clock.set('2026-12-02T18:56:00Z'); // 64 minutes before the new time
    await s.sweep();
    const lastEdit = (path: string) => s.fake.callsTo('PATCH', path).at(-1)?.body;
    const boEdit = lastEdit(pathsOf(OTHER)[0]!);
    expect(boEdit?.content).toContain('(Mi 2 Dez, 21:00–21:30 Berlin)');
    expect(boEdit?.content).toContain('Es sind jetzt weniger als 65 Minuten bis zu Ihrem Termin');
    expect(boEdit?.content).not.toContain('New York');
    const labels = (body: any) => body.components.flatMap((row: { components: { label: string }[] }) => row.components.map((c) => c.label));
    expect(labels(boEdit)).toEqual(['Teilnehmen', 'Zum Kalender hinzufügen']);
    // Ana's newest message (the one about the new time) reads in English, New York time.
    const anaEdit = lastEdit(pathsOf(CUSTOMER).at(-1)!);
    expect(anaEdit?.content).toContain('(Wed 2 Dec, 15:00–15:30 New York)');
    expect(anaEdit?.content).toContain('It is now less than 65 minutes before your session');
    expect(labels(anaEdit)).toEqual(['Join', 'Add to calendar']);
  });
});
