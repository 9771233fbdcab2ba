/** A notifier that records what would be delivered, with scriptable outcomes. */
import type { DeliveryResult, Notifier, OutboxMessage } from '../../core/notifications/types.js';

export class RecordingNotifier implements Notifier {
  readonly delivered: OutboxMessage[] = [];
  private script: DeliveryResult[] = [];

  /** The next deliveries answer these, in order; afterwards every delivery is sent. */
  answerNext(...results: DeliveryResult[]): void {
    this.script.push(...results);
  }

  async deliver(message: OutboxMessage): Promise<DeliveryResult> {
    const r = this.script.shift() ?? { kind: 'sent', ref: `ref-${message.id}` };
    if (r.kind === 'sent') this.delivered.push(message);
    return r;
  }

  types(): string[] {
    return this.delivered.map((m) => m.notice.type);
  }

  clear(): void {
    this.delivered.length = 0;
  }
}
