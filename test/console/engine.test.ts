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
    if (!b) throw new Error(`no [${label}] on: ${item.text}`);
    return engine.action(who, { action: b.action, value: b.value, itemId: item.id, ...(reason ? { reason } : {}) });
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

  it('reschedules from the confirmation: free times, then the move and a new confirmation', async () => {
    await book(ana, 'tomorrow 3pm');
    const confirmation = await last(ana);
    const [options] = await press(ana, confirmation, 'Reschedule');
    expect(options!.text).toContain('Move SK-');
    const [moved] = await press(ana, options!, options!.buttons[1]!.label);
    expect(moved!.text).toMatch(/^Moved to /);
    const feed = await engine.feed(ana);
    expect(feed.at(-1)!.text).toContain('Your session moved from Tue 1 Dec, 15:00 Chicago to');
    expect(feed.find((i) => i.id === confirmation.id)!.buttons).toEqual([]);
  });

  it('lists sessions and fees, and shows the profile and code', async () => {
    await book(ana, 'tomorrow 3pm');
    const sessions = await engine.command(ana, '/sessions');
    expect(sessions[0]!.text).toBe('Your upcoming sessions (1):');
    expect(sessions[1]!.buttons.map((b) => b.label)).toEqual(['Join', 'Reschedule', 'Cancel']);
    const [fees] = await engine.command(bo, '/fees');
    expect(fees!.text).toContain('Online session, 30 minutes: $75');
    expect(fees!.text).toContain('Birch Boxes: You pay the standard fee');
    const [profile] = await engine.command(cy, '/support-code');
    expect(profile!.text).toContain('Free sessions are suspended (2 no-shows).');
  });

  it('declines a paid request with a reason the customer reads', async () => {
    await book(bo, 'tomorrow 2pm');
    const card = await last(alice);
    expect(card.text).toContain('Approval needed');
    const [declined] = await press(alice, card, 'Decline', 'Nobody free that afternoon');
    expect(declined!.text).toContain('Declined by Alice Moreno (Nobody free that afternoon)');
    expect((await last(bo)).text).toContain('Reason: Nobody free that afternoon');
    const [again] = await press(ben, card, 'Approve');
    expect(again!.text).toContain('Already decided: declined by Alice Moreno');
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
    expect(seen.text.split('\n')[0]).toBe('Approved by Alice Moreno.');
    expect(seen.text).toContain('Approval needed');
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
    expect(seen.text.split('\n')[0]).toBe('Withdrawn by the customer.');
    expect(staffFeed.at(-1)!.text).toMatch(/^Cancelled by the customer: /);
  });

  it('a request nobody approved before its start: the card loses its buttons and says "Closed unanswered"', async () => {
    await book(bo, 'today 5pm'); // London: 17:00 UTC, three hours ahead
    const card = await last(alice);
    expect(card.buttons.map((b) => b.label)).toEqual(['Approve', 'Decline']);
    await engine.advanceTo(new Date(Date.parse(MONDAY_9AM_NY) + 4 * 3_600_000));
    const staffFeed = await engine.feed(ben);
    const seen = staffFeed.find((i) => i.id === card.id)!;
    expect(seen.buttons).toEqual([]);
    expect(seen.text.split('\n')[0]).toMatch(/^Closed unanswered: /);
    expect(staffFeed.some((i) => i.text.startsWith('Closed unanswered: Online session'))).toBe(true);
  });

  it('lets staff mark the customer joined from /today, so no no-show closes the session', async () => {
    await book(ana, 'today 3pm');
    // "customer joined" counts from 30 minutes before the start, like the join link
    await engine.skip(ana, 'start');
    const day = await engine.command(alice, '/today');
    const session = day.find((i) => i.text.includes('Acme Crating'))!;
    const [marked] = await press(alice, session, 'Customer joined (phone)');
    expect(marked!.text).toContain('Recorded by Alice Moreno: the customer joined.');
    await engine.skip(ana, 'plus10');
    expect((await last(ana)).text).not.toContain('was closed');
  });

  it('squeezes an emergency in and records a reinstatement by command', async () => {
    const [refused] = await engine.command(cy, '/emergency Pallet labels print blank');
    expect(refused!.text).toContain('Free sessions for Cedar Pallets are suspended: an emergency session costs $125.');
    const [sent] = await press(cy, refused!, 'Send it at the fee ($125)');
    expect(sent!.text).toContain('Emergency request sent to our staff');
    const card = await last(alice);
    const [done] = await press(alice, card, 'Squeeze in');
    expect(done!.text).toContain('Squeezed in by Alice Moreno');
    const decided = (await engine.feed(ben)).find((i) => i.id === card.id)!;
    expect(decided.buttons).toEqual([]);
    expect(decided.text.split('\n')[0]).toMatch(/^Squeezed in by Alice Moreno: Mon 30 Nov, \d\d:\d\d–\d\d:\d\d London \(\d\d:\d\d–\d\d:\d\d New York\)\.$/);
    const cyFeed = await engine.feed(cy);
    const scheduled = cyFeed.find((i) => i.text.includes('You are squeezed in.'));
    expect(scheduled).toBeDefined();
    // squeezed in less than 65 minutes ahead: the confirmation says it cannot change, and no
    // "less than 65 minutes" notice repeats it
    expect(cyFeed.at(-1)!.id).toBe(scheduled!.id);
    expect(scheduled!.text).toContain('It is too close to the start to cancel or reschedule.');
    expect(scheduled!.buttons.map((b) => b.label)).toEqual(['Join']);
    expect(cyFeed.filter((i) => i.text.includes('less than 65 minutes') && i.at >= scheduled!.at)).toEqual([]);
    // The seeded sessions' cutoff notices carry their own time, 65 minutes before each start.
    expect(cyFeed.filter((i) => i.text.includes('less than 65 minutes')).map((i) => i.atText)).toEqual(['Tue 17 Nov, 04:55 Los Angeles', 'Wed 18 Nov, 05:25 Los Angeles']);
    const [reinstated] = await engine.command(alice, '/sk-company reinstate Cedar Pallets');
    expect(reinstated!.text).toContain('Reinstatement recorded');
    expect((await last(cy)).text).toBe('Free sessions for Cedar Pallets are reinstated: thank you. Use /book to book a session.');
  });

  it('refuses staff commands from a customer, and explains unknown commands', async () => {
    const [refused] = await engine.command(ana, '/today');
    expect(refused!.text).toBe('Only staff can see the day.');
    const answer = await engine.command(ana, '/frobnicate');
    expect(answer[0]!.text).toBe('I do not know /frobnicate.');
    expect(answer[1]!.text).toContain('/book [when]');
  });

  it('answers a plain sentence as /book does, kind and typo correction included', async () => {
    const [typed] = await engine.command(ana, '/book can I get a call tomorow at 3pm?');
    const [plain] = await engine.command(ana, 'can I get a call tomorow at 3pm?');
    expect(plain!.text).not.toContain('I do not know');
    expect(plain!.text).toBe(typed!.text);
    expect(plain!.text).toContain("read 'tomorow' as tomorrow");
    expect(plain!.text.toLowerCase()).toContain('phone');
  });
});
