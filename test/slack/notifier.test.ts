import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { classifyError } from '../../bots/slack/notifier.js';
import { companyWithPlan, customer, linkedCustomer } from '../support/core-harness.js';
import { slackWorld, type SlackWorld } from './slack-harness.js';

describe('Slack notifier: delivery outcomes through the sweeper', () => {
  let w: SlackWorld;
  let n = 0;
  beforeAll(async () => {
    w = await slackWorld();
    const code = await companyWithPlan(w.h);
    for (const u of ['U0A', 'U0B', 'U0C', 'U0D']) await linkedCustomer(w.h, u, code);
  });
  afterAll(() => w.close());
  beforeEach(() => {
    w.fake.reset();
    w.h.clock.set('2026-11-30T14:00:00Z');
  });

  async function bookFor(userId: string): Promise<string> {
    const startsAt = new Date(Date.parse('2026-12-07T15:00:00Z') + n++ * 3600_000).toISOString();
    const r = await w.h.core.bookSession({ caller: customer(userId), kind: 'online', lengthMinutes: 30, startsAt });
    if (r.kind !== 'booked') throw new Error(r.kind);
    return r.booking.bookingId;
  }
  const confirmationRow = async (bookingId: string) =>
    (await w.h.db.store.transaction((tx) => tx.outbox.list({ bookingId }))).find((m) => m.type === 'booking_confirmed')!;

  it('429 with Retry-After: the first sweep records a retry (attempts 1, lastError); after Retry-After the next sweep sends', async () => {
    const bookingId = await bookFor('U0A');
    w.fake.failNext('chat.postMessage', { status: 429, retryAfter: 40 });
    const first = await w.sweep();
    expect(first).toMatchObject({ sent: 0, retried: 1, failed: 0 });
    expect(w.fake.callsTo('chat.postMessage')).toHaveLength(1); // the WebClient itself did not retry
    const row = await confirmationRow(bookingId);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'ratelimited' });
    expect(row.dueAt).toEqual(new Date('2026-11-30T14:00:40Z')); // Retry-After (40 s) beats the 15 s backoff

    w.h.clock.set('2026-11-30T14:00:39Z');
    expect(await w.sweep()).toMatchObject({ sent: 0 });
    w.h.clock.set('2026-11-30T14:00:40Z');
    expect(await w.sweep()).toMatchObject({ sent: 1, retried: 0 });
    expect(await confirmationRow(bookingId)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(w.fake.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
  });

  it('a 5xx is retried later', async () => {
    const bookingId = await bookFor('U0B');
    w.fake.failNext('chat.postMessage', { status: 503 });
    expect(await w.sweep()).toMatchObject({ retried: 1 });
    expect(await confirmationRow(bookingId)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'http_503' });
  });

  it('user_not_found (conversations.open) and cannot_dm_bot fail for good', async () => {
    const a = await bookFor('U0C');
    w.fake.failNext('conversations.open', { ok: false, error: 'user_not_found' });
    expect(await w.sweep()).toMatchObject({ failed: 1 });
    expect(await confirmationRow(a)).toMatchObject({ status: 'failed', lastError: 'user_not_found' });
    const b = await bookFor('U0D');
    w.fake.failNext('chat.postMessage', { ok: false, error: 'cannot_dm_bot' });
    expect(await w.sweep()).toMatchObject({ failed: 1 });
    expect(await confirmationRow(b)).toMatchObject({ status: 'failed', lastError: 'cannot_dm_bot' });
  });

  it('an archived staff channel fails the staff card for good', async () => {
    const r = await w.h.core.bookSession({ caller: customer('U0E'), kind: 'online', lengthMinutes: 30, startsAt: '2026-12-08T15:00:00Z', payStandardFee: true });
    if (r.kind !== 'pending_approval') throw new Error(r.kind);
    w.fake.failNext('chat.postMessage', { ok: false, error: 'is_archived' });
    w.fake.failNext('chat.postMessage', { ok: false, error: 'is_archived' });
    await w.sweep();
    const rows = await w.h.db.store.transaction((tx) => tx.outbox.list({ bookingId: r.booking.bookingId }));
    expect(rows.find((m) => m.type === 'staff_approval_request')).toMatchObject({ status: 'failed', lastError: 'is_archived' });
  });
});

describe('classifyError', () => {
  const platform = (error: string) => ({ code: 'slack_webapi_platform_error', data: { ok: false, error } });
  it.each(['user_not_found', 'account_inactive', 'channel_not_found', 'is_archived', 'not_in_channel', 'cannot_dm_bot'])('%s → failed', (error) => {
    expect(classifyError(platform(error))).toEqual({ kind: 'failed', error });
  });
  it('rate limits, 5xx, network errors and unknown platform errors → retry', () => {
    expect(classifyError({ code: 'slack_webapi_rate_limited_error', retryAfter: 7 })).toEqual({ kind: 'retry', error: 'ratelimited', retryAfterMs: 7000 });
    expect(classifyError({ code: 'slack_webapi_http_error', statusCode: 502 })).toEqual({ kind: 'retry', error: 'http_502' });
    expect(classifyError({ code: 'slack_webapi_request_error', message: 'ECONNRESET' })).toMatchObject({ kind: 'retry' });
    expect(classifyError(platform('internal_error'))).toEqual({ kind: 'retry', error: 'internal_error' });
    expect(classifyError({ code: 'slack_webapi_http_error', statusCode: 404 })).toEqual({ kind: 'failed', error: 'http_404' });
  });
});
