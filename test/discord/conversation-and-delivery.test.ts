/** Booking-channel conversations in threads, and how deliveries fail or recover. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyWithPlan } from '../support/core-harness.js';
import { BOOKING, buttonIds, buttonLabels, CUSTOMER, EPHEMERAL_MESSAGE, newestBooking, OTHER, startSlotkeeper, type Slotkeeper } from './slotkeeper.js';
import { decodeIntent } from '../../bots/shared/present/intents.js';

const TUE_3PM_NY = Date.parse('2026-12-01T20:00:00Z') / 1000;
const TUE_4PM_NY = Date.parse('2026-12-01T21:00:00Z') / 1000;

describe('booking channel conversations and delivery', () => {
  let s: Slotkeeper;
  let dmChannel = '';
  const rows = (bookingId: string) => s.db.store.transaction((tx) => tx.outbox.list({ bookingId }));
  const settle = () => new Promise((r) => setTimeout(r, 150));

  beforeAll(async () => {
    s = await startSlotkeeper();
    await companyWithPlan(s.h);
    await s.command('support-code', { code: 'ACME-2026' });
    dmChannel = (await s.client.users.createDM(CUSTOMER)).id;
  });
  afterAll(async () => s?.close());

  it('ignores a bot-authored message and chatter in the booking channel (no REST call at all)', async () => {
    const before = s.fake.calls.length;
    s.fake.messageCreate({ channel: 'booking', bot: true, content: 'can I book a phone session tomorrow at 3pm?' });
    s.fake.messageCreate({ channel: 'booking', author: 'customer', content: 'thanks, see you!' });
    await settle();
    expect(s.fake.calls.length).toBe(before);
  });

  let thread = '';
  let confirm = '';
  let more = '';
  let fee = '';
  it('a booking message is answered in a thread with what was understood and the author’s Confirm / Other times', async () => {
    const msg = s.fake.messageCreate({ channel: 'booking', author: 'customer', content: 'can I book a phone session tomorrow at 3pm?' });
    thread = msg.id;
    const answer = await s.fake.waitForCall('POST', `/channels/${thread}/messages`, 4_000);
    expect(s.fake.callsTo('POST', `/channels/${BOOKING}/messages/${msg.id}/threads`)).toHaveLength(1);
    // covered by the plan: nothing private to say, so no price line (and no DM about it)
    expect(answer.body.content).toBe('**Phone session, 30 minutes**\n**When:** Tue 1 Dec, 15:00 New York\n-# Times are read in New York time until you save your zone with `/timezone`.');
    // both carry the key of the quote shown (free, this company) and their owner
    const slot = { startsAt: '2026-12-01T20:00:00.000Z', kind: 'phone', lengthMinutes: 30, quoteKey: expect.stringMatching(/^0f[0-9a-f]{4}$/), author: CUSTOMER };
    expect(buttonIds(answer.body).map(decodeIntent)).toEqual([{ do: 'book', slot }, { do: 'more', slot }]);
    expect(buttonLabels(answer.body)).toEqual(['Confirm', 'Other times']);
    confirm = buttonIds(answer.body)[0]!;
    more = buttonIds(answer.body)[1]!;
  });

  it('only the author can press the thread’s buttons', async () => {
    const { call } = await s.press(confirm, { user: 'other', channel: thread });
    expect(call.body).toMatchObject({ type: 4, data: { content: `These buttons belong to <@${CUSTOMER}>. Ask for your own time with \`/book\` or a message in the booking channel.`, flags: 64 } });
    expect(call.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('Other times in the public thread: the list (with its price line) goes to the presser alone; the thread message stays', async () => {
    const { call } = await s.press(more, { channel: thread });
    expect(call.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(call.body.data.content).toMatch(/^Other free times \(in New York time on the buttons\):\nFor a phone session, 30 minutes\.\nCovered by your maintenance plan\.\nPick a time:$/);
    const picks = buttonIds(call.body.data).map(decodeIntent);
    expect(picks.length).toBeGreaterThan(0);
    for (const p of picks) expect(p).toMatchObject({ do: 'book', slot: { kind: 'phone', lengthMinutes: 30, author: CUSTOMER } });
    expect(s.fake.callsTo('PATCH', new RegExp(`/channels/${thread}/messages/`))).toHaveLength(0);
  });

  it('the conversation continues in the same thread', async () => {
    const before = s.fake.callsTo('POST', `/channels/${thread}/messages`).length;
    s.fake.messageCreate({ channel: thread, author: 'customer', content: 'could we book 4pm tomorrow instead?' });
    const deadline = Date.now() + 3_000;
    while (s.fake.callsTo('POST', `/channels/${thread}/messages`).length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    const next = s.fake.callsTo('POST', `/channels/${thread}/messages`)[before]!;
    expect(next.body.content).toMatch(/^\*\*Online session, 30 minutes\*\*\n\*\*When:\*\* Tue 1 Dec, 16:00 New York\n/);
    expect(decodeIntent(buttonIds(next.body)[0])).toEqual({ do: 'book', slot: { startsAt: new Date(TUE_4PM_NY * 1000).toISOString(), kind: 'online', lengthMinutes: 30, quoteKey: expect.stringMatching(/^0f[0-9a-f]{4}$/), author: CUSTOMER } });
    expect(s.fake.callsTo('POST', /\/threads$/)).toHaveLength(1); // no second thread
  });

  it('Confirm in the public thread: the thread message gets a short line only; join link, phone, PIN and price go in an ephemeral follow-up', async () => {
    const { i, call } = await s.press(confirm, { channel: thread });
    expect(call.body.type).toBe(7);
    const ref = (await newestBooking(s)).reference;
    expect(call.body.data).toEqual({
      content: `Booked ${ref} for <t:${TUE_3PM_NY}:F> (Tue 1 Dec, 15:00 New York): the details are in your direct messages.`,
      components: [],
      allowed_mentions: { parse: [], replied_user: false },
      tts: false,
      enforce_nonce: false,
    });
    const follow = await s.fake.waitForCall('POST', `/webhooks/${i.application_id}/${i.token}`, 4_000);
    expect(follow.body.flags).toBe(64);
    const details = follow.body.content as string;
    // the presser alone reads what they booked; the join link, phone, PIN and price follow in the confirmation DM
    expect(details).toBe(`Booked: Phone session <t:${TUE_3PM_NY}:F>–<t:${TUE_3PM_NY + 1800}:t> (Tue 1 Dec, 15:00–15:30 New York). The confirmation with the join link and phone number is in your direct messages.`);
    expect(follow.body.components).toEqual([]);
    expect(call.body.data.content).not.toMatch(/PIN|\/j\/|\$|Price/);
  });

  it('a paid proposal in the thread keeps the amount out of it: the price goes to the author by DM, the fee button has no amount', async () => {
    const before = s.fake.callsTo('POST', `/channels/${thread}/messages`).length;
    const dmsBefore = s.fake.callsTo('POST', `/channels/${dmChannel}/messages`).length;
    s.fake.messageCreate({ channel: thread, author: 'other', content: 'phone session tomorrow at 4pm please' });
    const deadline = Date.now() + 3_000;
    while (s.fake.callsTo('POST', `/channels/${thread}/messages`).length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    const next = s.fake.callsTo('POST', `/channels/${thread}/messages`)[before]!;
    expect(next.body.content).toBe(
      '**Phone session, 30 minutes**\n**When:** Tue 1 Dec, 16:00 New York\nBefore you book, read the details I sent you by direct message.\n-# Times are read in New York time until you save your zone with `/timezone`.',
    );
    expect(buttonLabels(next.body)).toEqual(['Confirm', 'Book at the standard fee', 'Other times']);
    fee = buttonIds(next.body)[1]!;
    expect(decodeIntent(fee)).toMatchObject({ do: 'book', slot: { payStandardFee: true, author: OTHER } });
    expect(next.body.content).not.toContain('$');
    const aboutIt = () => s.fake.callsTo('POST', /^\/channels\/\d+\/messages$/).find((c) => typeof c.body?.content === 'string' && c.body.content.startsWith('About the time you asked for'));
    while (!aboutIt() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    const dm = aboutIt()!;
    expect(dm.body.content).toBe(
      `About the time you asked for in <#${thread}>: Phone session, Tue 1 Dec, 16:00 New York.\nYou are not linked to a company yet. Press Confirm to enter your maintenance code, or book now at the standard fee of $60.`,
    );
    expect(s.fake.callsTo('POST', `/channels/${dmChannel}/messages`)).toHaveLength(dmsBefore); // the other person's DM, not the customer's
  });

  it('times to pick from in the thread (a window asked for) keep the amount out too, and the quote goes by DM', async () => {
    const before = s.fake.callsTo('POST', `/channels/${thread}/messages`).length;
    const about = () => s.fake.callsTo('POST', /^\/channels\/\d+\/messages$/).filter((c) => typeof c.body?.content === 'string' && c.body.content.startsWith('About the time you asked for'));
    const aboutBefore = about().length;
    s.fake.messageCreate({ channel: thread, author: 'other', content: 'phone session Friday afternoon please' });
    const deadline = Date.now() + 3_000;
    while ((s.fake.callsTo('POST', `/channels/${thread}/messages`).length === before || about().length === aboutBefore) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    const next = s.fake.callsTo('POST', `/channels/${thread}/messages`)[before]!;
    expect(next.body.content).toMatch(/^Free times Fri 4 Dec, .*:\nFor a phone session, 30 minutes\.\nBefore you book, read the details I sent you by direct message\.\nPick a time:/);
    expect(next.body.content).not.toContain('$');
    for (const id of buttonIds(next.body)) expect(decodeIntent(id)).toMatchObject({ do: 'book', slot: { author: OTHER } });
    expect(about()[aboutBefore]!.body.content).toMatch(new RegExp(`^About the time you asked for in <#${thread}>: Phone session, Fri 4 Dec, .*\\.\\nYou are not linked to a company yet\\. .* standard fee of \\$60\\.$`));
  });

  it('a paid request from the thread: the thread says "Request sent to staff", the price is in the ephemeral follow-up only', async () => {
    const { i, call } = await s.press(fee, { user: 'other', channel: thread });
    expect(call.body.type).toBe(7);
    const b = await newestBooking(s, OTHER);
    expect(b).toMatchObject({ status: 'pending_approval', priceCents: 6000 });
    const ref = b.reference;
    expect(call.body.data).toEqual({
      content: `Request sent to staff (${ref}): the details are in your direct messages.`,
      components: [],
      allowed_mentions: { parse: [], replied_user: false },
      tts: false,
      enforce_nonce: false,
    });
    const follow = await s.fake.waitForCall('POST', `/webhooks/${i.application_id}/${i.token}`, 4_000);
    expect(follow.body.flags).toBe(64);
    expect(follow.body.content).toBe(`Requested: Phone session <t:${TUE_4PM_NY}:F>–<t:${TUE_4PM_NY + 1800}:t> (Tue 1 Dec, 16:00–16:30 New York). The time is held while staff approve it; you will get a message when they decide.`);
    expect(call.body.data.content).not.toContain('$');
  });

  it('closed DMs: the confirmation is recorded as failed (dms_closed) and the author is told once in the thread, without details', async () => {
    const b = await newestBooking(s, CUSTOMER);
    const bookingId = b.reference;
    s.fake.failNext(`POST /channels/${dmChannel}/messages`, { status: 403, code: 50007, message: 'Cannot send messages to this user' });
    await s.sweep();
    const confirmed = (await rows(b!.id)).find((r) => r.type === 'booking_confirmed')!;
    expect(confirmed).toMatchObject({ status: 'failed', lastError: 'dms_closed' });
    const told = s.fake.callsTo('POST', `/channels/${thread}/messages`).filter((c) => c.body.content.includes('could not send you a direct message'));
    expect(told.map((c) => c.body)).toEqual([
      expect.objectContaining({
        content: `<@${CUSTOMER}> I could not send you a direct message about booking ${bookingId}: your direct messages are closed. Allow direct messages from this server’s members (Privacy Settings) to get the confirmation, reminders and join link.`,
        allowed_mentions: { users: [CUSTOMER] },
      }),
    ]);
    expect(s.fake.callsTo('POST', `/channels/${dmChannel}/messages`).map((c) => c.status)).toEqual([403]);
  });

  it('a 429 on the DM is waited out by discord.js and the confirmation is sent once', async () => {
    const { call } = await s.command('book', { when: 'Wednesday at 11am' });
    const { call: booked } = await s.press(buttonIds(call.body.data)[0]!, EPHEMERAL_MESSAGE);
    expect(booked.body.data.content).toMatch(/^Booked: /);
    const b = await newestBooking(s);
    const ref = b.reference;
    s.fake.failNext(`POST /channels/${dmChannel}/messages`, { status: 429, retryAfter: 0.1 });
    await s.sweep();
    const posts = s.fake.callsTo('POST', `/channels/${dmChannel}/messages`).filter((c) => c.body.content.startsWith('✅ **Your session is booked.**') && c.body.content.endsWith(`Booking ${ref}`));
    expect(posts.map((c) => c.status)).toEqual([429, 200]);
    expect(posts[1]!.body).toEqual(posts[0]!.body);
    expect((await rows(b!.id)).find((r) => r.type === 'booking_confirmed')).toMatchObject({ status: 'sent' });
  });

  it('5xx after discord.js’s own retries → retry later; an unknown user → failed', async () => {
    const { call } = await s.command('book', { when: 'Wednesday at 2pm' });
    const { call: booked } = await s.press(buttonIds(call.body.data)[0]!, EPHEMERAL_MESSAGE);
    expect(booked.body.data.content).toMatch(/^Booked: /);
    const b = await newestBooking(s);
    for (let n = 0; n < 4; n++) s.fake.failNext(`POST /channels/${dmChannel}/messages`, { status: 502 });
    await s.sweep();
    const row = (await rows(b!.id)).find((r) => r.type === 'booking_confirmed')!;
    expect(row).toMatchObject({ lastError: 'discord 502', attempts: 1 });
    expect(row.status).not.toMatch(/sent|failed/);

    s.fake.failNext('POST /users/@me/channels', { status: 404, code: 10013, message: 'Unknown User' });
    const result = await s.notifier.deliver({ id: 'n1', recipient: { to: 'member', memberId: 'm' }, platform: 'discord', platformUserId: '999999999999999999', bookingId: null, notice: { type: 'reinstated', companyName: 'Acme Crating' }, attempts: 0 });
    expect(result).toEqual({ kind: 'failed', error: 'unknown_user' });
  });

  it('after the cutoff the Reschedule / Cancel buttons disappear from the DMs; Join and calendar links stay', async () => {
    const { call } = await s.command('book', { when: 'Thursday at 10am' });
    const { call: booked } = await s.press(buttonIds(call.body.data)[0]!, EPHEMERAL_MESSAGE);
    expect(booked.body.data.content).toMatch(/^Booked: /);
    const b = await newestBooking(s);
    const ref = b.reference;
    await s.sweep();
    const delivered = await s.db.store.transaction((tx) => tx.outbox.delivered(b.id));
    const first = JSON.parse(delivered[0]!.deliveryRef) as { channelId: string; messageId: string };
    // The earlier tests' Wednesday sessions were attended: two no-shows would suspend the company and
    // cancel this free session (a suspension cancels upcoming free sessions).
    await s.db.prisma.booking.updateMany({ where: { id: { not: b.id }, status: 'confirmed' }, data: { joinedAt: new Date('2026-12-02T16:00:00Z'), joinedVia: 'link' } });
    s.h.clock.set(new Date(b.startsAt!.getTime() - 60 * 60_000)); // 60 min before: past the 65-minute cutoff
    await s.sweep();
    const edits = s.fake.callsTo('PATCH', `/channels/${first.channelId}/messages/${first.messageId}`);
    expect(edits).toHaveLength(1);
    expect(buttonLabels(edits[0]!.body)).toEqual(['Join', 'Add to calendar']);
    expect(buttonIds(edits[0]!.body)).toEqual(['link:Join', `sk:calendar:${b.id}`]);
    // The text is patched too: no "you can cancel or reschedule until …" left under no buttons.
    const u = b.startsAt!.getTime() / 1000;
    const content = edits[0]!.body.content as string;
    const lines = content.split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe('**Online session (30 minutes) with Alice Moreno**');
    expect(lines[1]).toBe(`**When:** <t:${u}:F>–<t:${u + 1800}:t> (Thu 3 Dec, 10:00–10:30 New York)`);
    expect(lines[2]).toMatch(/^\*\*Join:\*\* http:\/\/localhost:3000\/j\/[a-z0-9]+$/);
    expect(lines[3]).toMatch(/^\*\*Phone:\*\* \+1 555 010 0200, PIN \d{6}$/);
    expect(lines[4]).toBe('-# It is now less than 65 minutes before your session: it can no longer be cancelled or rescheduled, so those buttons were removed.');
    expect(content).not.toContain('You can cancel or reschedule until');
    expect(content.endsWith(`Booking ${ref}`)).toBe(true);
  });
});
