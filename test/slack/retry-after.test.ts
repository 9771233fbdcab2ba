/**
 * A 429 with Retry-After: 1 from Slack is retried after 1 second, not after the sweeper's own 15 s
 * backoff: the real Bolt Web API client against the fake Slack, the real sweeper and outbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyWithPlan, linkedCustomer } from '../support/core-harness.js';
import { slackWorld, type SlackWorld } from './slack-harness.js';
import { startSweeper } from '../../bots/shared/sweeper-loop.js';
import { createLogger } from '../../bots/shared/logger.js';
import type { Core } from '../../core/index.js';

describe('Retry-After', () => {
  let w: SlackWorld;
  beforeAll(async () => {
    w = await slackWorld();
  });
  afterAll(() => w.close());

  it('Slack 429 Retry-After: 1 schedules the retry 1 s later (the minimum backoff does not win), then it is sent', async () => {
    const c = await linkedCustomer(w.h, 'U0RATE', await companyWithPlan(w.h));
    const r = await w.h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 30, startsAt: new Date('2026-12-01T20:00:00Z') });
    expect(r.kind).toBe('booked');
    w.fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const now = w.h.clock.now().getTime();
    const first = await w.sweep();
    expect(first.retried).toBe(1);
    expect(first.nextRetryAt!.getTime() - now).toBe(1000);
    const row = await w.h.db.prisma.notification.findFirstOrThrow({ where: { status: 'pending', attempts: { gt: 0 } } });
    expect(row.dueAt.getTime() - now).toBe(1000);
    expect(row.lastError).toBe('ratelimited');
    w.h.clock.advance(999);
    expect((await w.sweep()).sent).toBe(0); // not before the second is up
    w.h.clock.advance(1);
    const second = await w.sweep();
    expect(second.sent).toBeGreaterThanOrEqual(1);
    expect((await w.h.db.prisma.notification.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('sent');
  });

  it('the sweeper loop wakes for the retry 1 s later instead of waiting its 15 s interval', async () => {
    const passes: number[] = [];
    const started = Date.now();
    let first = true;
    const core = {
      runSweep: async () => {
        passes.push(Date.now() - started);
        const report = { kind: 'swept' as const, jobs: 0, sent: 0, failed: 0, retried: first ? 1 : 0, voided: 0, ...(first ? { nextRetryAt: new Date(Date.now() + 1000) } : {}) };
        first = false;
        return report;
      },
    } as unknown as Core;
    const loop = startSweeper(core, { deliver: async () => ({ kind: 'sent' }) }, { intervalMs: 15_000, logger: createLogger({ level: 'silent' }) });
    await expect.poll(() => passes.length, { timeout: 3_000, interval: 50 }).toBe(2);
    await loop.stop();
    expect(passes[1]! - passes[0]!).toBeGreaterThanOrEqual(900);
    expect(passes[1]! - passes[0]!).toBeLessThan(2_000);
  });
});
