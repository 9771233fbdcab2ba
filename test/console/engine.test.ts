/** The console's listeners without HTTP: every button and command reaches core and is presented. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../core/index.js';
import { ManualClock } from '../../core/ports/clock.js';
import { sequentialIds } from '../../core/ports/ids.js';
import { ConsoleEngine, type FeedItem, type Who } from '../../bots/console/engine.js';
import { seedDemo } from '../../bots/console/seed.js';
import { compositeNotifier } from '../../bots/shared/composite-notifier.js';
import { sqliteTestDb, type TestDatabase } from '../support/test-database.js';
import { exampleConfig } from '../support/config.js';
import { MONDAY_9AM_NY } from '../support/core-harness.js';

const ana: Who = { pane: 'customer', user: 'ana' };
const bo: Who = { pane: 'customer', user: 'bo' };
const cy: Who = { pane: 'customer', user: 'cy' };
const alice: Who = { pane: 'staff', user: 'alice' };
const ben: Who = { pane: 'staff', user: 'ben' };

describe('the console engine', () => {
  let db: TestDatabase;
  let clock: ManualClock;
  let engine: ConsoleEngine;

  beforeEach(async () => {
    db = await sqliteTestDb();
    clock = new ManualClock(MONDAY_9AM_NY);
    const config = exampleConfig();
    const core = createCore({ store: db.store, clock, ids: sequentialIds('e'), config });
    engine = new ConsoleEngine({ core, store: db.store, config, clock, sweep: async () => void (await core.runSweep({ notifier: compositeNotifier({ console: engine.notifier }) })) });
    const seeded = await seedDemo({ store: db.store, config, now: clock.now(), notifier: engine.notifier });
    expect(seeded.kind).toBe('seeded');
  });
  afterEach(() => db.close());

  const last = async (who: Who) => (await engine.feed(who)).at(-1)!;
  const press = async (who: Who, item: FeedItem, label: string, reason?: string) => {
    const b = item.buttons.find((x) => x.label.startsWith(label));
    if (b?.kind !== 'action') throw new Error(`no [${label}] on: ${item.text}`);
    return engine.action(who, { id: b.id, ...(b.value ? { value: b.value } : {}), itemId: item.id, ...(reason ? { reason } : {}) });
  };
  const book = async (who: Who, text: string) => {
    const [proposal] = await engine.command(who, `/book ${text}`);
    return press(who, proposal!, proposal!.buttons[0]!.label);
  };

  it('does nothing on a second seed', async () => {
    expect(await seedDemo({ store: db.store, config: exampleConfig(), now: clock.now() })).toEqual({ kind: 'skipped', companies: 3 });
  });

  it('"to the next reminder" goes to this customer\'s reminder, not another customer\'s earlier one', async () => {
    await book(bo, 'tomorrow 10am phone');
    await press(alice, await last(alice), 'Approve'); // bo's 2 h reminder: Tue 1 Dec, 08:00 London
    await book(ana, 'wednesday 3pm'); // ana's 24 h reminder: Tue 1 Dec, 15:00 Chicago
    const r = await engine.skip(ana, 'next_reminder');
    expect(r.now.toISOString()).toBe('2026-12-01T21:00:00.000Z');
    expect((await last(ana)).text).toContain('Reminder: your session starts in 24 hours.');
  });

  it('reschedules from the confirmation: asks for the new time in a field, then the move and a new confirmation', async () => {
    await book(ana, 'tomorrow 3pm');
    const confirmation = await last(ana);
    const [ask] = await press(ana, confirmation, 'Reschedule');
    expect(ask!.text).toBe('Which new time would you like?');
    expect(ask!.prompt).toMatchObject({ kind: 'move', label: 'New time', submit: 'Send' });
    const [refused] = await engine.respond(ana, ask!.id, 'yesterday');
    expect(refused!.text).not.toMatch(/^Moved/);
    const [moved] = await engine.respond(ana, ask!.id, 'tomorrow 2pm');
    expect(moved!.text).toMatch(/^🔁 Moved to Tue 1 Dec, 14:00–14:30 Chicago\./);
    const feed = await engine.feed(ana);
    expect(feed.at(-1)!.text).toContain('Your session was moved from Tue 1 Dec, 15:00 Chicago to the time below.');
    // The old confirmation is drawn as Slack edits it: no Reschedule / Cancel, and why.
    const old = feed.find((i) => i.id === confirmation.id)!;
    expect(old.buttons).toEqual([]);
    expect(old.text).toContain('This session was moved');
  });

  it('lists sessions and fees, and shows the profile and code', async () => {
    await book(ana, 'tomorrow 3pm');
    const [sessions] = await engine.command(ana, '/sessions');
    expect(sessions!.text.split('\n')[0]).toBe('Your upcoming sessions');
    expect(sessions!.buttons.map((b) => b.label)).toEqual(['Reschedule', 'Cancel', 'Add to calendar']);
    const [fees] = await engine.command(bo, '/fees');
    expect(fees!.text).toContain('• Online session, 30 min: $75');
    const [profile] = await engine.command(cy, '/support-code');
    expect(profile!.text).toContain('No-shows: 2 of 2 (free sessions suspended)');
  });

  it('declines a paid request with a reason the customer reads', async () => {
    await book(bo, 'tomorrow 2pm');
    const card = await last(alice);
    expect(card.text).toContain('A booking needs approval');
    const [declined] = await press(alice, card, 'Decline', 'Nobody free that afternoon');
    expect(declined!.text).toMatch(/^Declined: Online session .*\. The customer was told why\.$/);
    expect((await last(bo)).text).toContain('Reason: Nobody free that afternoon');
    const [again] = await press(ben, card, 'Approve');
    expect(again!.text).toMatch(/^Already decided by Alice Moreno at .* \(now declined\)\.$/);
  });

  it('Decline on a card of a request moved since declines nothing; the newer card declines it at its new time', async () => {
    await book(bo, 'tomorrow 2pm');
    const card = await last(alice);
    expect(card.text).toContain('When: Tue 1 Dec, 09:00–09:30 New York');
    const [sessions] = await engine.command(bo, '/sessions');
    const [ask] = await press(bo, sessions!, 'Reschedule');
    const [moved] = await engine.respond(bo, ask!.id, 'tomorrow 4pm');
    expect(moved!.text).toMatch(/^🔁 Moved to /);
    const newer = await last(alice);
    expect(newer.id).not.toBe(card.id);
    expect(newer.text).toContain('When: Tue 1 Dec, 11:00–11:30 New York');

    const [stale] = await press(alice, card, 'Decline', 'Nobody free that afternoon');
    expect(stale!.text).toBe('This button is no longer available. Please start again (for example with /book or /sessions).');
    expect((await last(bo)).text).not.toContain('Reason: Nobody free that afternoon');

    const [declined] = await press(alice, newer, 'Decline', 'Nobody free that afternoon');
    expect(declined!.text).toMatch(/^Declined: Online session .*\. The customer was told why\.$/);
    expect((await last(bo)).text).toContain('Reason: Nobody free that afternoon');
  });

  it('a decided request: once alice approves, ben sees the card without Approve / Decline, and who approved it', async () => {
    await book(bo, 'tomorrow 2pm');
    const card = await last(alice);
    expect(card.buttons.map((b) => b.label)).toEqual(['Approve', 'Decline']);
    expect((await engine.feed(ben)).find((i) => i.id === card.id)!.buttons.map((b) => b.label)).toEqual(['Approve', 'Decline']);
    const [approved] = await press(alice, card, 'Approve');
    expect(approved!.text).toContain('Approved');
    const seen = (await engine.feed(ben)).find((i) => i.id === card.id)!;
    expect(seen.buttons).toEqual([]);
    expect(seen.text).toMatch(/\nApproved by Alice Moreno at Mon 30 Nov, 09:00 New York\.\n/);
    expect(seen.html).not.toContain('<button');
  });

  it('a request the customer cancels: its staff card has no buttons and says it was withdrawn', async () => {
    await book(bo, 'tomorrow 2pm');
    const card = await last(alice);
    const pending = (await engine.feed(bo)).at(-1)!;
    const [ask] = await press(bo, pending, 'Cancel request');
    await press(bo, ask!, 'Yes, cancel');
    const staffFeed = await engine.feed(ben);
    const seen = staffFeed.find((i) => i.id === card.id)!;
    expect(seen.buttons).toEqual([]);
    expect(seen.text).toContain('Withdrawn by the customer at Mon 30 Nov, 09:00 New York.');
    expect(staffFeed.at(-1)!.text).toMatch(/^🗑️ Cancelled by the customer: Bo Lindqvist \(Birch Boxes\), online session /);
  });

  it('a request nobody approved before its start: the card loses its buttons and says it closed', async () => {
    await book(bo, 'today 5pm'); // London: 17:00 UTC, three hours ahead
    const card = await last(alice);
    expect(card.buttons.map((b) => b.label)).toEqual(['Approve', 'Decline']);
    await engine.advanceTo(new Date(Date.parse(MONDAY_9AM_NY) + 4 * 3_600_000));
    const staffFeed = await engine.feed(ben);
    const seen = staffFeed.find((i) => i.id === card.id)!;
    expect(seen.buttons).toEqual([]);
    expect(seen.text).toMatch(/\nClosed: /);
    expect(staffFeed.some((i) => i.text.startsWith('⌛ Closed unanswered: Bo Lindqvist (Birch Boxes), online session'))).toBe(true);
  });

  it('lets staff mark the customer joined from /today, so no no-show closes the session', async () => {
    await book(ana, 'today 3pm');
    // "customer joined" counts from 30 minutes before the start, like the join link
    await engine.skip(ana, 'start');
    const [day] = await engine.command(alice, '/today');
    expect(day!.text).toContain('Ana Ruiz (Acme Crating)');
    const [marked] = await press(alice, day!, 'Customer joined (phone)');
    expect(marked!.text).toMatch(/^Marked as joined: Online session .* \(by Alice Moreno\)\. It will not be closed as a no-show\.$/);
    await engine.skip(ana, 'plus10');
    expect((await last(ana)).text).not.toContain('was closed');
  });

  it('squeezes an emergency in and records a reinstatement by command', async () => {
    const [refused] = await engine.command(cy, '/emergency Pallet labels print blank');
    expect(refused!.text).toContain('Free sessions for Cedar Pallets are suspended after repeated no-shows');
    const [sent] = await press(cy, refused!, 'Request at $125');
    expect(sent!.text).toContain('Your emergency request is with our staff.');
    const card = await last(alice);
    const [done] = await press(alice, card, 'Alice Moreno');
    expect(done!.text).toMatch(/^Scheduled: .* with Alice Moreno\./);
    const decided = (await engine.feed(ben)).find((i) => i.id === card.id)!;
    expect(decided.buttons).toEqual([]);
    expect(decided.text).toMatch(/\nScheduled by Alice Moreno at Mon 30 Nov, 09:00 New York\.\n/);
    const cyFeed = await engine.feed(cy);
    const scheduled = cyFeed.find((i) => i.text.includes('Your emergency session is scheduled.'));
    expect(scheduled).toBeDefined();
    // squeezed in less than 65 minutes ahead: the confirmation says it cannot change, and offers no Reschedule / Cancel
    expect(cyFeed.at(-1)!.id).toBe(scheduled!.id);
    expect(scheduled!.text).toContain('It is now less than 65 minutes before your session: it can no longer be cancelled or rescheduled.');
    expect(scheduled!.buttons.map((b) => b.label)).toEqual(['Join', 'Add to calendar']);
    const [reinstated] = await engine.command(alice, '/sk-company reinstate Cedar Pallets');
    expect(reinstated!.text).toContain('Reinstated Cedar Pallets');
    expect((await last(cy)).text.split('\n')[0]).toBe('🎉 Free sessions for Cedar Pallets are reinstated.');
  });

  it('staff reverse a no-show and see and unlink a company\'s people by command; customers are refused', async () => {
    const noShow = await db.prisma.booking.findFirstOrThrow({ where: { status: 'no_show' }, orderBy: { startsAt: 'desc' } });
    const strikes = async () => (await db.prisma.company.findFirstOrThrow({ where: { name: 'Cedar Pallets' } })).strikes;
    const before = await strikes();
    expect((await engine.command(cy, `/sk-reverse ${noShow.reference} I called in`))[0]!.text).toBe('Sorry, only our support staff can do that.');
    expect((await engine.command(alice, `/sk-reverse ${noShow.reference}`))[0]!.text).toContain('Give the booking reference, then why');
    const [reversed] = await engine.command(alice, `/sk-reverse ${noShow.reference.toLowerCase()} called the phone line, our mistake`);
    expect(reversed!.text).toContain('No-show reversed by Alice Moreno');
    expect((await db.prisma.booking.findUniqueOrThrow({ where: { id: noShow.id } })).status).toBe('confirmed');
    expect(await strikes()).toBe(before - 1);

    expect((await engine.command(cy, '/sk-company members Cedar Pallets'))[0]!.text).toBe('Sorry, only our support staff can do that.');
    const [list] = await engine.command(alice, '/sk-company members cedar pallets');
    expect(list!.text).toMatch(/(One person is|\d people are) linked to Cedar Pallets:/);
    const cyMember = await db.prisma.member.findFirstOrThrow({ where: { platformUserId: 'cy' } });
    expect(cyMember.companyId).not.toBeNull();
    const [unlinked] = await engine.command(alice, '/sk-company unlink cy Cedar Pallets');
    expect(unlinked!.text).toContain('is no longer linked to Cedar Pallets');
    expect((await db.prisma.member.findUniqueOrThrow({ where: { id: cyMember.id } })).companyId).toBeNull();
    expect((await engine.command(alice, '/sk-company unlink cy'))[0]!.text).toContain('Usage: /sk-company');
  });

  it('refuses staff commands from a customer, and explains unknown commands with the help the person may use', async () => {
    const [refused] = await engine.command(ana, '/today');
    expect(refused!.text).toBe('Sorry, only our support staff can do that.');
    const answer = await engine.command(ana, '/frobnicate');
    expect(answer[0]!.text).toBe('Slotkeeper does not know the command /frobnicate.');
    expect(answer[1]!.text).toContain('/book: book a session');
    expect(answer[1]!.text).not.toContain('/sk-company');
    const [staffHelp] = await engine.command(alice, '/help');
    expect(staffHelp!.text).toContain('/sk-company: create companies');
  });

  it('answers a plain sentence as /book does, kind and typo correction included', async () => {
    const [typed] = await engine.command(ana, '/book can I get a call tomorow at 3pm?');
    const [plain] = await engine.command(ana, 'can I get a call tomorow at 3pm?');
    expect(plain!.text).not.toContain('does not know');
    expect(plain!.text).toBe(typed!.text);
    expect(plain!.text).toContain("read 'tomorow' as tomorrow");
    expect(plain!.text.toLowerCase()).toContain('phone');
  });

  it('in the language the console user picks: the feed, replies and typed times in German, people\'s words escaped in the HTML', async () => {
    expect(engine.setLanguage(ana, 'de')).toBe(true);
    expect(engine.setLanguage(ana, 'xx')).toBe(false);
    const [proposal] = await engine.command(ana, '/book morgen um 15 Uhr');
    expect(proposal!.text).toContain('Wann: Di 1 Dez, 15:00 Chicago');
    await press(ana, proposal!, proposal!.buttons[0]!.label);
    const confirmation = await last(ana);
    expect(confirmation.text.split('\n')[0]).toBe('✅ Ihr Termin ist gebucht.');
    expect(confirmation.buttons.map((b) => b.label)).toEqual(['Teilnehmen', 'Verschieben', 'Stornieren', 'Zum Kalender hinzufügen', 'Buchung verwalten']);
    // The staff channel keeps its own language.
    expect((await engine.command(alice, '/help'))[0]!.text.split('\n')[0]).toBe('What you can type');
    // A reason typed by staff is escaped where the page shows it.
    await book(bo, 'tomorrow 2pm');
    await press(alice, await last(alice), 'Decline', '<img src=x onerror=alert(1)>');
    const declined = await last(bo);
    expect(declined.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(declined.html).not.toContain('<img');
  });

  it('/sk-company usage in the staff member\'s language, with the console\'s [code CODE]', async () => {
    const en = (await engine.command(alice, '/sk-company create'))[0]!.text;
    expect(en).toBe('Give the company a name. Usage: /sk-company create <name> [plan-until YYYY-MM-DD] [code CODE] · plan <name> <YYYY-MM-DD|none> · rotate <name> · reinstate <name> · members <name> · unlink <person> <name>');
    expect(engine.setLanguage(alice, 'fr')).toBe(true);
    const fr = (await engine.command(alice, '/sk-company frobnicate'))[0]!.text;
    expect(fr).toContain('Action inconnue « frobnicate ».');
    expect(fr).toContain('Utilisation\u202f: /sk-company create <nom> [plan-until AAAA-MM-JJ] [code CODE]');
    expect(fr).not.toMatch(/Unknown|Usage/);
    engine.setLanguage(alice, 'en');
  });
});
