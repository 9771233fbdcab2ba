/**
 * Routes outbox messages to the adapter of the platform they belong to: a member's messages to
 * the platform they wrote from, staff-channel messages to every running platform. A message for a
 * platform that is not running now is retried later (it may be started again), not dropped.
 * Email rows (channel 'email') go to the email notifier, whatever the member's platform.
 */
import type { Platform } from '../../core/model.js';
import type { DeliveryResult, Notifier, OutboxMessage } from '../../core/notifications/types.js';

const STAFF_REFS = 'byPlatform';

/** The reference one platform's notifier gave for a message (staff messages keep one per platform). */
export function refFor(platform: Platform, deliveryRef: string): string | null {
  try {
    const parsed = JSON.parse(deliveryRef) as Record<string, unknown>;
    if (parsed && typeof parsed === 'object' && STAFF_REFS in parsed) {
      return ((parsed[STAFF_REFS] as Partial<Record<Platform, string>>)[platform]) ?? null;
    }
  } catch {
    // not JSON: a plain reference
  }
  return deliveryRef;
}

export function compositeNotifier(byPlatform: Partial<Record<Platform, Notifier>>, channels: { email?: Notifier } = {}): Notifier {
  return {
    async deliver(m: OutboxMessage): Promise<DeliveryResult> {
      if (m.channel === 'email') return channels.email ? channels.email.deliver(m) : { kind: 'retry', error: 'email is not configured (SMTP_URL)' };
      if (m.recipient.to === 'member') {
        const n = m.platform ? byPlatform[m.platform] : undefined;
        return n ? n.deliver(m) : { kind: 'retry', error: `the ${m.platform ?? 'unknown'} adapter is not running` };
      }
      const targets = Object.entries(byPlatform).filter((e): e is [Platform, Notifier] => !!e[1]);
      if (targets.length === 0) return { kind: 'retry', error: 'no platform is running' };
      const results = await Promise.all(targets.map(([, n]) => n.deliver(m)));
      const notSent = results.find((r) => r.kind !== 'sent');
      if (notSent) return notSent;
      const refs: Partial<Record<Platform, string>> = {};
      targets.forEach(([p], i) => {
        const r = results[i]!;
        if (r.kind === 'sent' && r.ref) refs[p] = r.ref;
      });
      return { kind: 'sent', ref: JSON.stringify({ [STAFF_REFS]: refs }) };
    },
  };
}
