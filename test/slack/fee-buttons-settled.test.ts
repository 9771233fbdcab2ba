/**
 * Once a suspension is over, nothing is owed: the customer's suspension message and the staff
 * no-show card lose the buttons that asked for the fee, and say it is settled.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { companyWithPlan, customer, linkedCustomer, staffAlice } from '../support/core-harness.js';
import { buttons, shown, slackWorld, type SlackWorld } from './slack-harness.js';

describe('Slack: the fee buttons go once the suspension is over', () => {
  let w: SlackWorld;
  beforeAll(async () => {
    w = await slackWorld();
  });
  afterAll(() => w.close());
  beforeEach(() => w.h.clock.set('2026-11-30T14:00:00Z'));

  /** A company one strike from the limit; its customer misses a session and it is suspended. */
  async function suspendedBy(name: string, code: string, userId: string, startsAt: string) {
    await companyWithPlan(w.h, name, code);
    await linkedCustomer(w.h, userId, code);
    await w.h.db.prisma.company.updateMany({ where: { name }, data: { strikes: 1 } });
    const r = await w.h.core.bookSession({ caller: customer(userId), kind: 'online', lengthMinutes: 30, startsAt });
    if (r.kind !== 'booked') throw new Error(r.kind);
    await w.sweep();
    w.h.clock.set(new Date(Date.parse(startsAt) + 10 * 60_000 + 1000));
    await w.sweep();
    const refs = await w.h.db.store.transaction((tx) => tx.outbox.delivered(r.booking.bookingId));
    const tsOf = (type: string) => JSON.parse(refs.find((d) => d.type === type)!.deliveryRef).ts as string;
    expect(await w.h.db.prisma.company.findFirst({ where: { name } })).toMatchObject({ suspended: true });
    return { bookingId: r.booking.bookingId, suspendedTs: tsOf('suspended'), cardTs: tsOf('staff_no_show'), dm: `D${userId.slice(1)}` };
  }

  it('reinstatement recorded with /sk-company: the suspension DM and the staff card are edited, without buttons', async () => {
    const s = await suspendedBy('Late Lumber', 'LATE-2026', 'U0LATE', '2026-12-07T15:00:00Z');
    expect(shown(await w.command('/sk-company', 'reinstate Late Lumber', 'U0ALICE'))).toContain('Late Lumber');
    w.fake.reset();
    await w.sweep();
    const updates = w.fake.callsTo('chat.update').map((c) => c.body);
    const dm = updates.find((u) => u.ts === s.suspendedTs)!;
    expect(dm.channel).toBe(s.dm);
    expect(shown(dm)).toContain('Free sessions for Late Lumber are reinstated.');
    expect(shown(dm)).not.toContain('A payment of $100');
    expect(buttons(dm)).toEqual([]);
    const card = updates.find((u) => u.ts === s.cardTs)!;
    expect(card.channel).toBe('C0STAFF');
    expect(shown(card)).toContain('Reinstatement payment of $100 recorded by Alice Moreno');
    expect(buttons(card)).toEqual([]);
    expect(w.fake.callsTo('chat.postMessage').map((c) => shown(c.body)).join('\n')).not.toContain('recorded by');
  });

  it('a reversed no-show that lifts the suspension: both say free sessions are available again', async () => {
    const s = await suspendedBy('Slow Sawmill', 'SLOW-2026', 'U0SLOW', '2026-12-08T15:00:00Z');
    const r = await w.h.core.reverseNoShow({ caller: staffAlice, bookingId: s.bookingId, reason: 'called the phone line, our mistake' });
    expect(r).toMatchObject({ kind: 'reversed', suspensionLifted: true });
    w.fake.reset();
    await w.sweep();
    const updates = w.fake.callsTo('chat.update').map((c) => c.body);
    const dm = updates.find((u) => u.ts === s.suspendedTs)!;
    expect(shown(dm)).toContain('Free sessions for Slow Sawmill are available again.');
    expect(buttons(dm)).toEqual([]);
    const card = updates.find((u) => u.ts === s.cardTs)!;
    expect(shown(card)).toContain('Free sessions for Slow Sawmill are available again.');
    expect(buttons(card)).toEqual([]);
  });
});
