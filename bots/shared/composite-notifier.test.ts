import { describe, expect, it } from 'vitest';
import { compositeNotifier, refFor } from './composite-notifier.js';
import type { Notifier, OutboxMessage } from '../../core/notifications/types.js';

const staffMessage = { id: 'n1', recipient: { to: 'staff' }, platform: null, platformUserId: null, bookingId: 'b1', notice: { type: 'reinstated', companyName: 'Acme' }, attempts: 1 } as OutboxMessage;
const sentWith = (ref: string): Notifier => ({ deliver: async () => ({ kind: 'sent', ref }) });

describe('the composite notifier', () => {
  it('keeps each platform its own reference for a staff card', async () => {
    const r = await compositeNotifier({ slack: sentWith('{"channel":"C1","ts":"1.2"}'), discord: sentWith('{"channelId":"9","messageId":"8"}') }).deliver(staffMessage);
    expect(r.kind).toBe('sent');
    const ref = r.kind === 'sent' ? r.ref! : '';
    expect(refFor('slack', ref)).toBe('{"channel":"C1","ts":"1.2"}');
    expect(refFor('discord', ref)).toBe('{"channelId":"9","messageId":"8"}');
    expect(refFor('console', ref)).toBeNull();
    expect(refFor('slack', '{"channel":"C1","ts":"3.4"}')).toBe('{"channel":"C1","ts":"3.4"}');
  });

  it('retries a member message for a platform that is not running, and a staff message when any platform must retry', async () => {
    const member = { ...staffMessage, recipient: { to: 'member', memberId: 'm1' }, platform: 'discord', platformUserId: 'u1' } as OutboxMessage;
    expect(await compositeNotifier({ slack: sentWith('x') }).deliver(member)).toEqual({ kind: 'retry', error: 'the discord adapter is not running' });
    const busy: Notifier = { deliver: async () => ({ kind: 'retry', error: 'rate limited', retryAfterMs: 1000 }) };
    expect(await compositeNotifier({ slack: sentWith('x'), discord: busy }).deliver(staffMessage)).toEqual({ kind: 'retry', error: 'rate limited', retryAfterMs: 1000 });
  });
});
