/** As on Slack: once the reinstatement is recorded, the suspension DM and the staff no-show card lose their fee buttons. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyWithPlan, customer, staffAlice } from '../support/core-harness.js';
import { CUSTOMER, STAFF, startSlotkeeper, type Slotkeeper } from './slotkeeper.js';

describe('Discord: the fee buttons go once the reinstatement is recorded', () => {
  let s: Slotkeeper;
  beforeAll(async () => {
    s = await startSlotkeeper();
  });
  afterAll(async () => s?.close());

  it('edits the suspension DM and the staff card, without buttons', async () => {
    const c = customer(CUSTOMER, 'America/New_York', 'discord');
    expect((await s.h.core.linkCompany({ caller: c, code: await companyWithPlan(s.h, 'Late Lumber', 'LATE-2026') })).kind).toBe('linked');
    await s.db.prisma.company.updateMany({ where: { name: 'Late Lumber' }, data: { strikes: 1 } });
    s.h.clock.set('2026-11-30T14:00:00Z');
    const r = await s.h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 30, startsAt: '2026-12-07T15:00:00Z' });
    if (r.kind !== 'booked') throw new Error(r.kind);
    await s.sweep();
    s.h.clock.set('2026-12-07T15:10:01Z');
    await s.sweep();
    const refs = await s.h.core.deliveredMessages(r.booking.bookingId);
    const pathOf = (type: string) => {
      const x = JSON.parse(refs.find((d) => d.type === type)!.deliveryRef) as { channelId: string; messageId: string };
      return `/channels/${x.channelId}/messages/${x.messageId}`;
    };
    const labels = (body: any) => (body.components ?? []).flatMap((row: { components: { label: string }[] }) => row.components.map((x) => x.label));
    const card = s.fake.calls.find((x) => x.method === 'POST' && x.path === `/channels/${STAFF}/messages` && String(x.body?.content).includes('Late Lumber') && String(x.body?.content).includes('No-show closed'))!;
    expect(labels(card.body)).toEqual(['Record reinstatement ($100)']);

    expect((await s.h.core.recordReinstatement({ caller: staffAlice, name: 'Late Lumber' })).kind).toBe('company');
    await s.sweep();
    const dm = s.fake.callsTo('PATCH', pathOf('suspended')).at(-1)?.body;
    expect(dm?.content).toContain('Free sessions for Late Lumber are reinstated.');
    expect(dm?.content).not.toContain('A payment of $100');
    expect(labels(dm)).toEqual([]);
    const staffCard = s.fake.callsTo('PATCH', pathOf('staff_no_show')).at(-1)?.body;
    expect(staffCard?.content).toContain('Reinstatement payment of $100 recorded by Alice Moreno');
    expect(labels(staffCard)).toEqual([]);
  });
});
