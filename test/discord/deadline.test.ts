/** Discord allows 3 s to answer: when core is slow the bot acknowledges first and edits the answer in. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonIds, EPHEMERAL_MESSAGE, newestBooking, startSlotkeeper, type Slotkeeper } from './slotkeeper.js';
import { decodeIntent, encodeIntent } from '../../bots/shared/present/intents.js';
import { companyWithPlan } from '../support/core-harness.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a slow core', () => {
  let s: Slotkeeper;
  beforeAll(async () => {
    s = await startSlotkeeper({
      deferAfterMs: 50,
      wrapCore: (core) => ({
        ...core,
        understandRequest: async (input) => (await sleep(200), core.understandRequest(input)),
        bookSession: async (input) => (await sleep(200), core.bookSession(input)),
      }),
    });
    await companyWithPlan(s.h);
    await s.command('support-code', { code: 'ACME-2026' });
  });
  afterAll(async () => s?.close());

  it('/book: deferred ephemeral reply (type 5) before core answers, then the answer through PATCH @original', async () => {
    const { i, call } = await s.command('book', { when: 'tomorrow at 3pm' });
    expect(call.body).toEqual({ type: 4, data: expect.objectContaining({ flags: 64 }) }); // the answer, read through the deferral
    const deferral = await s.fake.waitForCall('POST', `/interactions/${i.id}/${i.token}/callback`, 3_000);
    expect(deferral.body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await s.fake.waitForCall('PATCH', `/webhooks/${s.fake.applicationId}/${i.token}/messages/@original`, 3_000);
    // core took 200 ms here: the deferral went out before it answered
    expect(edit.at - deferral.at).toBeGreaterThanOrEqual(150);
    expect(edit.body.content).toMatch(/^\*\*Online session, 30 minutes\*\*\n\*\*When:\*\* Tue 1 Dec, 15:00 New York\n/);
    expect(decodeIntent(buttonIds(edit.body)[0])).toMatchObject({ do: 'book', slot: { kind: 'online', lengthMinutes: 30, quoteKey: expect.stringMatching(/^0f[0-9a-f]{4}$/) } });
    // The same body discord.js's editReply sends: the answer pings nobody.
    expect(edit.body).toEqual({ content: expect.any(String), components: expect.any(Array), allowed_mentions: { parse: [], replied_user: false }, tts: false, enforce_nonce: false });
  });

  it('Confirm: deferred update (type 6), then the booked message edited in', async () => {
    const { i: cmd } = await s.command('book', { when: 'Wednesday at 10am' });
    const answered = await s.fake.waitForCall('PATCH', `/webhooks/${s.fake.applicationId}/${cmd.token}/messages/@original`, 3_000);
    const bk = buttonIds(answered.body)[0]!;
    expect(decodeIntent(bk)?.do).toBe('book');
    const { i, call: pressed } = await s.press(bk, EPHEMERAL_MESSAGE);
    expect(pressed.body).toEqual({ type: 6 });
    const edit = await s.fake.waitForCall('PATCH', `/webhooks/${s.fake.applicationId}/${i.token}/messages/@original`, 3_000);
    expect(edit.body.content).toMatch(/^Booked: Online session <t:\d+:F>–<t:\d+:t> \(Wed 2 Dec, 10:00–10:30 New York\)\. The confirmation with the join link and phone number is in your direct messages\.$/);
    expect(edit.body.components).toEqual([]);
  });

  it('Confirm on a public (thread) message: deferred update, the short public line through PATCH @original, the details in an ephemeral follow-up', async () => {
    const start = Date.parse('2026-12-03T16:00:00Z') / 1000; // Thu 11:00 New York
    const { i, call: pressed } = await s.press(encodeIntent({ do: 'book', slot: { startsAt: new Date(start * 1000).toISOString(), kind: 'online', lengthMinutes: 30, author: '555555555555555501' } }), { message: {} });
    expect(pressed.body).toEqual({ type: 6 });
    const edit = await s.fake.waitForCall('PATCH', `/webhooks/${s.fake.applicationId}/${i.token}/messages/@original`, 3_000);
    const ref = (await newestBooking(s)).reference;
    expect(edit.body).toEqual({ content: `Booked ${ref} for <t:${start}:F> (Thu 3 Dec, 11:00 New York): the details are in your direct messages.`, components: [], allowed_mentions: { parse: [], replied_user: false }, tts: false, enforce_nonce: false });
    const follow = await s.fake.waitForCall('POST', `/webhooks/${s.fake.applicationId}/${i.token}`, 3_000);
    expect(follow.body.flags).toBe(64);
    expect(follow.body.content).toBe(`Booked: Online session <t:${start}:F>–<t:${start + 1800}:t> (Thu 3 Dec, 11:00–11:30 New York). The confirmation with the join link and phone number is in your direct messages.`);
  });
});
