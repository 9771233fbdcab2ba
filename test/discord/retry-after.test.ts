/**
 * Discord's 429 Retry-After, honoured: the real discord.js client against the fake Discord, the real
 * core, outbox and notifier. A short wait is waited out by discord.js inside the delivery, so the
 * message goes that much later, not after the sweeper's own 15 s backoff; a long one (over the
 * client's in-request limit) does not hold the sweep: the row is retried when Discord said, and sent
 * then. The client here waits in-request up to 1 s (the program's limit is MAX_RATE_LIMIT_WAIT_MS,
 * 5 s), so the waits are 0.5 s and 2 s rather than 1 s and 6 s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyWithPlan } from '../support/core-harness.js';
import { buttonIds, CUSTOMER, EPHEMERAL_MESSAGE, newestBooking, startSlotkeeper, type Slotkeeper } from './slotkeeper.js';

const MAX_WAIT_MS = 1_000;
const SHORT_S = 0.5;
const LONG_S = 2;

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
    s = await startSlotkeeper({ maxRateLimitWaitMs: MAX_WAIT_MS });
    await companyWithPlan(s.h);
    await s.command('support-code', { code: 'ACME-2026' });
    dmChannel = (await s.client.users.createDM(CUSTOMER)).id;
  });
  afterAll(async () => s?.close());

  it(`Retry-After: ${SHORT_S} — sent again ${SHORT_S} s after the 429 (not 15 s), in the same delivery, once`, async () => {
    const b = await book('Wednesday at 11am');
    s.fake.failNext(`POST /channels/${dmChannel}/messages`, { status: 429, retryAfter: SHORT_S });
    const report = await s.sweep();
    const posts = confirmationPosts(b.reference);
    expect(posts.map((c) => c.status)).toEqual([429, 200]);
    const gap = posts[1]!.at - posts[0]!.at;
    expect(gap).toBeGreaterThanOrEqual(SHORT_S * 1000 - 50);
    expect(gap).toBeLessThan(3_000);
    expect(report.retried).toBe(0);
    expect((await rows(b.id)).find((r) => r.type === 'booking_confirmed')).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it(`Retry-After: ${LONG_S} — the sweep is not held: the row is due again ${LONG_S} s later (plus discord.js's 50 ms margin), and sent then`, async () => {
    const b = await book('Wednesday at 2pm');
    s.fake.failNext(`POST /channels/${dmChannel}/messages`, { status: 429, retryAfter: LONG_S });
    const now = s.h.clock.now().getTime();
    const started = Date.now();
    const first = await s.sweep();
    expect(Date.now() - started).toBeLessThan(LONG_S * 1000 - 500); // held, it would take the whole wait
    expect(first.retried).toBe(1);
    const row = (await rows(b.id)).find((r) => r.type === 'booking_confirmed')!;
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'discord rate limited' });
    const wait = row.dueAt.getTime() - now;
    expect(wait).toBeGreaterThanOrEqual(LONG_S * 1000);
    expect(wait).toBeLessThan(LONG_S * 1000 + 200);
    expect(first.nextRetryAt!.getTime() - now).toBe(wait);
    expect(confirmationPosts(b.reference).map((c) => c.status)).toEqual([429]);

    s.h.clock.advance(wait - 1);
    await s.sweep();
    expect(confirmationPosts(b.reference)).toHaveLength(1); // not before Discord's time
    // Discord's bucket is empty for those real seconds too: wait them out, then the row is due and goes.
    await new Promise((r) => setTimeout(r, Math.max(0, started + wait + 100 - Date.now())));
    s.h.clock.advance(1);
    await s.sweep();
    expect(confirmationPosts(b.reference).map((c) => c.status)).toEqual([429, 200]);
    expect((await rows(b.id)).find((r) => r.type === 'booking_confirmed')).toMatchObject({ status: 'sent', attempts: 2 });
  }, 20_000);
});
