import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { companyWithPlan, linkedCustomer, staffAlice } from '../support/core-harness.js';
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
    // the Confirm button carries the key of the quote shown (free, this company)
    expect(confirm?.action_id).toMatch(/^sk:book::2026-12-01T20%3A00Z%7Conline%7C30%7Cq0f[0-9a-f]{4}$/);
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
    expect(text).toContain('*Online session (30 minutes) with Alice Moreno*');
    expect(text).toContain('*When:* Tue 1 Dec, 15:00–15:30 New York');
    expect(text).toMatch(/\*Join:\* <http:\/\/localhost:3000\/j\/[^|]+\|/);
    expect(text).toMatch(/\*Phone:\* \+1 555 010 0200, PIN \d{6}/);
    expect(text).toContain('*Price:* Covered by your maintenance plan');
    expect(text).toContain('You can cancel or reschedule until Tue 1 Dec, 13:55 New York.');
    expect(buttons(dm).map((b) => b.text)).toEqual(['Join', 'Reschedule', 'Cancel', 'Add to calendar', 'Manage booking']);
    // Manage booking is a link to the booking's self-service page (reschedule or cancel from any device)
    expect(buttons(dm)[4]).toMatchObject({ action_id: 'sk-manage-link', url: expect.stringMatching(/^http:\/\/localhost:3000\/m\/[A-Za-z0-9_-]+$/) });
    const outbox = await w.h.db.store.transaction((tx) => tx.outbox.list({ bookingId: rows[0]!.id }));
    expect(outbox.find((m) => m.type === 'booking_confirmed')).toMatchObject({ status: 'sent' });
    const delivered = await w.h.db.store.transaction((tx) => tx.outbox.delivered(rows[0]!.id));
    expect(JSON.parse(delivered[0]!.deliveryRef)).toEqual({ channel: 'D0LINKED', ts: expect.stringMatching(/^1700000000\./) });
  });
});

describe('/book: the other answers, the code modal and the booking modal', () => {
  let w: SlackWorld;
  let code: string;
  beforeAll(async () => {
    w = await slackWorld();
    code = await companyWithPlan(w.h);
    await linkedCustomer(w.h, 'U0LINKED', code);
  });
  afterAll(() => w.close());
  beforeEach(() => w.fake.reset());

  it('outside hours: says why and offers the nearest free times as buttons that book', async () => {
    const answer = await w.command('/book', 'tomorrow 11pm', 'U0LINKED');
    expect(shown(answer)).toContain('Tue 1 Dec, 23:00 New York is outside our working hours. The nearest free times:');
    const slots = buttons(answer);
    expect(slots.length).toBeGreaterThan(1);
    expect(slots.every((b) => b.action_id.startsWith('sk:book::'))).toBe(true);
    expect(slots[0]!.text).toMatch(/^Tue 1 Dec, \d\d:\d\d New York$/);
  });

  it('a window ("friday afternoon") lists its free times; an ambiguous date asks which, one button per reading', async () => {
    const window = await w.command('/book', 'friday afternoon', 'U0LINKED');
    expect(shown(window)).toContain('Free times Fri 4 Dec, 12:00–17:00 New York:');
    expect(buttons(window)[0]).toMatchObject({ text: 'Fri 4 Dec, 12:00 New York', action_id: expect.stringMatching(/^sk:book::2026-12-04T17%3A00Z%7Conline%7C30%7Cq0f[0-9a-f]{4}$/) });
    const ambiguous = await w.command('/book', '03/12 10:00', 'U0LINKED');
    expect(shown(ambiguous)).toContain('Which time do you mean?\n12 Mar 2027: Fri 12 Mar, 10:00 New York\n3 Dec 2026: Thu 3 Dec, 10:00 New York');
    expect(buttons(ambiguous).map((b) => b.text)).toEqual(['Fri 12 Mar, 10:00 New York', 'Thu 3 Dec, 10:00 New York']);
  });

  it('a customer without a plan sees the price and the approval before pressing a button that books: an ambiguous date, and a list of times', async () => {
    const r = await w.h.core.createCompany({ caller: staffAlice, name: 'Birch Boxes', code: 'BIRCH-2026' });
    expect(r.kind).toBe('company');
    await linkedCustomer(w.h, 'U0NOPLAN', 'BIRCH-2026');
    const ambiguous = await w.command('/book', '03/12 10:00', 'U0NOPLAN');
    expect(shown(ambiguous)).toContain('Which time do you mean?');
    expect(shown(ambiguous)).toContain('Price: $75. Paid sessions are not refundable.');
    expect(shown(ambiguous)).toContain('This booking needs staff approval: the time is held until they decide.');
    expect(buttons(ambiguous).map((b) => b.text)).toEqual(['Fri 12 Mar, 10:00 New York', 'Thu 3 Dec, 10:00 New York']);
    const window = await w.command('/book', 'friday afternoon', 'U0NOPLAN');
    expect(shown(window)).toContain('Price: $75. Paid sessions are not refundable.');
    expect(shown(window)).toContain('This booking needs staff approval: the time is held until they decide.');
    expect(buttons(window)[0]!.text).toBe('Fri 4 Dec, 12:00 New York');
  });

  it('unparseable text gets the hint; a past time says so', async () => {
    expect(shown(await w.command('/book', 'blah blah', 'U0LINKED'))).toContain('Sorry, I could not read that time. Try "tomorrow at 3pm"');
    expect(shown(await w.command('/book', 'yesterday 3pm', 'U0LINKED'))).toContain('Sun 29 Nov, 15:00 New York has already passed.');
  });

  it('not linked: the readback says so; Confirm opens the code modal; a wrong code is a field error; the right code books and links', async () => {
    const answer = await w.command('/book', 'tomorrow 10am phone 60', 'U0NEW');
    expect(shown(answer)).toContain('You are not linked to a company yet. Press Confirm to enter your maintenance code, or book now at the standard fee of $110.');
    await w.press(buttons(answer)[0]!.action_id, 'U0NEW', { channel: 'C0GENERAL' });
    const [open] = await w.fake.waitFor('views.open');
    const modal = open!.body.view as Record<string, any>;
    expect(modal.callback_id).toBe('code-modal');
    expect(shown(modal)).toContain('Book at the standard fee ($110)');
    const meta = modal.private_metadata as string;

    const wrong = await w.submit({ callback_id: 'code-modal', user_id: 'U0NEW', private_metadata: meta, values: { code: { value: { type: 'plain_text_input', value: 'NOPE-0000' } } } });
    expect(wrong.json).toEqual({ response_action: 'errors', errors: { code: expect.stringContaining('That maintenance code is not valid. 4 attempts left') } });

    const right = await w.submit({ callback_id: 'code-modal', user_id: 'U0NEW', private_metadata: meta, values: { code: { value: { type: 'plain_text_input', value: code } } } });
    expect(right.json).toMatchObject({ response_action: 'update' });
    expect(shown((right.json as any).view)).toContain('Booked: Phone session Tue 1 Dec, 10:00–11:00 New York');
    const member = await w.h.db.prisma.member.findFirst({ where: { platformUserId: 'U0NEW' } });
    expect(member?.companyId).not.toBeNull();
    expect(await w.h.db.prisma.booking.count({ where: { memberId: member!.id, kind: 'phone', lengthMinutes: 60, status: 'confirmed' } })).toBe(1);
  });

  it('the code modal refuses an empty submission unless the standard fee is ticked; ticked, a paid booking waits for approval', async () => {
    const answer = await w.command('/book', 'tomorrow 11am', 'U0PAYER');
    await w.press(buttons(answer)[0]!.action_id, 'U0PAYER', { channel: 'C0GENERAL' });
    const [open] = await w.fake.waitFor('views.open');
    const meta = (open!.body.view as any).private_metadata as string;
    const empty = await w.submit({ callback_id: 'code-modal', user_id: 'U0PAYER', private_metadata: meta, values: {} });
    expect(empty.json).toEqual({ response_action: 'errors', errors: { code: 'Enter your maintenance code, or tick "Book at the standard fee".' } });
    const fee = await w.submit({
      callback_id: 'code-modal',
      user_id: 'U0PAYER',
      private_metadata: meta,
      values: { standard_fee: { value: { type: 'checkboxes', selected_options: [{ value: 'yes', text: { type: 'plain_text', text: 'x' } }] } } },
    });
    expect(shown((fee.json as any).view)).toContain('Requested: Online session Tue 1 Dec, 11:00–11:30 New York. The time is held while staff approve it');
    expect(await w.h.db.prisma.booking.findFirst({ where: { startsAt: new Date('2026-12-01T16:00:00Z') } })).toMatchObject({ status: 'pending_approval', priceCents: 7500, priceBasis: 'standard_fee' });
  });

  it('/book with no text opens the modal; the code field only when not linked', async () => {
    await w.post('/book', '', 'U0LINKED');
    await w.fake.waitFor('views.open');
    const linked = lastCall(w.fake, 'views.open').body;
    expect(linked.trigger_id).toMatch(/^trig-cmd-/);
    const blockIds = (v: any) => (v.view.blocks as any[]).map((b) => b.block_id).filter(Boolean);
    expect(blockIds(linked)).toEqual(['kind', 'length', 'when', 'date', 'time', 'description']);
    w.fake.reset();
    await w.post('/book', '', 'U0STRANGER');
    await w.fake.waitFor('views.open');
    expect(blockIds(lastCall(w.fake, 'views.open').body)).toEqual(['kind', 'length', 'when', 'date', 'time', 'code', 'standard_fee', 'description']);
  });

  it('the booking modal: unparseable and past times are field errors in the ack; date + time pickers book', async () => {
    const sel = (value: string) => ({ value: { type: 'static_select', selected_option: { value, text: { type: 'plain_text', text: value } } } });
    const base = { kind: sel('phone'), length: sel('30') };
    const bad = await w.submit({ callback_id: 'book-modal', user_id: 'U0LINKED', values: { ...base, when: { value: { type: 'plain_text_input', value: 'whenever you like' } } } });
    expect(bad.json).toEqual({ response_action: 'errors', errors: { when: expect.stringContaining('Sorry, I could not read that time.') } });
    const past = await w.submit({ callback_id: 'book-modal', user_id: 'U0LINKED', values: { ...base, date: { value: { type: 'datepicker', selected_date: '2026-11-29' } }, time: { value: { type: 'timepicker', selected_time: '15:00' } } } });
    expect(past.json).toEqual({ response_action: 'errors', errors: { date: 'Sun 29 Nov, 15:00 New York has already passed.' } });
    const none = await w.submit({ callback_id: 'book-modal', user_id: 'U0LINKED', values: base });
    expect(none.json).toEqual({ response_action: 'errors', errors: { when: 'Type a time, or pick a date and time.' } });
    const ok = await w.submit({
      callback_id: 'book-modal',
      user_id: 'U0LINKED',
      values: { ...base, date: { value: { type: 'datepicker', selected_date: '2026-12-02' } }, time: { value: { type: 'timepicker', selected_time: '09:30' } }, description: { value: { type: 'plain_text_input', value: 'Crate pricing rules' } } },
    });
    expect(shown((ok.json as any).view)).toContain('Booked: Phone session Wed 2 Dec, 09:30–10:00 New York');
    expect(await w.h.db.prisma.booking.findFirst({ where: { startsAt: new Date('2026-12-02T14:30:00Z') } })).toMatchObject({ kind: 'phone', status: 'confirmed', description: 'Crate pricing rules' });
  });

  it('the booking modal reads the sentence as /book does: kind and length words beat the selects, and a correction is shown, not booked unseen', async () => {
    const sel = (value: string) => ({ value: { type: 'static_select', selected_option: { value, text: { type: 'plain_text', text: value } } } });
    const res = await w.submit({
      callback_id: 'book-modal',
      user_id: 'U0LINKED',
      values: { kind: sel('online'), length: sel('30'), when: { value: { type: 'plain_text_input', value: 'can I get a call tomorow at 2pm for an hour' } } },
    });
    expect(res.json).toMatchObject({ response_action: 'update' });
    const text = shown((res.json as any).view);
    expect(text).toContain("Tue 1 Dec, 14:00 New York; read 'tomorow' as tomorrow");
    expect(text).toContain('Phone session');
    expect(text).toContain('1 hour');
    expect(await w.h.db.prisma.booking.findFirst({ where: { startsAt: new Date('2026-12-01T19:00:00Z') } })).toBeNull();
  });

  it('a length not offered is said in the answer, above the offer for the nearest one; in the booking modal it is shown, not booked unseen', async () => {
    const answer = await w.command('/book', 'tomorrow 3pm for 45 minutes', 'U0LINKED');
    const text = shown(answer);
    expect(text).toContain("45 minutes isn't offered: online sessions are 30 minutes or 1 hour. Showing 30 minutes instead.");
    expect(text).toContain('Online session, 30 minutes');
    expect(buttons(answer)[0]?.action_id).toMatch(/%7Conline%7C30%7C/);
    expect(shown(await w.command('/book', 'tomorrow 3pm for 2 hours', 'U0LINKED'))).toContain("2 hours isn't offered: online sessions are 30 minutes or 1 hour. Showing 1 hour instead.");
    expect(shown(await w.command('/book', 'tomorrow 3pm for 0 minutes', 'U0LINKED'))).toContain('0 minutes is not a session length: online sessions are 30 minutes or 1 hour. Showing 30 minutes instead.');
    expect(shown(await w.command('/book', 'tomorrow 3pm for an hour', 'U0LINKED'))).not.toMatch(/isn't offered|not a session length/);
    const sel = (value: string) => ({ value: { type: 'static_select', selected_option: { value, text: { type: 'plain_text', text: value } } } });
    const res = await w.submit({ callback_id: 'book-modal', user_id: 'U0LINKED', values: { kind: sel('phone'), length: sel('30'), when: { value: { type: 'plain_text_input', value: 'wednesday 11am for an hour and a half' } } } });
    expect(res.json).toMatchObject({ response_action: 'update' });
    expect(shown((res.json as any).view)).toContain("90 minutes isn't offered: phone sessions are 30 minutes or 1 hour. Showing 1 hour instead.");
    expect(await w.h.db.prisma.booking.findFirst({ where: { startsAt: new Date('2026-12-02T16:00:00Z') } })).toBeNull();
  });

  it('the booking modal with a window shows its free times as buttons; pressing one in the modal books it with the description', async () => {
    const sel = (value: string) => ({ value: { type: 'static_select', selected_option: { value, text: { type: 'plain_text', text: value } } } });
    const res = await w.submit({
      callback_id: 'book-modal',
      user_id: 'U0LINKED',
      values: { kind: sel('online'), length: sel('60'), when: { value: { type: 'plain_text_input', value: 'friday afternoon' } }, description: { value: { type: 'plain_text_input', value: 'Import price list' } } },
    });
    const view = (res.json as any).view;
    expect(res.json).toMatchObject({ response_action: 'update' });
    expect(shown(view)).toContain('Free times Fri 4 Dec, 12:00–17:00 New York:');
    const first = buttons(view)[0]!;
    expect(first.action_id).toMatch(/^sk:book::2026-12-04T17%3A00Z%7Conline%7C60%7Cq0f[0-9a-f]{4}$/);
    w.fake.reset();
    await w.press(first.action_id, 'U0LINKED', { container: 'modal', viewId: 'VMODAL1', privateMetadata: view.private_metadata });
    const [update] = await w.fake.waitFor('views.update');
    expect(update!.body.view_id).toBe('VMODAL1');
    expect(shown(update!.body.view as any)).toContain('Booked: Online session Fri 4 Dec, 12:00–13:00 New York');
    expect(await w.h.db.prisma.booking.findFirst({ where: { startsAt: new Date('2026-12-04T17:00:00Z') } })).toMatchObject({ lengthMinutes: 60, description: 'Import price list' });
  });
});
