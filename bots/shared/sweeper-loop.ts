/**
 * Runs core's sweep every `intervalMs`, one pass at a time (a pass never overlaps the next). A pass
 * that filled its batch runs again at once so a backlog drains. Errors are logged, not fatal.
 */
import type { Core } from '../../core/index.js';
import type { Notifier } from '../../core/notifications/types.js';
import type { Logger } from './logger.js';

export interface SweeperHandle {
  /** Runs one pass now (the console's "skip ahead" calls this after moving the clock). */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

export function startSweeper(core: Core, notifier: Notifier, opts: { intervalMs: number; logger: Logger; batch?: number; now?: () => number }): SweeperHandle {
  const batch = opts.batch ?? 500;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const now = opts.now ?? Date.now;
  /** When a delivery asked to be retried sooner than the next interval (429 Retry-After: 1). */
  let wakeAt: number | null = null;
  const pass = async () => {
    wakeAt = null;
    try {
      for (let i = 0; i < 20; i++) {
        const r = await core.runSweep({ notifier, limit: batch });
        if (r.nextRetryAt) wakeAt = Math.min(wakeAt ?? Infinity, r.nextRetryAt.getTime());
        if (r.jobs + r.sent + r.failed + r.retried + r.voided < batch) break;
      }
    } catch (e) {
      opts.logger.error({ err: (e as Error).message }, 'sweep failed');
    }
  };
  const schedule = () => {
    if (stopped) return;
    // Never sooner than 250 ms (no busy loop), never later than the interval.
    const delay = wakeAt === null ? opts.intervalMs : Math.min(opts.intervalMs, Math.max(250, wakeAt - now()));
    timer = setTimeout(() => {
      running = pass().finally(schedule);
    }, delay);
    timer.unref?.();
  };
  running = pass().finally(schedule);

  return {
    runNow: () => {
      running = running.then(pass);
      return running;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
