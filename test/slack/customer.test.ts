import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BookingCard } from '../../core/index.js';
import { companyWithPlan, customer, linkedCustomer, staffAlice } from '../support/core-harness.js';
import { buttons, lastCall, shown, slackWorld, type SlackWorld } from './slack-harness.js';

const TUE_3PM = '2026-12-01T20:00:00Z';

async function book(w: SlackWorld, userId: string, startsAt = TUE_3PM): Promise<BookingCard> {
  const r = await w.h.core.bookSession({ caller: customer(userId), kind: 'online', lengthMinutes: 30, startsAt });
  if (r.kind !== 'booked') throw new Error(r.kind);
  await w.sweep();
  return r.booking;
}

/** A paid session: booked at the standard fee and approved by staff. */
async function paid(w: SlackWorld, userId: string, startsAt: string): Promise<BookingCard> {
  const r = await w.h.core.bookSession({ caller: customer(userId), kind: 'online', lengthMinutes: 30, startsAt, payStandardFee: true });
  if (r.kind !== 'pending_approval') throw new Error(r.kind);
  await w.h.core.approveBooking({ caller: staffAlice, bookingId: r.booking.bookingId });
  await w.sweep();
  return r.booking;
}

describe('customers: /sessions, cancel, reschedule, add to calendar, expired buttons', () => {
  let w: SlackWorld;
  beforeAll(async () => {
    w = await slackWorld();
    const code = await companyWithPlan(w.h);
    await linkedCustomer(w.h, 'U0SAM', code);
    await linkedCustomer(w.h, 'U0REM', code);
  });
  afterAll(() => w.close());
  beforeEach(() => {
    w.fake.reset();
    w.h.clock.set('2026-11-30T14:00:00Z');
  });

  it('/sessions lists upcoming sessions with Reschedule, Cancel and Add to calendar while they can change', async () => {
    const card = await book(w, 'U0SAM', '2026-12-03T15:00:00Z');
    const answer = await w.command('/sessions', '', 'U0SAM');
    expect(shown(answer)).toContain('Online session Thu 3 Dec, 10:00–10:30 New York with Alice Moreno');
    expect(buttons(answer)).toEqual([
      { text: 'Reschedule', action_id: `sk:move:${card.bookingId}` },
      { text: 'Cancel', action_id: `sk:cancel:${card.bookingId}` },
      { text: 'Add to calendar', action_id: `sk:calendar:${card.bookingId}` },
    ]);
    w.h.clock.set('2026-12-03T14:00:00Z'); // 10 minutes past the cutoff
    const late = await w.command('/sessions', '', 'U0SAM');
    expect(shown(late)).toContain('Too late to cancel or reschedule.');
    expect(buttons(late)).toEqual([]);
    await w.h.core.cancelBooking({ caller: staffAlice, bookingId: card.bookingId, reason: 'test clean-up' });
  });

  it('/sessions with many upcoming sessions shows the soonest five with their buttons and says how many follow (Slack allows 50 blocks)', async () => {
    const cards: BookingCard[] = [];
    for (const day of ['01', '02', '03', '04']) for (const hour of [15, 17]) cards.push(await book(w, 'U0REM', `2026-12-${day}T${hour}:00:00Z`));
    w.fake.reset();
    const answer = await w.command('/sessions', '', 'U0REM');
    expect(shown(answer)).toContain('3 more sessions come after these. They show here as these are over.');
    expect(buttons(answer).filter((b) => b.text === 'Cancel').map((b) => b.action_id)).toEqual(cards.slice(0, 5).map((c) => `sk:cancel:${c.bookingId}`));
    const posted = (answer as { blocks?: unknown[] }).blocks ?? [];
    expect(posted.length).toBeLessThanOrEqual(50);
    for (const c of cards) await w.h.core.cancelBooking({ caller: staffAlice, bookingId: c.bookingId, reason: 'test clean-up' });
    await w.sweep();
  });

  it('Cancel asks first; Yes cancels; the DM confirms; the confirmation loses its buttons and says why', async () => {
    const card = await book(w, 'U0SAM');
    const confirmation = lastCall(w.fake, 'chat.postMessage');
    w.fake.reset();
    await w.press(`sk:cancel:${card.bookingId}`, 'U0SAM', { responseId: 'ask', channel: 'D0SAM' });
    const ask = await w.response('ask');
    expect(ask).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(shown(ask)).toContain('Cancel your online session on Tue 1 Dec, 15:00–15:30 New York?');
    expect(shown(ask)).not.toContain('not refunded'); // covered by the plan
    expect(buttons(ask).map((b) => b.text)).toEqual(['Yes, cancel it', 'Keep it']);

    await w.press(buttons(ask)[0]!.action_id, 'U0SAM', { responseId: 'yes', channel: 'D0SAM' });
    const done = await w.response('yes');
    expect(done.replace_original).toBe(true);
    expect(shown(done)).toContain('Cancelled: Online session Tue 1 Dec, 15:00–15:30 New York. You will get a confirmation message.');
    expect(await w.h.db.prisma.booking.findUnique({ where: { id: card.bookingId } })).toMatchObject({ status: 'cancelled' });

    await w.sweep();
    const dm = w.fake.callsTo('chat.postMessage').map((c) => c.body).find((b) => b.channel === 'D0SAM');
    expect(shown(dm)).toContain('You cancelled your online session on Tue 1 Dec, 15:00–15:30 New York.');
    const staffNote = w.fake.callsTo('chat.postMessage').map((c) => c.body).find((b) => b.channel === 'C0STAFF');
    expect(shown(staffNote)).toContain('Cancelled by the customer:');
    const update = lastCall(w.fake, 'chat.update').body;
    expect(update).toMatchObject({ channel: confirmation.body.channel, ts: expect.stringMatching(/^1700000000\./) });
    expect(buttons(update)).toEqual([]);
    expect(shown(update)).toContain('This session was cancelled, so these buttons were removed.');
  });

  it('Yes after the booking was moved since the question cancels nothing; asked again, it shows the new time', async () => {
    const card = await book(w, 'U0SAM', '2026-12-02T15:00:00Z');
    await w.press(`sk:cancel:${card.bookingId}`, 'U0SAM', { responseId: 'ask-moved', channel: 'D0SAM' });
    const ask = await w.response('ask-moved');
    expect(shown(ask)).toContain('Cancel your online session on Wed 2 Dec, 10:00–10:30 New York?');
    expect((await w.h.core.rescheduleBooking({ caller: customer('U0SAM'), bookingId: card.bookingId, startsAt: new Date('2026-12-03T16:00:00Z') })).kind).toBe('rescheduled');

    await w.press(buttons(ask)[0]!.action_id, 'U0SAM', { responseId: 'yes-moved', channel: 'D0SAM' });
    const refused = await w.response('yes-moved');
    expect(shown(refused)).toBe('This button is no longer available. Please start again (for example with /book or /sessions).');
    expect(shown(refused)).not.toContain('Cancelled');
    expect(await w.h.db.prisma.booking.findUnique({ where: { id: card.bookingId } })).toMatchObject({ status: 'confirmed', startsAt: new Date('2026-12-03T16:00:00Z') });

    await w.press(`sk:cancel:${card.bookingId}`, 'U0SAM', { responseId: 'ask-again', channel: 'D0SAM' });
    const again = await w.response('ask-again');
    expect(shown(again)).toContain('Cancel your online session on Thu 3 Dec, 11:00–11:30 New York?');
    await w.press(buttons(again)[0]!.action_id, 'U0SAM', { responseId: 'yes-again', channel: 'D0SAM' });
    expect(shown(await w.response('yes-again'))).toContain('Cancelled: Online session Thu 3 Dec, 11:00–11:30 New York.');
    expect(await w.h.db.prisma.booking.findUnique({ where: { id: card.bookingId } })).toMatchObject({ status: 'cancelled' });
  });

  it('a paid session: the confirm step says it is not refunded; Keep it changes nothing', async () => {
    const card = await paid(w, 'U0PAID', '2026-12-02T15:00:00Z');
    await w.press(`sk:cancel:${card.bookingId}`, 'U0PAID', { responseId: 'ask-paid' });
    const ask = await w.response('ask-paid');
    expect(shown(ask)).toContain('This is a paid session ($75): paid sessions are not refunded.');
    await w.press(buttons(ask)[1]!.action_id, 'U0PAID', { responseId: 'keep' });
    expect(shown(await w.response('keep'))).toContain('Kept: your session stays as it is.');
    expect(await w.h.db.prisma.booking.findUnique({ where: { id: card.bookingId } })).toMatchObject({ status: 'confirmed' });
  });

  it('cancel one second after the cutoff is refused with the cutoff time, and nothing changes', async () => {
    const card = await book(w, 'U0SAM', '2026-12-01T21:00:00Z'); // Tue 16:00 NY: cutoff 14:55
    w.h.clock.set(new Date(new Date('2026-12-01T19:55:00Z').getTime() + 1000));
    await w.press(`sk:cancel-yes:${card.bookingId}`, 'U0SAM', { responseId: 'late' });
    expect(shown(await w.response('late'))).toBe('Sorry, it is too late to cancel: you could cancel or reschedule until Tue 1 Dec, 14:55 New York.');
    await w.press(`sk:cancel:${card.bookingId}`, 'U0SAM', { responseId: 'late-ask' });
    expect(shown(await w.response('late-ask'))).toContain('changes were possible until Tue 1 Dec, 14:55 New York');
    expect(await w.h.db.prisma.booking.findUnique({ where: { id: card.bookingId } })).toMatchObject({ status: 'confirmed' });
    await w.h.core.cancelBooking({ caller: staffAlice, bookingId: card.bookingId, reason: 'test clean-up' });
  });

  it('Reschedule opens a modal; a bad time is a field error; a good one moves it, DMs the new time and expires the old buttons', async () => {
    const card = await book(w, 'U0SAM', '2026-12-02T20:00:00Z');
    const confirmationTs = (JSON.parse((await w.h.db.store.transaction((tx) => tx.outbox.delivered(card.bookingId)))[0]!.deliveryRef) as { ts: string });
    w.fake.reset();
    await w.press(`sk:move:${card.bookingId}`, 'U0SAM', { channel: 'D0SAM' });
    const [open] = await w.fake.waitFor('views.open');
    const view = open!.body.view as Record<string, any>;
    expect(view.callback_id).toBe('move-modal');
    expect(shown(view)).toContain('Currently: Online session Wed 2 Dec, 15:00–15:30 New York');

    const bad = await w.submit({ callback_id: 'move-modal', user_id: 'U0SAM', private_metadata: view.private_metadata, values: { when: { value: { type: 'plain_text_input', value: 'yesterday 3pm' } } } });
    expect(bad.json).toEqual({ response_action: 'errors', errors: { when: 'Sun 29 Nov, 15:00 New York has already passed.' } });
    const ok = await w.submit({ callback_id: 'move-modal', user_id: 'U0SAM', private_metadata: view.private_metadata, values: { when: { value: { type: 'plain_text_input', value: 'thursday 11am' } } } });
    expect(shown((ok.json as any).view)).toContain('Moved to Thu 3 Dec, 11:00–11:30 New York.');
    expect(await w.h.db.prisma.booking.findUnique({ where: { id: card.bookingId } })).toMatchObject({ startsAt: new Date('2026-12-03T16:00:00Z'), status: 'confirmed' });

    await w.sweep();
    const dm = w.fake.callsTo('chat.postMessage').map((c) => c.body).find((b) => b.channel === 'D0SAM');
    expect(shown(dm)).toContain('Your session was moved from Wed 2 Dec, 15:00 New York to the time below.*');
    expect(shown(dm)).toContain('You can cancel or reschedule until Thu 3 Dec, 09:55 New York.');
    expect(buttons(dm).map((b) => b.text)).toEqual(['Join', 'Reschedule', 'Cancel', 'Add to calendar', 'Manage booking']);
    const updates = w.fake.callsTo('chat.update').map((c) => c.body);
    expect(updates.map((u) => u.ts)).toEqual([confirmationTs.ts]);
    expect(shown(updates[0])).toContain('This session was moved; the newer message has the current time and buttons.');
    await w.h.core.cancelBooking({ caller: staffAlice, bookingId: card.bookingId, reason: 'test clean-up' });
  });

  it('Add to calendar answers with a Google Calendar link built from the booking', async () => {
    const card = await book(w, 'U0SAM', '2026-12-04T15:00:00Z');
    await w.press(`sk:calendar:${card.bookingId}`, 'U0SAM', { responseId: 'cal' });
    const answer = await w.response('cal');
    const [link, ics] = buttons(answer);
    expect(link?.text).toBe('Open Google Calendar');
    // and the booking's calendar file, served by this process (the same file the emails carry)
    expect(ics).toMatchObject({ text: 'Download calendar file (.ics)', url: card.calendarUrl });
    expect(card.calendarUrl).toMatch(/^http:\/\/localhost:3000\/m\/[\w-]+\/calendar\.ics$/);
    const url = new URL(link!.url!);
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(url.searchParams.get('dates')).toBe('20261204T150000Z/20261204T153000Z');
    expect(url.searchParams.get('text')).toBe('Online session with Crate Pro Support');
    expect(url.searchParams.get('details')).toContain(card.joinUrl);
    // pressing the link button itself is acknowledged
    expect((await w.press('sk-calendar-link', 'U0SAM')).status).toBe(200);
    await w.h.core.cancelBooking({ caller: staffAlice, bookingId: card.bookingId, reason: 'test clean-up' });
  });

  it('reminders 24 h and 2 h before carry the same buttons; at the cutoff every earlier message loses them', async () => {
    const card = await book(w, 'U0REM', '2026-12-02T20:00:00Z'); // Wed 15:00 NY
    w.fake.reset();
    w.h.clock.set('2026-12-01T20:00:00Z');
    await w.sweep();
    // Other bookings' messages go out in the same sweep: read the one sent to this customer's DM.
    const toRem = () => w.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === 'D0REM');
    const day = toRem().at(-1)!.body;
    expect(shown(day)).toContain('Reminder: your session starts in 24 hours.');
    expect(shown(day)).toContain('You can cancel or reschedule until Wed 2 Dec, 13:55 New York.');
    expect(buttons(day).map((b) => b.text)).toEqual(['Join', 'Reschedule', 'Cancel', 'Add to calendar', 'Manage booking']);
    w.h.clock.set('2026-12-02T18:00:00Z');
    await w.sweep();
    expect(shown(toRem().at(-1)!.body)).toContain('Reminder: your session starts in 2 hours.');
    w.fake.reset();
    w.h.clock.set('2026-12-02T18:56:00Z');
    await w.sweep();
    const updates = w.fake.callsTo('chat.update').map((c) => c.body);
    expect(updates).toHaveLength(3); // confirmation + two reminders
    for (const u of updates) {
      // Past the cutoff the session still happens: Join and Add to calendar stay.
      expect(buttons(u).map((b) => b.text)).toEqual(['Join', 'Add to calendar']);
      expect(buttons(u)[0]!.url).toBe(card.joinUrl);
      expect(shown(u)).toContain('It is now less than 65 minutes before your session: it can no longer be cancelled or rescheduled, so those buttons were removed.');
    }
    expect(card.bookingId).toBeTruthy();
  });

  it('rescheduling 30 minutes later (overlapping its own time) is decided by core, not refused as taken', async () => {
    const card = await book(w, 'U0SAM', '2026-12-09T15:00:00Z'); // Wed 10:00 NY
    await w.press(`sk:move:${card.bookingId}`, 'U0SAM', { channel: 'D0SAM' });
    const [open] = await w.fake.waitFor('views.open');
    const meta = (open!.body.view as any).private_metadata as string;
    const ok = await w.submit({ callback_id: 'move-modal', user_id: 'U0SAM', private_metadata: meta, values: { when: { value: { type: 'plain_text_input', value: 'Dec 9 10:15' } } } });
    expect(shown((ok.json as any).view)).toContain('Moved to Wed 9 Dec, 10:15–10:45 New York.');
    await w.h.core.cancelBooking({ caller: staffAlice, bookingId: card.bookingId, reason: 'test clean-up' });
  });

  it('a no-show closes the session: the customer is told, staff get a note, earlier buttons go', async () => {
    const card = await book(w, 'U0REM', '2026-12-10T15:00:00Z');
    w.fake.reset();
    w.h.clock.set('2026-12-10T15:10:01Z');
    await w.sweep();
    const posts = w.fake.callsTo('chat.postMessage').map((c) => c.body);
    const dm = posts.find((p) => p.channel === 'D0REM' && shown(p).includes('Thu 10 Dec, 10:00–10:30 New York was closed'));
    expect(shown(dm)).toContain('Nobody from your company joined online or called the conference line within 10 minutes of the start');
    expect(shown(dm)).toMatch(/This is no-show \d of 2 for your company’s free sessions/);
    expect(posts.filter((p) => p.channel === 'C0STAFF').map(shown).join('\n')).toContain('No-show closed: Customer U0REM (Acme Crating), online session Thu 10 Dec, 10:00–10:30 New York.*');
    const updates = w.fake.callsTo('chat.update').map((c) => c.body).filter((u) => shown(u).includes(card.reference));
    expect(updates.length).toBeGreaterThan(0);
    // The last edit of each earlier message is the closed one: no buttons at all.
    const lastByTs = new Map(updates.map((u) => [u.ts, u]));
    for (const u of lastByTs.values()) {
      expect(buttons(u)).toEqual([]);
      expect(shown(u)).toContain('This session is over, so these buttons were removed.');
    }
    expect(await w.h.db.prisma.booking.findUnique({ where: { id: card.bookingId } })).toMatchObject({ status: 'no_show' });
  });
});

