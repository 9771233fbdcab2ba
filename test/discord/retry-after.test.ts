/**
 * Discord's 429 Retry-After, honoured: the real discord.js client against the fake Discord, the real
 * core, outbox and notifier. A short wait (1 s) is waited out by discord.js inside the delivery, so the
 * message goes 1 s later, not after the sweeper's own 15 s backoff; a long one (6 s, over discord.js's
 * 5 s in-request wait) does not hold the sweep: the row is retried when Discord said, and sent then.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyWithPlan } from '../support/core-harness.js';
import { buttonIds, CUSTOMER, EPHEMERAL_MESSAGE, newestBooking, startSlotkeeper, type Slotkeeper } from './slotkeeper.js';

describe('Discord 429 Retry-After', () => {
  let s: Slotkeeper;
  let dmChannel = '';
  const rows = (bookingId: string) => s.db.store.transaction((tx) => tx.outbox.list({ bookingId }));
  const book = async (when: string) => {
    const { call } = await s.command('book', { when });
    const { call: booked } = await s.press(buttonIds(call.body.data)[0]!, EPHEMERAL_MESSAGE);
    expect(booked.body.data.content).toMatch(/^Booked: /);
    return newestBooking(s);
  };
  const confirmationPosts = (ref: string) => s.fake.callsTo('POST', `/channels/${dmChannel}/messages`).filter((c) => String(c.body.content).startsWith('✅ **Your session is booked.**') && String(c.body.content).endsWith(`Booking ${ref}`));

  beforeAll(async () => {
    s = await startSlotkeeper();
    await companyWithPlan(s.h);
    await s.command('support-code', { code: 'ACME-2026' });
    dmChannel = (await s.client.users.createDM(CUSTOMER)).id;
  });
  afterAll(async () => s?.close());

  it('Retry-After: 1 — sent again 1 s after the 429 (not 15 s), in the same delivery, once', async () => {
    const b = await book('Wednesday at 11am');
    s.fake.failNext(`POST /channels/${dmChannel}/messages`, { status: 429, retryAfter: 1 });
    const report = await s.sweep();
    const posts = confirmationPosts(b.reference);
    expect(posts.map((c) => c.status)).toEqual([429, 200]);
    const gap = posts[1]!.at - posts[0]!.at;
    expect(gap).toBeGreaterThanOrEqual(950);
    expect(gap).toBeLessThan(3_000);
    expect(report.retried).toBe(0);
    expect((await rows(b.id)).find((r) => r.type === 'booking_confirmed')).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('Retry-After: 6 — the sweep is not held: the row is due again 6 s later (plus discord.js\'s 50 ms margin), and sent then', async () => {
    const b = await book('Wednesday at 2pm');
    s.fake.failNext(`POST /channels/${dmChannel}/messages`, { status: 429, retryAfter: 6 });
    const now = s.h.clock.now().getTime();
    const started = Date.now();
    const first = await s.sweep();
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(first.retried).toBe(1);
    const row = (await rows(b.id)).find((r) => r.type === 'booking_confirmed')!;
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'discord rate limited' });
    const wait = row.dueAt.getTime() - now;
    expect(wait).toBeGreaterThanOrEqual(6_000);
    expect(wait).toBeLessThan(6_200);
    expect(first.nextRetryAt!.getTime() - now).toBe(wait);
    expect(confirmationPosts(b.reference).map((c) => c.status)).toEqual([429]);

    s.h.clock.advance(wait - 1);
    await s.sweep();
    expect(confirmationPosts(b.reference)).toHaveLength(1); // not before Discord's time
    // Discord's bucket is empty for 6 real seconds too: wait them out, then the row is due and goes.
    await new Promise((r) => setTimeout(r, Math.max(0, started + wait + 100 - Date.now())));
    s.h.clock.advance(1);
    await s.sweep();
    expect(confirmationPosts(b.reference).map((c) => c.status)).toEqual([429, 200]);
    expect((await rows(b.id)).find((r) => r.type === 'booking_confirmed')).toMatchObject({ status: 'sent', attempts: 2 });
  }, 20_000);
});
