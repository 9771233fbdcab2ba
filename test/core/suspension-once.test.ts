/**
 * Issue 14, item 3: a suspension is told once. A company's free session that had already started when
 * the suspension took effect is not cancelled by it; if it then closes as a no-show too (a further
 * strike), the customer is not sent the suspension notice (and its email) a second time.
 */
import { expect, it } from 'vitest';
import { forEachDatabase } from '../support/each-database.js';
import { companyWithPlan, linkedCustomer } from '../support/core-harness.js';
import { START, book, mins, notices } from './helpers.js';

const WED = new Date('2026-12-02T20:00:00Z'); // Wed 2 Dec 15:00 New York

forEachDatabase('a suspension is told once', (t) => {
  it('two no-shows closing in one sweep after the first strike: one suspension notice, one audit entry', async () => {
    const ana = await linkedCustomer(t.h, 'U1', await companyWithPlan(t.h));
    await book(t.h, ana, START);
    await book(t.h, ana, WED);
    await book(t.h, ana, mins(WED, 30)); // under way when the suspension takes effect: not cancelled by it
    t.h.clock.set(mins(START, 10));
    await t.h.sweep();
    expect(notices(t.h, 'no_show_closed').map((n) => n.strikes)).toEqual([1]);
    t.h.clock.set(mins(WED, 40));
    await t.h.sweep();
    // both later sessions closed as no-shows: strikes 2 (the suspension) and 3
    expect(notices(t.h, 'no_show_closed').map((n) => n.strikes).sort()).toEqual([1, 2, 3]);
    const company = await t.db.prisma.company.findFirstOrThrow({ where: { name: 'Acme Crating' } });
    expect(company).toMatchObject({ suspended: true, strikes: 3 });
    expect(notices(t.h, 'suspended')).toHaveLength(1);
    expect(await t.db.prisma.auditEntry.count({ where: { entityId: company.id, action: 'suspended' } })).toBe(1);
    // staff still see, on the later no-show, that the company is suspended (with the reinstate button)
    expect(t.h.notifier.delivered.filter((m) => m.notice.type === 'staff_no_show').map((m) => (m.notice as { suspended: boolean }).suspended)).toEqual([false, true, true]);
  });
});
