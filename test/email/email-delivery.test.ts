/**
 * Email as a delivery channel, end to end: core queues the messages, the sweeper delivers them through
 * the email notifier (nodemailer) to a real SMTP server started here; every notice type arrives with
 * its recipients, subject, text and HTML parts, and the calendar file, parsed back with node-ical.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import ical from 'node-ical';
import { forEachDatabase } from '../support/each-database.js';
import { harness, companyWithPlan, linkedCustomer, customer, staffAlice, type Harness } from '../support/core-harness.js';
import { configWith } from '../support/config.js';
import { START, mins, book } from '../core/helpers.js';
import { TestSmtp, type ReceivedMail } from '../fakes/smtp.js';
import { RecordingNotifier } from '../fakes/recording-notifier.js';
import { createEmailNotifier, type EmailNotifier } from '../../bots/shared/email/notifier.js';
import { compositeNotifier } from '../../bots/shared/composite-notifier.js';
import type { Notifier } from '../../core/notifications/types.js';

const mailConfig = () =>
  configWith((cfg) => {
    cfg.mail = { from: 'Crate Pro Support <support@cratepro.example>', defaultDelivery: 'both', staffAddress: 'staff@cratepro.example', companyContacts: { 'Birch Boxes': 'office@birch.example' } };
  });

/** Parses a calendar file with node-ical: the one VEVENT and the calendar's METHOD. */
function parseIcs(text: string) {
  const data = ical.sync.parseICS(text);
  const events = Object.values(data).filter((c) => c?.type === 'VEVENT') as ical.VEvent[];
  expect(events).toHaveLength(1);
  const method = /^METHOD:(.+)$/m.exec(text)?.[1]?.trim();
  const vcal = (data as unknown as Record<string, { method?: string }>).vcalendar;
  return { event: events[0]!, method: vcal?.method ?? method, text };
}

function icsOf(m: ReceivedMail) {
  const text = TestSmtp.ics(m);
  expect(text, `an .ics attachment on ${m.parsed.subject}`).toBeTruthy();
  return parseIcs(text!);
}

forEachDatabase('email delivery through a real SMTP server', (t) => {
  let smtp: TestSmtp;
  let email: EmailNotifier;
  let chat: RecordingNotifier;
  let notifier: Notifier;
  let h: Harness;

  /**
   * The notifier, over one pooled connection that sends without delay (TestSmtp.pooledTransport: about
   * 1 ms a message instead of 40-150 ms), or through SMTP_URL as the program builds its transport: a
   * new connection per message. The suites that send many messages use the first; the two about
   * refused and failed connections the second.
   */
  const useNotifier = (transport: 'pooled' | 'smtp-url') => {
    email?.close();
    email = createEmailNotifier({
      config: h.config,
      ...(transport === 'pooled' ? { transporter: smtp.pooledTransport(2000) } : { smtpUrl: smtp.url, timeoutMs: 2000 }),
      now: () => h.clock.now(),
    });
    notifier = compositeNotifier({ slack: chat }, { email });
  };

  beforeEach(async () => {
    smtp = await new TestSmtp().start();
    h = harness(t.db, { config: mailConfig() });
    chat = new RecordingNotifier();
    useNotifier('pooled');
  });
  afterEach(async () => {
    email.close();
    await smtp.stop();
  });

  const sweep = () => h.core.runSweep({ notifier });

  it('a session the suspension cancels is cancelled in the customer\'s calendar too (email only: chat has the suspension notice)', async () => {
    const c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
    expect(await h.core.setEmail({ caller: c, email: 'ana@acme.example' })).toMatchObject({ effective: 'both' });
    const WED = new Date('2026-12-02T20:00:00Z');
    const THU = new Date('2026-12-03T20:00:00Z');
    await book(h, c, START);
    await book(h, c, WED);
    const third = await book(h, c, THU);
    h.clock.set(mins(START, 10));
    await sweep();
    h.clock.set(mins(WED, 10));
    await sweep();
    const cancels = smtp.ofType('booking_cancelled');
    expect(cancels).toHaveLength(1);
    const ics = icsOf(cancels[0]!);
    expect(ics.method).toBe('CANCEL');
    expect(ics.event.uid).toBe(`${third.bookingId}@localhost`);
    expect(cancels[0]!.parsed.text).toContain('Free sessions are suspended after repeated no-shows.');
    expect(chat.types()).not.toContain('booking_cancelled');
    expect(chat.types()).toContain('suspended');
  });

  it('a confirmation, both reminders, a reschedule and a cancel: the calendar follows each change (same UID, higher SEQUENCE, then CANCEL)', async () => {
    const c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
    expect(await h.core.setEmail({ caller: c, email: 'ana@acme.example' })).toMatchObject({ kind: 'email_settings', email: 'ana@acme.example', effective: 'both', sendsTo: 'ana@acme.example' });
    const b = await book(h, c, START);
    await sweep();

    const [conf] = smtp.ofType('booking_confirmed');
    expect(conf).toBeDefined();
    expect(conf!.envelopeTo).toEqual(['ana@acme.example']);
    expect(conf!.parsed.from?.text).toBe('"Crate Pro Support" <support@cratepro.example>');
    expect(conf!.parsed.subject).toBe('Crate Pro Support: Your session is booked');
    expect(conf!.parsed.text).toContain('Tue 1 Dec');
    expect(conf!.parsed.text).toContain(b.joinUrl);
    expect(conf!.parsed.text).toContain(`Reschedule / Cancel: ${b.manageUrl}`);
    expect(conf!.parsed.text).toContain(`Add to calendar: ${b.calendarUrl}`);
    expect(conf!.parsed.html).toContain(`<a href="${b.manageUrl}"`);
    // chat's "Manage booking" link is the same page as Reschedule / Cancel: the email shows it once
    expect((conf!.parsed.text ?? '').split(`${b.manageUrl}\n`)).toHaveLength(2); // (the calendar file's address starts with it too)
    expect(String(conf!.parsed.html).split(`<a href="${b.manageUrl}"`)).toHaveLength(2);
    expect(conf!.parsed.text).not.toContain('Manage booking');
    expect(conf!.parsed.html).toContain('Your session is booked.');
    // the chat copy went too, separately
    expect(chat.types()).toContain('booking_confirmed');

    const first = icsOf(conf!);
    expect(first.method).toBe('REQUEST');
    const uid = first.event.uid;
    expect(uid).toBe(`${b.bookingId}@localhost`);
    expect(first.event.start.toISOString()).toBe(START.toISOString());
    expect(first.event.end?.toISOString()).toBe(mins(START, 30).toISOString());
    expect(first.event.summary).toBe('Online session with Crate Pro Support');
    expect(first.event.status).toBe('CONFIRMED');
    const seq0 = Number(first.event.sequence);
    expect(first.event.description).toContain(`Join online: ${b.joinUrl}`);
    expect(first.event.description).toContain(`Phone: ${b.phoneNumber}, PIN ${b.phonePin}`);
    expect(first.event.description).toContain(`Reschedule or cancel: ${b.manageUrl}`);
    expect(first.text).toMatch(/BEGIN:VALARM[\s\S]*TRIGGER:-PT15M[\s\S]*END:VALARM/);
    expect(first.text).toContain('ORGANIZER;CN="Crate Pro Support":mailto:support@cratepro.example');
    expect(first.text).toMatch(/ATTENDEE[^\n]*mailto:ana@acme\.example/i);

    // reminders 24 h and 2 h ahead
    h.clock.set(mins(START, -24 * 60));
    await sweep();
    h.clock.set(mins(START, -120));
    await sweep();
    const reminders = smtp.ofType('reminder');
    expect(reminders.map((m) => m.parsed.subject)).toEqual(['Crate Pro Support: Reminder: your session starts in 24 hours', 'Crate Pro Support: Reminder: your session starts in 2 hours']);
    expect(reminders.map((m) => icsOf(m).event.uid)).toEqual([uid, uid]);
    expect(reminders[1]!.parsed.text).toContain(b.manageUrl!);

    // reschedule (still before the cutoff): same UID, higher SEQUENCE, new times
    h.clock.set(mins(START, -2 * 60));
    const NEW = mins(START, 60);
    expect(await h.core.rescheduleBooking({ caller: c, bookingId: b.bookingId, startsAt: NEW })).toMatchObject({ kind: 'rescheduled' });
    await sweep();
    const [moved] = smtp.ofType('booking_rescheduled');
    expect(moved!.envelopeTo).toEqual(['ana@acme.example']);
    const second = icsOf(moved!);
    expect(second.method).toBe('REQUEST');
    expect(second.event.uid).toBe(uid);
    expect(Number(second.event.sequence)).toBeGreaterThan(seq0);
    expect(second.event.start.toISOString()).toBe(NEW.toISOString());
    // actions_expired edits chat messages only: never an email
    expect(smtp.ofType('actions_expired')).toHaveLength(0);
    expect(chat.types()).toContain('actions_expired');

    // cancel: METHOD:CANCEL, same UID, higher SEQUENCE again
    expect(await h.core.cancelBooking({ caller: c, bookingId: b.bookingId })).toMatchObject({ kind: 'cancelled' });
    await sweep();
    const [cancelled] = smtp.ofType('booking_cancelled');
    const third = icsOf(cancelled!);
    expect(third.method).toBe('CANCEL');
    expect(third.event.uid).toBe(uid);
    expect(third.event.status).toBe('CANCELLED');
    expect(Number(third.event.sequence)).toBeGreaterThan(Number(second.event.sequence));
    expect(cancelled!.parsed.text).toContain('You cancelled your online session');
    // no links to change a cancelled booking
    expect(cancelled!.parsed.text).not.toContain('Reschedule / Cancel:');
    // the staff inbox heard of it
    expect(smtp.ofType('staff_booking_cancelled').map((m) => m.envelopeTo)).toEqual([['staff@cratepro.example']]);
  });

  it('a reminder found due late (the sweeper was down): one mail, the time really left, no change links once the window closed', async () => {
    const c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
    await h.core.setEmail({ caller: c, email: 'ana@acme.example' });
    const b = await book(h, c, START);
    await sweep();
    expect(smtp.ofType('booking_confirmed')[0]!.parsed.text).toContain('You can cancel or reschedule until');
    // down until an hour before the session (the cutoff, 65 minutes before, has passed)
    h.clock.set(mins(START, -60));
    await sweep();
    const reminders = smtp.ofType('reminder');
    expect(reminders.map((m) => m.parsed.subject)).toEqual(['Crate Pro Support: Reminder: your session starts in 1 hour']);
    const text = reminders[0]!.parsed.text!;
    expect(text).not.toContain('You can cancel or reschedule until');
    expect(text).toContain('it can no longer be cancelled or rescheduled');
    expect(text).not.toContain('Reschedule / Cancel:');
    expect(String(reminders[0]!.parsed.html)).not.toContain(`<a href="${b.manageUrl}"`);
    expect(text).toContain(b.joinUrl);
    const rows = await t.db.prisma.notification.findMany({ where: { bookingId: b.bookingId, channel: 'email', type: 'reminder' }, orderBy: { dueAt: 'asc' } });
    expect(rows.map((r) => [r.status, r.lastError])).toEqual([['void', 'superseded by a later reminder'], ['sent', null]]);
  });

  it('a confirmation held up by retries until past the cutoff goes out without change links', async () => {
    useNotifier('smtp-url');
    const c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
    await h.core.setEmail({ caller: c, email: 'ana@acme.example' });
    const b = await book(h, c, START);
    smtp.rejectNext = 451;
    expect(await sweep()).toMatchObject({ retried: 1 });
    h.clock.set(mins(START, -64));
    await sweep();
    const [conf] = smtp.ofType('booking_confirmed');
    expect(conf!.parsed.text).not.toContain('You can cancel or reschedule until');
    expect(conf!.parsed.text).toContain('it can no longer be cancelled or rescheduled');
    expect(conf!.parsed.text).not.toContain('Reschedule / Cancel:');
    expect(String(conf!.parsed.html)).not.toContain(`<a href="${b.manageUrl}"`);
    // and no promise of the 24-hour reminder, long gone
    expect(conf!.parsed.text).not.toContain('We will remind you');
    expect(smtp.ofType('reminder').map((m) => m.parsed.subject)).toEqual(['Crate Pro Support: Reminder: your session starts in 65 minutes']);
  });

  it('a reminder is in the zone the person has when it goes out, not the one they booked in', async () => {
    const c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
    await h.core.setEmail({ caller: c, email: 'ana@acme.example' });
    await book(h, c, START);
    await sweep();
    expect(await h.core.setZone({ caller: c, zone: 'Europe/Berlin' })).toMatchObject({ kind: 'zone_saved' });
    h.clock.set(mins(START, -24 * 60));
    await sweep();
    const [reminder] = smtp.ofType('reminder');
    expect(smtp.ofType('booking_confirmed')[0]!.parsed.text).toContain('When: Tue 1 Dec, 15:00–15:30 New York');
    expect(reminder!.parsed.text).toContain('When: Tue 1 Dec, 21:00–21:30 Berlin');
    expect(reminder!.parsed.text).toContain('You can cancel or reschedule until Tue 1 Dec, 19:55 Berlin.');
    expect(reminder!.parsed.text).not.toContain('New York');
  });

  it('every notice type reaches the right inbox; chat-only people and people without an address get no mail', async () => {
    // Acme (plan): ana by email, cy chat only; Birch (no plan): bo without an address of his own (the company contact gets it)
    const acme = await companyWithPlan(h);
    const ana = await linkedCustomer(h, 'U1', acme);
    await h.core.setEmail({ caller: ana, email: 'ana@acme.example', via: 'email' });
    const cy = await linkedCustomer(h, 'U3', acme);
    expect(await h.core.setEmail({ caller: cy, email: 'cy@acme.example', via: 'chat' })).toMatchObject({ effective: 'chat' });
    await h.core.createCompany({ caller: staffAlice, name: 'Birch Boxes', planUntil: null, code: 'BIRCH-2026' });
    const bo = customer('U2', 'Europe/London');
    expect(await h.core.linkCompany({ caller: bo, code: 'BIRCH-2026' })).toMatchObject({ kind: 'linked' });
    const noAddress = customer('U4');

    // paid bookings wait for approval: pending, staff request, approved / declined
    const p1 = await book(h, bo, START, { payStandardFee: true });
    const p2 = await book(h, bo, mins(START, 24 * 60), { payStandardFee: true });
    await h.core.approveBooking({ caller: staffAlice, bookingId: p1.bookingId });
    await h.core.declineBooking({ caller: staffAlice, bookingId: p2.bookingId, reason: 'We are closed that day' });
    // emergencies: received, staff request, scheduled, declined
    const e1 = await h.core.requestEmergency({ caller: ana, description: 'Quotes are zero', urgency: 'critical' });
    const e2 = await h.core.requestEmergency({ caller: ana, description: 'Labels misprint', urgency: 'normal' });
    if (e1.kind !== 'emergency_requested' || e2.kind !== 'emergency_requested') throw new Error('emergency not requested');
    await h.core.squeezeIn({ caller: staffAlice, bookingId: e1.booking.bookingId, staffId: e1.options[0]!.staffId, startsAt: new Date(e1.options[0]!.startsAt) });
    await h.core.declineBooking({ caller: staffAlice, bookingId: e2.booking.bookingId, reason: 'Fixed by the update' });
    // a chat-only person and a person without any address
    await book(h, cy, mins(START, 9 * 24 * 60)); // after the no-shows below
    await book(h, noAddress, mins(START, 6 * 24 * 60), { payStandardFee: true });
    await sweep();
    // two no-shows: strike warning, then suspension; staff reinstate
    const n1 = await book(h, ana, mins(START, 7 * 24 * 60));
    const n2 = await book(h, ana, mins(START, 8 * 24 * 60));
    h.clock.set(mins(new Date(n1.startsAt!), 10));
    await sweep();
    h.clock.set(mins(new Date(n2.startsAt!), 10));
    await sweep();
    expect(await h.core.recordReinstatement({ caller: staffAlice, name: 'Acme Crating' })).toMatchObject({ kind: 'company' });
    await sweep();

    const to = (type: string) => smtp.ofType(type).map((m) => m.envelopeTo.join(','));
    expect(to('booking_pending')).toEqual(['office@birch.example', 'office@birch.example']);
    expect(to('booking_approved')).toEqual(['office@birch.example']);
    expect(to('booking_declined')).toEqual(['office@birch.example']);
    expect(to('emergency_received')).toEqual(['ana@acme.example', 'ana@acme.example']);
    expect(to('emergency_scheduled')).toEqual(['ana@acme.example']);
    expect(to('emergency_declined')).toEqual(['ana@acme.example']);
    expect(to('booking_confirmed')).toEqual(['ana@acme.example', 'ana@acme.example']); // n1, n2 (cy chose chat)
    // the squeezed-in emergency nobody joined (strike 1), n1 (strike 2: Acme is suspended, which cancels
    // n2, a free session still ahead, so n2 never closes as a no-show), and the approved paid session
    expect(to('no_show_closed').sort()).toEqual(['ana@acme.example', 'ana@acme.example', 'office@birch.example']);
    // the first no-show of a free session says the count (core sends no separate strike warning)
    expect(smtp.ofType('no_show_closed').some((m) => m.parsed.text!.includes('This is no-show 1 of 2'))).toBe(true);
    // suspension and reinstatement go to every member of the company who gets mail (ana; cy chose chat)
    // once each (test/core/suspension-once.test.ts: a later no-show does not tell the suspension again)
    expect(to('suspended')).toEqual(['ana@acme.example']);
    expect(to('reinstated')).toEqual(['ana@acme.example']);
    for (const type of ['staff_approval_request', 'staff_emergency_request', 'staff_no_show']) {
      expect(to(type).length, type).toBeGreaterThan(0);
      expect(new Set(to(type))).toEqual(new Set(['staff@cratepro.example']));
    }
    // nothing for cy's booking or the person without an address
    expect(smtp.mails.some((m) => m.envelopeTo.includes('cy@acme.example'))).toBe(false);

    // ana chose email only: no chat messages for her; cy chat only
    const anaMember = await t.db.prisma.member.findFirstOrThrow({ where: { platformUserId: 'U1' } });
    expect(chat.delivered.filter((m) => m.recipient.to === 'member' && m.recipient.memberId === anaMember.id)).toHaveLength(0);
    expect(chat.delivered.some((m) => m.platformUserId === 'U3' && m.notice.type === 'booking_confirmed')).toBe(true);

    // every message has a subject, a text part and an HTML part; calendar files where a calendar changes
    for (const m of smtp.mails) {
      expect(m.parsed.subject).toMatch(/^Crate Pro Support: \S/);
      expect(m.parsed.text!.length).toBeGreaterThan(20);
      expect(m.parsed.html).toMatch(/^<!doctype html>/);
    }
    const withIcs = new Set(smtp.mails.filter((m) => TestSmtp.ics(m)).map((m) => m.parsed.headers.get('x-slotkeeper-notice')));
    // (reminders carry theirs too: the first test checks both, field by field; here n2, whose 24 h reminder
    // would fall in this story, is cancelled by the suspension first, and that cancel carries its own)
    expect(withIcs).toEqual(new Set(['booking_pending', 'booking_approved', 'booking_declined', 'emergency_scheduled', 'booking_confirmed', 'booking_cancelled']));
    const declined = icsOf(smtp.ofType('booking_declined')[0]!);
    expect(declined.method).toBe('CANCEL');
    const approved = icsOf(smtp.ofType('booking_approved')[0]!);
    // mails about different bookings go out side by side: find the pending one of the same booking
    const pending = smtp.ofType('booking_pending').map(icsOf).find((p) => p.event.uid === approved.event.uid)!;
    expect(pending).toBeDefined();
    expect(pending.event.status).toBe('TENTATIVE');
    expect(Number(approved.event.sequence)).toBeGreaterThan(Number(pending.event.sequence));
    expect(approved.event.status).toBe('CONFIRMED');

    // with the first test (reminders, rescheduled, cancelled, staff cancelled): every type the outbox knows but the chat-only edit
    const types = new Set(smtp.mails.map((m) => m.parsed.headers.get('x-slotkeeper-notice')));
    for (const type of ['booking_confirmed', 'booking_pending', 'booking_approved', 'booking_declined', 'no_show_closed', 'suspended', 'reinstated', 'emergency_received', 'emergency_scheduled', 'emergency_declined', 'staff_approval_request', 'staff_emergency_request', 'staff_no_show']) {
      expect(types.has(type), type).toBe(true);
    }
  });

  it('with the SMTP server down, email retries with backoff like chat, and the chat copy goes out at once', async () => {
    useNotifier('smtp-url');
    const c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
    await h.core.setEmail({ caller: c, email: 'ana@acme.example' });
    const port = smtp.port;
    await smtp.stop();
    const b = await book(h, c, START);
    const r1 = await sweep();
    expect(chat.types()).toEqual(['booking_confirmed']);
    expect(r1).toMatchObject({ sent: 1, retried: 1 });
    const rows = () => t.db.prisma.notification.findMany({ where: { bookingId: b.bookingId, channel: 'email', type: 'booking_confirmed' } });
    const [row] = await rows();
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    // backoff: 15 s after the first failure, nothing earlier
    expect(row!.dueAt.getTime()).toBe(h.clock.now().getTime() + 15_000);
    h.clock.advance(14_000);
    expect((await sweep()).retried).toBe(0);
    h.clock.advance(1_000);
    expect(await sweep()).toMatchObject({ retried: 1 });
    expect((await rows())[0]).toMatchObject({ status: 'pending', attempts: 2 });
    // back up: the next due attempt delivers, once
    await smtp.start(port);
    h.clock.advance(30_000);
    expect(await sweep()).toMatchObject({ sent: 1 });
    expect((await rows())[0]).toMatchObject({ status: 'sent', attempts: 3 });
    expect(smtp.ofType('booking_confirmed')).toHaveLength(1);
    expect(chat.types()).toEqual(['booking_confirmed']);
  });

  it('a temporary SMTP refusal (451) is retried; a permanent one (550) fails the email row only', async () => {
    useNotifier('smtp-url');
    const c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
    await h.core.setEmail({ caller: c, email: 'ana@acme.example' });
    smtp.rejectNext = 451;
    const b = await book(h, c, START);
    expect(await sweep()).toMatchObject({ retried: 1, sent: 1 });
    h.clock.advance(15_000);
    expect(await sweep()).toMatchObject({ sent: 1 });
    expect(smtp.ofType('booking_confirmed')).toHaveLength(1);
    smtp.rejectNext = 550;
    await h.core.cancelBooking({ caller: c, bookingId: b.bookingId });
    await sweep();
    const row = await t.db.prisma.notification.findFirstOrThrow({ where: { bookingId: b.bookingId, channel: 'email', type: 'booking_cancelled' } });
    expect(row).toMatchObject({ status: 'failed' });
    expect(row.lastError).toContain('550');
    expect(chat.types()).toContain('booking_cancelled');
  });

  it('an address comes from the Slack profile, /email overrides it, and the choice of chat, email or both is kept', async () => {
    const fromProfile = { ...customer('U9'), email: 'kim@profile.example' };
    // any use case that resolves the caller takes the profile address
    expect(await h.core.setEmail({ caller: fromProfile })).toMatchObject({ kind: 'email_settings', email: 'kim@profile.example', source: 'slack_profile', effective: 'both', changed: false });
    expect(await h.core.setEmail({ caller: fromProfile, email: 'not an address' })).toEqual({ kind: 'email_invalid', email: 'not an address' });
    expect(await h.core.setEmail({ caller: fromProfile, email: 'kim@typed.example', via: 'email' })).toMatchObject({ email: 'kim@typed.example', source: 'command', chosen: 'email', effective: 'email', changed: true });
    // a later profile change does not overwrite what the person typed
    expect(await h.core.setEmail({ caller: { ...fromProfile, email: 'kim@new-profile.example' } })).toMatchObject({ email: 'kim@typed.example', source: 'command' });
    // removing the address: chat again, and email cannot be chosen without one
    expect(await h.core.setEmail({ caller: fromProfile, email: null })).toMatchObject({ email: null, sendsTo: null, effective: 'chat' });
    expect(await h.core.setEmail({ caller: customer('U8'), via: 'email' })).toEqual({ kind: 'email_needs_address' });
    const audit = await t.db.prisma.auditEntry.findMany({ where: { action: 'email_settings' } });
    expect(audit.map((a) => a.details).join(' ')).not.toContain('@');
  });

  it('the calendar file is in the recipient\'s language, like the email: a German member gets German summary, notes and alarm', async () => {
    const c = await linkedCustomer(h, 'U1', await companyWithPlan(h), 'Europe/Berlin');
    expect(await h.core.setLanguage({ caller: c, language: 'de' })).toMatchObject({ kind: 'language_saved' });
    await h.core.setEmail({ caller: c, email: 'lena@acme.example' });
    const b = await book(h, c, START);
    await sweep();
    const [conf] = smtp.ofType('booking_confirmed');
    expect(conf!.parsed.subject).toBe('Crate Pro Support: Ihr Termin ist gebucht');
    const ics = icsOf(conf!);
    expect(ics.event.summary).toBe('Online-Termin mit Crate Pro Support');
    expect(ics.event.description).toMatch(/^Online-Termin, 30 Minuten mit [^\n]+\.\n/);
    expect(ics.event.description).toContain(`Online teilnehmen: ${b.joinUrl}`);
    expect(ics.event.description).toContain(`Telefon: ${b.phoneNumber}, PIN ${b.phonePin}`);
    expect(ics.event.description).toContain(`Verschieben oder stornieren: ${b.manageUrl}`);
    expect(ics.event.description).toContain(`Referenz: ${b.reference}`);
    expect(ics.text).toMatch(/BEGIN:VALARM[\s\S]*DESCRIPTION:Online-Termin in 15 Minuten[\s\S]*END:VALARM/);
    expect(ics.text).toMatch(/^PRODID:.*\/\/DE$/m);
    expect(`${ics.event.summary} ${ics.event.description}`).not.toMatch(/Online session|Join online|Reschedule|Reference|minutes/);
  });
});
