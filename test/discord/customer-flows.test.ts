/** Customer commands, buttons, modals and DMs end to end: real discord.js vs the fake, real core on SQLite. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyWithPlan, customer } from '../support/core-harness.js';
import { buttonIds, buttonLabels, CUSTOMER, EPHEMERAL_MESSAGE, newestBooking, OTHER, startSlotkeeper, type Slotkeeper } from './slotkeeper.js';
import { decodeIntent, encodeIntent, encodeSlot } from '../../bots/shared/present/intents.js';

const TUE_3PM_NY = Date.parse('2026-12-01T20:00:00Z') / 1000;
const WED_10AM_NY = Date.parse('2026-12-02T15:00:00Z') / 1000;

describe('customer flows on Discord', () => {
  let s: Slotkeeper;
  const bookings = (memberUserId: string) =>
    s.db.store.transaction(async (tx) => {
      const m = await tx.members.find('discord', memberUserId);
      return m ? tx.bookings.upcomingFor({ companyId: m.companyId, memberId: m.id, from: new Date(0), statuses: ['pending_approval', 'confirmed', 'cancelled', 'emergency_requested'] }) : [];
    });
  const outbox = (bookingId: string) => s.db.store.transaction((tx) => tx.outbox.list({ bookingId }));

  beforeAll(async () => {
    s = await startSlotkeeper();
    await companyWithPlan(s.h);
  });
  afterAll(async () => s?.close());

  it('/timezone autocompletes IANA zones by city and saves one (ephemeral)', async () => {
    const i = s.fake.interaction({ kind: 'autocomplete', name: 'timezone', options: [{ name: 'zone', type: 3, value: 'berl', focused: true }] });
    const call = await s.fake.waitForCall('POST', `/interactions/${i.id}/${i.token}/callback`);
    expect(call.body).toEqual({ type: 8, data: { choices: [{ name: 'Berlin (Europe/Berlin)', value: 'Europe/Berlin' }] } });

    const ny = s.fake.interaction({ kind: 'autocomplete', name: 'timezone', options: [{ name: 'zone', type: 3, value: 'new york', focused: true }] });
    expect((await s.fake.waitForCall('POST', `/interactions/${ny.id}/${ny.token}/callback`)).body.data.choices[0]).toEqual({ name: 'New York (America/New_York)', value: 'America/New_York' });

    const { call: saved } = await s.command('timezone', { zone: 'Los Angeles' }, { user: 'other' });
    expect(saved.body.data).toMatchObject({ content: 'Saved: I will read the times you type in Los Angeles time (America/Los\\_Angeles).', flags: 64 });
    const member = await s.db.store.transaction((tx) => tx.members.find('discord', OTHER));
    expect(member?.zone).toBe('America/Los_Angeles');

    const { call: bad } = await s.command('timezone', { zone: 'Atlantis' }, { user: 'other' });
    expect(bad.body.data.content).toBe('That is not a time zone I know. Pick one from the list (e.g. Europe/Berlin, America/New\\_York).');
  });

  it('/book autocomplete previews how the text is understood', async () => {
    const i = s.fake.interaction({ kind: 'autocomplete', name: 'book', options: [{ name: 'when', type: 3, value: 'tomorrow at 3pm', focused: true }] });
    const call = await s.fake.waitForCall('POST', `/interactions/${i.id}/${i.token}/callback`);
    expect(call.body).toEqual({ type: 8, data: { choices: [{ name: 'Tue 1 Dec, 15:00 New York · free', value: 'tomorrow at 3pm' }] } });
  });

  const TUE_3PM = '2026-12-01T20:00:00.000Z';
  const phone30 = { startsAt: TUE_3PM, kind: 'phone' as const, lengthMinutes: 30 };
  let codeModalId = '';
  it('/book when not linked: what was understood, the standard fee, Confirm / Book at $60 / Other times; the vendor zone is named', async () => {
    const { call } = await s.command('book', { when: 'tomorrow at 3pm', kind: 'phone' });
    expect(call.body.type).toBe(4);
    expect(call.body.data.flags).toBe(64);
    expect(call.body.data.content).toBe(
      '**Phone session, 30 minutes**\n**When:** Tue 1 Dec, 15:00 New York\n' +
        'You are not linked to a company yet. Press Confirm to enter your maintenance code, or book now at the standard fee of $60.\n' +
        '-# Times are read in New York time until you save your zone with `/timezone`.',
    );
    // "Book at $60" carries the key of the quote shown ($60, standard fee, no company); the answer is ephemeral, so no owner
    expect(buttonIds(call.body.data)).toEqual([encodeIntent({ do: 'book', slot: phone30 }), encodeIntent({ do: 'book', slot: { ...phone30, payStandardFee: true, quoteKey: '6000sx' } }), encodeIntent({ do: 'more', slot: phone30 })]);
    expect(buttonLabels(call.body.data)).toEqual(['Confirm', 'Book at $60', 'Other times']);
  });

  it('/book with a length not offered says so first, then offers the nearest one; nothing is booked', async () => {
    const { call } = await s.command('book', { when: 'tomorrow at 3pm for 45 minutes', kind: 'phone' });
    expect(call.body.data.content).toMatch(/^\*\*45 minutes isn't offered: phone sessions are 30 minutes or 1 hour\. Showing 30 minutes instead\.\*\*\n\*\*Phone session, 30 minutes\*\*\n/);
    expect(buttonIds(call.body.data)[0]).toBe(encodeIntent({ do: 'book', slot: phone30 }));
    const { call: offered } = await s.command('book', { when: 'tomorrow at 3pm for 30 minutes', kind: 'phone' });
    expect(offered.body.data.content).toMatch(/^\*\*Phone session, 30 minutes\*\*\n/);
    expect(await bookings(CUSTOMER)).toEqual([]);
  });

  it('an old proposal button (the earlier id format) is answered "no longer available", not with a crash', async () => {
    for (const old of [`sk:bk::p.30.${TUE_3PM_NY}.${CUSTOMER}`, `sk:more::p.30.${TUE_3PM_NY}.${CUSTOMER}`, `sk:code::p.30.${TUE_3PM_NY}.${CUSTOMER}`]) {
      const { call } = await s.press(old, EPHEMERAL_MESSAGE);
      expect(call.body).toMatchObject({ type: 4, data: { content: 'This button is no longer available. Please start again (for example with /book or /sessions).', flags: 64 } });
    }
    const { call: fr } = await s.press(`sk:bk::p.30.${TUE_3PM_NY}.${CUSTOMER}`, { locale: 'fr', user: 'other' });
    expect(fr.body.data.content).toBe('Ce bouton n’est plus valable. Veuillez recommencer (par exemple avec /book ou /sessions).');
    expect(await bookings(CUSTOMER)).toEqual([]);
  });

  it('Other times lists the nearest free slots as buttons', async () => {
    const { call } = await s.press(encodeIntent({ do: 'more', slot: phone30 }), EPHEMERAL_MESSAGE);
    expect(call.body.type).toBe(7);
    // the list says what the times cost
    expect(call.body.data.content).toBe('Other free times (in New York time on the buttons):\nFor a phone session, 30 minutes.\nYou are not linked to a company yet. Press Confirm to enter your maintenance code, or book now at the standard fee of $60.\nPick a time:');
    expect(buttonLabels(call.body.data)[0]).toBe('Tue 1 Dec, 15:30 New York');
    expect(buttonIds(call.body.data)[0]).toBe(encodeIntent({ do: 'book', slot: { ...phone30, startsAt: '2026-12-01T20:30:00.000Z' } }));
  });

  it('Confirm without a company asks for the code: Enter my code opens a modal; submitting the code links the company and books (covered by the plan)', async () => {
    const { call: ask } = await s.press(encodeIntent({ do: 'book', slot: phone30 }), EPHEMERAL_MESSAGE);
    expect(ask.body.type).toBe(7);
    expect(ask.body.data.content).toBe('To book, enter your company’s maintenance code, or book at the standard fee of $60.');
    expect(buttonLabels(ask.body.data)).toEqual(['Enter my code', 'Book at $60']);
    codeModalId = buttonIds(ask.body.data)[0]!;
    expect(codeModalId).toBe(encodeIntent({ do: 'code', slot: phone30 }));
    expect(await bookings(CUSTOMER)).toEqual([]);
    const { call: modal } = await s.press(codeModalId, EPHEMERAL_MESSAGE);
    const modalId = `sk:codem::${encodeURIComponent(encodeSlot(phone30))}`;
    expect(modal.body).toEqual({
      type: 9,
      data: {
        custom_id: modalId,
        title: 'Maintenance code',
        components: [{ type: 1, components: [{ type: 4, custom_id: 'code', label: 'Maintenance code', style: 1, required: true, max_length: 64, placeholder: 'On your Profile page' }] }],
      },
    });
    const { call } = await s.submit(modalId, { code: 'ACME-2026' }, EPHEMERAL_MESSAGE);
    expect(call.body.type).toBe(7);
    expect(call.body.data.content).toBe(`Booked: Phone session <t:${TUE_3PM_NY}:F>–<t:${TUE_3PM_NY + 1800}:t> (Tue 1 Dec, 15:00–15:30 New York). The confirmation with the join link and phone number is in your direct messages.`);
    expect(call.body.data.components).toEqual([]);
    const [b] = await bookings(CUSTOMER);
    expect(b).toMatchObject({ status: 'confirmed', kind: 'phone', priceCents: 0, platform: 'discord' });
    expect(b!.startsAt?.getTime()).toBe(TUE_3PM_NY * 1000);
  });

  let dmChannel = '';
  let dmMessage = '';
  it('the confirmation goes by DM with phone, PIN, price, cutoff, calendar link and Reschedule / Cancel; the outbox row keeps the message ref', async () => {
    await s.sweep();
    const open = s.fake.callsTo('POST', '/users/@me/channels').filter((c) => c.body.recipient_id === CUSTOMER);
    expect(open).toHaveLength(1);
    const post = s.fake.calls.find((c) => c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path) && c.body?.content?.startsWith('✅ **Your session is booked.**'))!;
    const [b] = await bookings(CUSTOMER);
    const c = post.body.content as string;
    expect(c).toContain('\n**Phone session (30 minutes) with Alice Moreno**\n');
    expect(c).toContain(`\n**When:** <t:${TUE_3PM_NY}:F>–<t:${TUE_3PM_NY + 1800}:t> (Tue 1 Dec, 15:00–15:30 New York)\n`);
    expect(c).toMatch(/\*\*Phone:\*\* \+1 555 010 0200, PIN \d{6}/);
    expect(c).toContain('**Price:** Covered by your maintenance plan');
    expect(c).toContain(`You can cancel or reschedule until <t:${TUE_3PM_NY - 3900}:F> (Tue 1 Dec, 13:55 New York).`);
    // the reminders still to come, from the card (not a fixed "24 hours and 2 hours")
    expect(c.split('\n')[0]).toBe('✅ **Your session is booked.**');
    expect(c).toContain(`\nWe will remind you <t:${TUE_3PM_NY - 86_400}:F> (Mon 30 Nov, 15:00 New York) and <t:${TUE_3PM_NY - 7_200}:F> (Tue 1 Dec, 13:00 New York).\n`);
    expect(c).not.toContain('24 hours');
    expect(c).toContain('The session closes 10 minutes after the start if nobody from your company has joined online or called in.');
    expect(buttonIds(post.body)).toEqual(['link:Join', `sk:move:${b!.id}`, `sk:cancel:${b!.id}`, `sk:calendar:${b!.id}`, 'link:Manage booking']);
    expect(buttonLabels(post.body)).toEqual(['Join', 'Reschedule', 'Cancel', 'Add to calendar', 'Manage booking']);
    // the self-service page, the same signed link the email carries
    expect(post.body.components[0].components[4]).toMatchObject({ style: 5, url: expect.stringMatching(/^http:\/\/localhost:3000\/m\/[A-Za-z0-9_-]+$/) });
    expect(c).toMatch(/\*\*Join online \(optional\):\*\* http:\/\/localhost:3000\/j\//);
    // Add to calendar answers privately with the booking as it is now and its calendar link
    const { call: calCall } = await s.press(`sk:calendar:${b!.id}`, { dm: true });
    expect(calCall.body.data).toMatchObject({ flags: 64, content: expect.stringMatching(/^📅 \*\*Phone session <t:\d+:F>–<t:\d+:t> \(Tue 1 Dec, 15:00–15:30 New York\)\*\*\n/) });
    const cal = calCall.body.data.components.flatMap((r: { components: { url?: string }[] }) => r.components).find((x: { url?: string }) => x.url?.startsWith('https://calendar.google.com'));
    expect(cal.style).toBe(5);
    expect(cal.url).toMatch(/^https:\/\/calendar\.google\.com\/calendar\/render\?action=TEMPLATE&text=Phone\+session\+with\+Crate\+Pro\+Support&dates=20261201T200000Z%2F20261201T203000Z/);
    dmChannel = post.path.split('/')[2]!;
    const rows = await outbox(b!.id);
    const confirmed = rows.find((r) => r.type === 'booking_confirmed')!;
    expect(confirmed.status).toBe('sent');
    const stored = await s.db.store.transaction((tx) => tx.outbox.delivered(b!.id));
    dmMessage = JSON.parse(stored[0]!.deliveryRef).messageId;
    expect(JSON.parse(stored[0]!.deliveryRef)).toEqual({ channelId: dmChannel, messageId: dmMessage });
  });

  it('another person pressing the booking buttons is told whose they are', async () => {
    // buttons shown where others read them (a booking thread) carry their owner
    const { call } = await s.press(encodeIntent({ do: 'book', slot: { ...phone30, startsAt: '2026-12-01T21:00:00.000Z', author: CUSTOMER } }), { user: 'other' });
    expect(call.body.data).toMatchObject({ content: `These buttons belong to <@${CUSTOMER}>. Ask for your own time with \`/book\` or a message in the booking channel.`, flags: 64 });
    expect(await bookings(OTHER)).toEqual([]);
  });

  it('/sessions lists upcoming sessions with Reschedule / Cancel', async () => {
    const { call } = await s.command('sessions');
    const [b] = await bookings(CUSTOMER);
    expect(call.body.data.flags).toBe(64);
    expect(call.body.data.content).toBe(`**Your upcoming sessions**\nPhone session <t:${TUE_3PM_NY}:F>–<t:${TUE_3PM_NY + 1800}:t> (Tue 1 Dec, 15:00–15:30 New York) with Alice Moreno · ${b!.reference}`);
    expect(buttonIds(call.body.data)).toEqual([`sk:move:${b!.id}`, `sk:cancel:${b!.id}`, `sk:calendar:${b!.id}`]);
    expect(buttonLabels(call.body.data)).toEqual([`Reschedule ${b!.reference}`, `Cancel ${b!.reference}`, `Add to calendar ${b!.reference}`]);
  });

  it('Reschedule opens a modal; the new time is understood and the booking moved', async () => {
    const [b] = await bookings(CUSTOMER);
    const { call: modal } = await s.press(`sk:move:${b!.id}`, { dm: true });
    expect(modal.body.type).toBe(9);
    expect(modal.body.data.custom_id).toBe(`sk:mvm:${b!.id}`);
    const { call } = await s.submit(`sk:mvm:${b!.id}`, { when: 'Wednesday at 10am' });
    expect(call.body.data).toMatchObject({ content: `Moved to <t:${WED_10AM_NY}:F>–<t:${WED_10AM_NY + 1800}:t> (Wed 2 Dec, 10:00–10:30 New York). The confirmation is in your direct messages.`, flags: 64 });
    const [moved] = await bookings(CUSTOMER);
    expect(moved!.startsAt?.getTime()).toBe(WED_10AM_NY * 1000);
    await s.sweep();
    // the earlier confirmation loses its Reschedule / Cancel buttons
    const edit = s.fake.callsTo('PATCH', `/channels/${dmChannel}/messages/${dmMessage}`);
    // and its text no longer offers changes: it says the booking moved
    expect(edit).toHaveLength(1);
    expect(edit[0]!.body.components).toEqual([]);
    expect(edit[0]!.body.content).toBe(
      `**Phone session, now <t:${WED_10AM_NY}:F>–<t:${WED_10AM_NY + 1800}:t> (Wed 2 Dec, 10:00–10:30 New York)**\n-# This session was moved; the newer message has the current time and buttons.\n-# Booking ${b!.reference}`,
    );
    const movedDm = s.fake.calls.find((c) => c.method === 'POST' && c.body?.content?.startsWith('🔁 **Your session was moved'))!;
    expect(movedDm.body.content.split('\n')[0]).toBe(`🔁 **Your session was moved from <t:${TUE_3PM_NY}:F> (Tue 1 Dec, 15:00 New York) to the time below.**`);
    expect(movedDm.body.content).toContain(`\n**When:** <t:${WED_10AM_NY}:F>–<t:${WED_10AM_NY + 1800}:t> (Wed 2 Dec, 10:00–10:30 New York)\n`);
  });

  it('Cancel asks first, then cancels; the earlier DMs are edited and staff are told', async () => {
    const [b] = await bookings(CUSTOMER);
    const { call: ask } = await s.press(`sk:cancel:${b!.id}`, { dm: true });
    expect(ask.body.data).toMatchObject({ content: `Cancel your phone session on <t:${WED_10AM_NY}:F>–<t:${WED_10AM_NY + 1800}:t> (Wed 2 Dec, 10:00–10:30 New York)?`, flags: 64 });
    // Yes carries the booking's sequence as the question showed it (moved once above: 1).
    expect(b!.sequence).toBe(1);
    expect(buttonIds(ask.body.data)).toEqual([`sk:cancel-yes:${b!.id}:1`, `sk:keep:${b!.id}`]);
    expect(buttonLabels(ask.body.data)).toEqual(['Yes, cancel it', 'Keep it']);
    const { call: kept } = await s.press(`sk:keep:${b!.id}`, { dm: true, ...EPHEMERAL_MESSAGE });
    expect(kept.body).toEqual({ type: 7, data: { content: 'Kept: your session stays as it is.', components: [], allowed_mentions: { parse: [], replied_user: false }, tts: false, enforce_nonce: false } });
    expect((await bookings(CUSTOMER))[0]!.status).toBe('confirmed');
    const { call } = await s.press(buttonIds(ask.body.data)[0]!, { dm: true });
    expect(call.body).toMatchObject({ type: 7, data: { content: `Cancelled: Phone session <t:${WED_10AM_NY}:F>–<t:${WED_10AM_NY + 1800}:t> (Wed 2 Dec, 10:00–10:30 New York). You will get a confirmation message.`, components: [] } });
    expect((await bookings(CUSTOMER))[0]!.status).toBe('cancelled');
    await s.sweep();
    const dm = s.fake.calls.find((c) => c.method === 'POST' && c.body?.content?.startsWith(`🗑️ **You cancelled your phone session on <t:${WED_10AM_NY}:F>–<t:${WED_10AM_NY + 1800}:t> (Wed 2 Dec, 10:00–10:30 New York).**\n`) && c.body.content.includes(`Booking ${b!.reference}`));
    expect(dm?.path).toBe(`/channels/${dmChannel}/messages`);
    const staff = s.fake.callsTo('POST', '/channels/333333333333333302/messages').map((c) => c.body.content as string);
    expect(staff.some((t) => t.startsWith('🗑️ **Cancelled by the customer: customer (Acme Crating), phone session <t:'))).toBe(true);
  });

  it('Yes after the booking was moved since the question cancels nothing; asked again, it shows the new time', async () => {
    const me = customer(CUSTOMER, 'America/New_York', 'discord');
    const r = await s.h.core.bookSession({ caller: me, kind: 'phone', lengthMinutes: 30, startsAt: '2026-12-02T15:00:00Z' });
    if (r.kind !== 'booked') throw new Error(r.kind);
    const id = r.booking.bookingId;
    const { call: ask } = await s.press(`sk:cancel:${id}`, { dm: true });
    expect(ask.body.data.content).toBe(`Cancel your phone session on <t:${WED_10AM_NY}:F>–<t:${WED_10AM_NY + 1800}:t> (Wed 2 Dec, 10:00–10:30 New York)?`);
    expect((await s.h.core.rescheduleBooking({ caller: me, bookingId: id, startsAt: new Date('2026-12-03T16:00:00Z') })).kind).toBe('rescheduled');

    const { call } = await s.press(buttonIds(ask.body.data)[0]!, { dm: true });
    expect(call.body).toMatchObject({ type: 7, data: { content: 'This button is no longer available. Please start again (for example with /book or /sessions).', components: [] } });
    expect(await s.db.store.transaction((tx) => tx.bookings.get(id))).toMatchObject({ status: 'confirmed', startsAt: new Date('2026-12-03T16:00:00Z') });

    const { call: again } = await s.press(`sk:cancel:${id}`, { dm: true });
    expect(again.body.data.content).toMatch(/\(Thu 3 Dec, 11:00–11:30 New York\)\?$/);
    const { call: done } = await s.press(buttonIds(again.body.data)[0]!, { dm: true });
    expect(done.body.data.content).toMatch(/^Cancelled: Phone session <t:\d+:F>–<t:\d+:t> \(Thu 3 Dec, 11:00–11:30 New York\)\./);
    expect((await s.db.store.transaction((tx) => tx.bookings.get(id)))?.status).toBe('cancelled');
  });

  it('a paid session pays the standard fee: Cancel says it is not refunded', async () => {
    const { call } = await s.command('book', { when: 'Thursday at 10am' }, { user: 'other' });
    const bookId = buttonIds(call.body.data)[buttonLabels(call.body.data).indexOf('Book at $75')]!;
    expect(decodeIntent(bookId)).toMatchObject({ do: 'book', slot: { payStandardFee: true, quoteKey: expect.any(String) } });
    expect(call.body.data.content).toContain('**When:** Thu 3 Dec, 10:00 Los Angeles (13:00 New York)');
    expect(call.body.data.content).not.toContain('Times are read in');
    const { call: booked } = await s.press(bookId, { user: 'other', ...EPHEMERAL_MESSAGE });
    expect(booked.body.data.content).toMatch(/^Requested: Online session <t:\d+:F>–<t:\d+:t> \(Thu 3 Dec, 10:00–10:30 Los Angeles\)\. The time is held while staff approve it/);
    const [b] = await bookings(OTHER);
    expect(b).toMatchObject({ status: 'pending_approval', priceCents: 7500 });
    const { call: ask } = await s.press(`sk:cancel:${b!.id}`, { user: 'other' });
    expect(ask.body.data.content).toMatch(/^Cancel your online session on <t:\d+:F>.*\?\n\*\*This is a paid session \(\$75\): paid sessions are not refunded\.\*\*$/);
  });

  it('/fees, /support-code (profile and link) are private', async () => {
    const { call: fees } = await s.command('fees');
    expect(fees.body.data.flags).toBe(64);
    expect(fees.body.data.content).toBe(
      [
        '**Standard fees**',
        '• Online session, 30 min: $75',
        '• Online session, 60 min: $140',
        '• Phone session, 30 min: $60',
        '• Phone session, 60 min: $110',
        'Emergency surcharge: $50',
        'With an active maintenance plan, sessions are free.',
        'Your company, Acme Crating, has an active maintenance plan: your sessions are covered.',
        '-# Paid sessions are not refundable. Fees are subject to change; a booking keeps the fee it was made at.',
      ].join('\n'),
    );
    const { call: profile } = await s.command('support-code');
    expect(profile.body.data.content).toBe('🏢 **You are linked to your company.**\n**Company:** Acme Crating\n**Maintenance code:** `ACME2026` (you can share it with all your staff)\n**Maintenance plan:** active through 31 Dec 2027\n**No-shows:** 0 of 2');
    const { call: wrong } = await s.command('support-code', { code: 'NOPE-0000' }, { user: 'other' });
    expect(wrong.body.data).toMatchObject({ content: 'That maintenance code is not valid. 4 attempts left this hour. If you forgot it, log into your support account and open your Profile page.', flags: 64 });
    const { call: none } = await s.command('support-code', {}, { user: 'other' });
    expect(none.body.data.content).toMatch(/^You are not linked to a company yet\. Enter your maintenance code with `\/support-code YOUR-CODE`\./);
  });

  it('/emergency records the request and tells the customer staff will squeeze them in', async () => {
    const { call } = await s.command('emergency', { what: 'Crate quotes print blank' });
    expect(call.body.data.flags).toBe(64);
    expect(call.body.data.content).toBe('Your emergency request is with our staff. They will squeeze you in and send you the exact time, join link and phone number by direct message.');
    const waiting = await bookings(CUSTOMER);
    expect(waiting.some((b) => b.status === 'emergency_requested' && b.description === 'Crate quotes print blank')).toBe(true);
  });

  it('/emergency without a company: Request at the standard fee asks what is wrong again (a modal) and records the paid request', async () => {
    const { call } = await s.command('emergency', { what: 'Saw cut list is empty' }, { user: 'other' });
    expect(call.body.data.content).toMatch(/^You are not linked to a company yet: .* you can request this emergency session at the standard fee of \$125\.$/);
    expect(buttonIds(call.body.data)).toEqual(['sk:emergency-pay']);
    expect(buttonLabels(call.body.data)).toEqual(['Request at $125']);
    const { call: modal } = await s.press('sk:emergency-pay', { user: 'other', ...EPHEMERAL_MESSAGE });
    expect(modal.body).toMatchObject({ type: 9, data: { custom_id: 'sk:emm', title: 'Emergency session', components: [{ components: [{ custom_id: 'what', label: 'What do you need help with?', style: 2 }] }] } });
    const { call: done } = await s.submit('sk:emm', { what: 'Saw cut list is empty' }, { user: 'other' });
    expect(done.body.data).toMatchObject({ content: 'Your emergency request is with our staff. They will squeeze you in and send you the exact time, join link and phone number by direct message.', flags: 64 });
    const requested = (await bookings(OTHER)).find((b) => b.status === 'emergency_requested');
    expect(requested).toMatchObject({ description: 'Saw cut list is empty', priceCents: 12500 });
  });

  it('Reschedule and Cancel past the cutoff: said at once (no modal), with when changes were possible until (in the past tense)', async () => {
    const { call } = await s.command('book', { when: 'Friday at 10am' });
    const { call: booked } = await s.press(buttonIds(call.body.data)[0]!, EPHEMERAL_MESSAGE);
    expect(booked.body.data.content).toMatch(/^Booked: Online session <t:\d+:F>/);
    const b = await newestBooking(s);
    const u = b.startsAt!.getTime() / 1000;
    s.h.clock.set(new Date(b.startsAt!.getTime() - 60 * 60_000));
    const closed = (what: string) => `This session can no longer be ${what} (it is confirmed; changes were possible until <t:${u - 65 * 60}:F> (Fri 4 Dec, 08:55 New York)).`;
    const { call: move } = await s.press(`sk:move:${b.id}`, { dm: true });
    expect(move.body.type).toBe(4);
    expect(move.body.data).toMatchObject({ content: closed('rescheduled'), flags: 64, components: [] });
    const { call: cancel } = await s.press(`sk:cancel:${b.id}`, { dm: true });
    expect(cancel.body.data).toMatchObject({ content: closed('cancelled here'), flags: 64, components: [] });
    expect((await newestBooking(s)).status).toBe('confirmed');
  });
});
