/**
 * npm run demo: the whole service as a scripted story on a fresh temporary database and a simulated
 * clock, printed as each person would read it, through the console adapter (the same listeners and
 * renderers as the page at http://localhost:3000). Non-interactive; exits 0.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core/index.js';
import { loadConfigFile } from '../bots/shared/config-file.js';
import { ManualClock } from '../core/ports/clock.js';
import { sequentialIds } from '../core/ports/ids.js';
import { formatInstant } from '../core/time/index.js';
import type { BookingCard } from '../core/index.js';
import { migrate } from '../prisma/migrate.js';
import { openDatabase } from '../prisma/client.js';
import { createPrismaStore } from '../prisma/store/index.js';
import { compositeNotifier } from '../bots/shared/composite-notifier.js';
import { ConsoleEngine, type ConsoleEvent, type FeedItem, type SkipTarget, type Who } from '../bots/console/engine.js';
import { CUSTOMERS } from '../bots/console/personas.js';
import type { ConsoleMessage } from '../bots/console/render/html.js';
import { encodeIntent } from '../bots/shared/present/intents.js';
import { consoleStateStore } from '../prisma/store/console-state.js';
import { demoSummary } from './demo-summary.js';
import { renderEmail } from '../bots/shared/email/render.js';
import { bookingIcs } from '../bots/shared/email/ics.js';

const started = performance.now();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const loaded = loadConfigFile(path.join(root, 'slotkeeper.example.yml'));
if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
const config = loaded.config;
const vendorZone = config.vendor.zone;

// DEMO_DB=path keeps the database at that path after the run (the transcript test checks the summary against it).
const keep = process.env.DEMO_DB || null;
const dir = mkdtempSync(path.join(tmpdir(), 'slotkeeper-demo-'));
const file = keep ?? path.join(dir, 'demo.db');
const target = { provider: 'sqlite' as const, url: `file:${file}`, file };
await migrate(target);
const db = await openDatabase(target);
const store = createPrismaStore(db.prisma, db.close);

/** Monday 30 Nov 2026, 09:00 in New York. */
const clock = new ManualClock('2026-11-30T14:00:00Z');
const core = createCore({ store, clock, ids: sequentialIds('d'), config });
let engine: ConsoleEngine;
const sweep = async () => {
  await core.runSweep({ notifier: compositeNotifier({ console: engine.notifier }) });
};
engine = new ConsoleEngine({ core, store, config, clock, sweep });

// ---- printing: the simulated time, then the message as the person sees it ----
const out: string[] = [];
const print = (s = '') => {
  out.push(s);
  console.log(s);
};
const stamp = (d: Date) => `[${formatInstant(d, vendorZone)}]`;
const nameOf = (who: Who) => (who.pane === 'staff' ? (who.user ? `${who.user} (staff)` : '#staff') : `${who.user} (${CUSTOMERS.find((c) => c.id === who.user)?.companyName})`);
const indent = (text: string) => text.split('\n').map((l) => `    ${l}`).join('\n');
const buttonsOf = (m: ConsoleMessage) => (m.buttons.length ? `\n    ${m.buttons.map((b) => `[${b.label}]`).join(' ')}` : '');
const bookings = new Map<string, BookingCard>();

engine.listen((e: ConsoleEvent) => {
  switch (e.kind) {
    case 'typed':
      print(`${stamp(e.at)} ${nameOf(e.who)} types: ${e.text}`);
      return;
    case 'reply':
      print(`${stamp(e.at)} Slotkeeper → ${e.who.user} (only they see this):\n${indent(e.message.text)}${buttonsOf(e.message)}`);
      return;
    case 'notice':
      if ('booking' in e.notice) bookings.set(e.notice.booking.bookingId, e.notice.booking);
      if (!e.message) return;
      print(`${stamp(e.at)} Slotkeeper → ${nameOf(e.who)}:\n${indent(e.message.text)}${buttonsOf(e.message)}`);
      return;
    case 'clock':
      return;
  }
});

const ana: Who = { pane: 'customer', user: 'ana' };
const bo: Who = { pane: 'customer', user: 'bo' };
const alice: Who = { pane: 'staff', user: 'alice' };

function chapter(title: string): void {
  print();
  print(`━━ ${title} ━━`);
}
function note(text: string): void {
  print(`    (${text})`);
}

async function type(who: Who, text: string): Promise<FeedItem[]> {
  return engine.command(who, text);
}

/** Presses the first button whose label starts with `label`, on the given items or else on the person's latest message that has it. */
async function press(who: Who, label: string, on?: FeedItem[], reason?: string): Promise<FeedItem[]> {
  const items = on ?? [...(await engine.feed(who))].reverse();
  for (const item of items) {
    const b = item.buttons.find((x) => x.label.startsWith(label));
    if (b?.kind === 'action') {
      print(`${stamp(clock.now())} ${nameOf(who)} presses [${b.label}]${reason ? ` (reason: ${reason})` : ''}`);
      return engine.action(who, { id: b.id, ...(b.value ? { value: b.value } : {}), itemId: item.id, ...(reason ? { reason } : {}) });
    }
    if (b?.kind === 'link') {
      // A link opens in the browser; the demo follows a join link as the browser would.
      print(`${stamp(clock.now())} ${nameOf(who)} opens [${b.label}] ${b.url}`);
      const r = await core.openJoinLink({ token: b.url.slice(b.url.lastIndexOf('/') + 1) });
      note(r.kind === 'joined' ? 'the join link opens the meeting and records that the company joined' : `the join link answers: ${r.kind}`);
      return [];
    }
  }
  throw new Error(`demo: no [${label}] button for ${who.user}`);
}

async function skip(who: Who, to: SkipTarget, label: string): Promise<void> {
  print(`── skip ahead: ${label} ──`);
  await engine.skip(who, to);
  print(`── clock: ${formatInstant(clock.now(), vendorZone)} ──`);
}

async function skipTo(at: Date, label: string): Promise<void> {
  print(`── skip ahead: ${label} ──`);
  await engine.advanceTo(at);
  print(`── clock: ${formatInstant(clock.now(), vendorZone)} ──`);
}

const startOf = (ref: BookingCard | undefined) => new Date(ref?.startsAt ?? 0);
const latestFor = (memberName: string) => [...bookings.values()].filter((b) => b.memberName === memberName && b.startsAt).at(-1);

// ---- the story ----
print(`Slotkeeper demo: ${config.vendor.name}, vendor time ${vendorZone}. Simulated clock starts ${formatInstant(clock.now(), vendorZone)}.`);

chapter('1. Staff set up two customer companies');
await type(alice, '/sk-company create Acme Crating plan-until 2027-12-31 code ACME-2026');
await type(alice, '/sk-company create Birch Boxes code BIRCH-2026');

chapter('2. A maintenance customer links with the code and books in plain language');
await type(ana, '/support-code ACME-2026');
let r = await type(ana, '/book tomorrow 3pm');
await press(ana, 'Confirm', r);
const first = latestFor('Ana Ruiz');

chapter('2b. The confirmation email Ana gets when email is set up (docs/email-setup.md)');
if (first) {
  const email = renderEmail({ type: 'booking_confirmed', booking: first }, config, { recipient: { to: 'member', memberId: '' }, locale: 'en' });
  print(`    To: ana@acme.example`);
  print(`    Subject: ${email.subject}`);
  print(indent(email.text.trimEnd()));
  const ics = bookingIcs(config, first, { method: 'REQUEST', stamp: clock.now(), attendee: 'ana@acme.example', lang: 'en' });
  const keep = /^(METHOD|UID|SEQUENCE|DTSTART|DTEND|SUMMARY|STATUS|TRIGGER):/;
  print(`    Attached: ${first.reference}.ics (${ics.split(/\r?\n/).filter((l) => keep.test(l)).join(' · ')})`);
  note('the same words as the chat message, an HTML part beside the text, and links to reschedule or cancel from any device');
}

chapter('3. Reminders 24 hours and 2 hours ahead');
await skip(ana, 'next_reminder', 'to the next reminder');
await skip(ana, 'next_reminder', 'to the next reminder');

chapter('4. A cancel 60 minutes before the start is refused with the cutoff');
await skipTo(new Date(startOf(first).getTime() - 60 * 60_000), '60 minutes before the start');
// The reminder has lost its Cancel button at the cutoff; a Cancel pressed from an older message is refused by core.
await press(ana, 'Cancel', [...(await engine.feed(ana))].slice(-1).map((i) => ({ ...i, buttons: [{ kind: 'action' as const, label: 'Cancel', id: encodeIntent({ do: 'cancel', bookingId: first!.bookingId }) }] })));

chapter('5. Ana joins: the join counts, nothing closes');
await skipTo(new Date(startOf(first).getTime() - 2 * 60_000), '2 minutes before the start');
await press(ana, 'Join');
await skip(ana, 'plus10', '+10 min');
await skip(ana, 'plus10', '+10 min');
note('the no-show check 10 minutes after the start found that Acme Crating joined: no message, no strike');

chapter('6. A booking nobody joins closes at +10 minutes, with a strike warning');
r = await type(ana, '/book wednesday 10am');
await press(ana, 'Confirm', r);
await skip(ana, 'next_reminder', 'to the next reminder');
await skip(ana, 'start', 'to the start');
await skip(ana, 'plus10', '+10 min');

chapter('7. A second no-show suspends free sessions');
r = await type(ana, '/book thursday 10am');
await press(ana, 'Confirm', r);
await skip(ana, 'start', 'to the start');
await skip(ana, 'plus10', '+10 min');

chapter('8. A free booking is refused while suspended');
await type(ana, '/book friday 10am');

chapter('9. Staff record the $100 reinstatement; booking works again');
await press(alice, 'Record reinstatement');
r = await type(ana, '/book friday 10am');
await press(ana, 'Confirm', r);

chapter('10. A company without a plan books a paid session; staff approve it');
await type(bo, '/support-code BIRCH-2026');
r = await type(bo, '/book friday 2pm phone');
await press(bo, 'Request', r);
await press(alice, 'Approve');

chapter('11. An emergency is squeezed in today');
await type(ana, '/emergency All crate quotes print at $0 since this morning\'s update');
await press(alice, 'Ben Okafor');

// ---- summary: read from the database, as it is at the end of the story ----
chapter('Summary');
for (const line of await demoSummary(db.prisma, clock.now(), vendorZone, config.policy.strikesToSuspend)) print(line);
print(`Demo finished in ${((performance.now() - started) / 1000).toFixed(1)} s (simulated time now ${formatInstant(clock.now(), vendorZone)}).`);

// The simulated time the story ended at, kept with the data as the console keeps it.
await consoleStateStore(db.prisma).set('clock', clock.now().toISOString());
await store.close();
rmSync(dir, { recursive: true, force: true });
