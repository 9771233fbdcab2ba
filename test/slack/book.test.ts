import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { companyWithPlan, linkedCustomer } from '../support/core-harness.js';
import { buttons, lastCall, shown, slackWorld, type SlackWorld } from './slack-harness.js';

describe('/book with text (real Bolt, fake Slack, core on SQLite)', () => {
  let w: SlackWorld;
  beforeAll(async () => {
    w = await slackWorld();
    const code = await companyWithPlan(w.h);
    await linkedCustomer(w.h, 'U0LINKED', code);
  });
  afterAll(() => w.close());
  beforeEach(() => w.fake.reset());

  it('reads back what it understood in the person\'s zone, covered by the plan, with Confirm', async () => {
    const answer = await w.command('/book', 'tomorrow 3pm', 'U0LINKED');
    expect(answer.response_type).toBe('ephemeral');
    const text = shown(answer);
    expect(text).toContain('Tue 1 Dec, 15:00 New York');
    expect(text).toContain('Covered by your maintenance plan.');
    const [confirm] = buttons(answer);
    expect(confirm?.text).toBe('Confirm');
    expect(confirm?.action_id).toBe('sk:book::2026-12-01T20%3A00Z%7Conline%7C30');
    // users.info was asked for the locale too
    expect(lastCall(w.fake, 'users.info').body).toMatchObject({ user: 'U0LINKED', include_locale: 'true' });
  });

  it('Confirm books it, answers in place, and the sweeper DMs the full confirmation', async () => {
    const answer = await w.command('/book', 'tomorrow 3pm', 'U0LINKED');
    const res = await w.press(buttons(answer)[0]!.action_id, 'U0LINKED', { responseId: 'confirm-1', channel: 'C0GENERAL' });
    expect(res.status).toBe(200);
    const done = await w.response('confirm-1');
    expect(done).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(shown(done)).toContain('Booked: Online session Tue 1 Dec, 15:00–15:30 New York');

    const rows = await w.h.db.prisma.booking.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'confirmed', startsAt: new Date('2026-12-01T20:00:00Z'), lengthMinutes: 30, priceCents: 0 });

    const report = await w.sweep();
    expect(report.sent).toBe(1);
    expect(lastCall(w.fake, 'conversations.open').body).toMatchObject({ users: 'U0LINKED' });
    const dm = lastCall(w.fake, 'chat.postMessage').body;
    expect(dm.channel).toBe('D0LINKED');
    const text = shown(dm);
    expect(text).toContain('Your session is booked.');
    expect(text).toContain('*Online session* (30 minutes) with Alice Moreno');
    expect(text).toContain('*When:* Tue 1 Dec, 15:00–15:30 New York');
    expect(text).toMatch(/\*Join:\* <http:\/\/localhost:3000\/j\/[^|]+\|/);
    expect(text).toMatch(/\*Phone:\* \+1 555 010 0200, PIN \d{6}/);
    expect(text).toContain('*Price:* Covered by your maintenance plan');
    expect(text).toContain('You can cancel or reschedule until Tue 1 Dec, 13:55 New York.');
    expect(buttons(dm).map((b) => b.text)).toEqual(['Reschedule', 'Cancel', 'Add to calendar']);
    const outbox = await w.h.db.store.transaction((tx) => tx.outbox.list({ bookingId: rows[0]!.id }));
    expect(outbox.find((m) => m.type === 'booking_confirmed')).toMatchObject({ status: 'sent' });
    const delivered = await w.h.db.store.transaction((tx) => tx.outbox.delivered(rows[0]!.id));
    expect(JSON.parse(delivered[0]!.deliveryRef)).toEqual({ channel: 'D0LINKED', ts: expect.stringMatching(/^1700000000\./) });
  });
});
