/**
 * Routes outbox messages to the adapter of the platform they belong to: a member's messages to
 * the platform they wrote from, staff-channel messages to every running platform. A message for a
 * platform that is not running now is retried later (it may be started again), not dropped.
 */
import type { Platform } from '../../core/model.js';
import type { DeliveryResult, Notifier, OutboxMessage } from '../../core/notifications/types.js';

export function compositeNotifier(byPlatform: Partial<Record<Platform, Notifier>>): Notifier {
  return {
    async deliver(m: OutboxMessage): Promise<DeliveryResult> {
      if (m.recipient.to === 'member') {
        const n = m.platform ? byPlatform[m.platform] : undefined;
        return n ? n.deliver(m) : { kind: 'retry', error: `the ${m.platform ?? 'unknown'} adapter is not running` };
      }
      const targets = Object.values(byPlatform).filter((n): n is Notifier => !!n);
      if (targets.length === 0) return { kind: 'retry', error: 'no platform is running' };
      const results = await Promise.all(targets.map((n) => n.deliver(m)));
      const notSent = results.find((r) => r.kind !== 'sent');
      if (!notSent) return { kind: 'sent', ref: JSON.stringify(results.map((r) => (r.kind === 'sent' ? r.ref ?? null : null))) };
      return notSent;
    },
  };
}
