import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConsole, type RunningConsole } from './console-support.js';

interface Item {
  id: string;
  kind: string;
  text: string;
  atText: string;
  html: string;
  buttons: { kind: 'action' | 'link'; label: string; id?: string; url?: string }[];
}

describe('the console over HTTP (book, confirm, skip ahead, cancel)', () => {
  let c: RunningConsole;
  const ana = { pane: 'customer', user: 'ana' };
  const feed = async (pane: string, user: string): Promise<Item[]> => (await c.api('GET', `/api/feed?pane=${pane}&user=${user}`)).body.items;
  const press = (who: object, item: Item, label: string) => {
    const b = item.buttons.find((x) => x.label.startsWith(label));
    if (!b?.id) throw new Error(`no [${label}] on: ${item.text}`);
    return c.api('POST', '/api/action', { ...who, id: b.id, itemId: item.id });
  };

  beforeAll(async () => {
    c = await runConsole();
  });
  afterAll(async () => {
    await c.stop();
    c.remove();
  });

  it('serves the page, the state with the demo people, and the health check, on 127.0.0.1', async () => {
    expect(c.console.url).toMatch(/^http:\/\/localhost:\d+$/);
    const page = await fetch(`http://127.0.0.1:${c.console.port}/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('Customer chat');
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=["']https?:/); // no external assets
    const state = (await c.api('GET', '/api/state')).body;
    expect(state.customers.map((p: { id: string }) => p.id)).toEqual(['ana', 'bo', 'cy']);
    expect(state.staff.map((p: { id: string }) => p.id)).toEqual(['alice', 'ben']);
    expect(state.nowText).toBe('Mon 30 Nov, 09:00 New York');
    expect((await c.api('GET', '/healthz')).body).toMatchObject({ status: 'ok', database: { ok: true } });
  });

  it('seeds an empty database: Cedar Pallets is suspended after two no-shows, and its history shows it', async () => {
    const cy = await feed('customer', 'cy');
    expect(cy.filter((i) => i.text.includes('Nobody from your company joined online or called the conference line within 10 minutes'))).toHaveLength(2);
    expect(cy.at(-1)!.text).toContain('Free sessions for Cedar Pallets are suspended');
    const staff = await feed('staff', 'alice');
    expect(staff.at(-1)!.buttons.map((b) => b.label)).toEqual(['Record reinstatement ($100)']);
  });

  it('books in plain language, confirms, reminds after skipping ahead, and cancels', async () => {
    const proposal = (await c.api('POST', '/api/command', { ...ana, text: '/book tomorrow 3pm' })).body.items as Item[];
    expect(proposal[0]!.text).toContain('Online session, 30 minutes\nWhen: Tue 1 Dec, 15:00 Chicago (16:00 New York)');
    const booked = await press(ana, proposal[0]!, 'Confirm');
    expect(booked.status).toBe(200);
    expect(booked.body.items[0].text).toContain('Booked: Online session Tue 1 Dec, 15:00–15:30 Chicago.');

    let items = await feed('customer', 'ana');
    const confirmation = items.find((i) => i.text.startsWith('✅ Your session is booked'))!;
    expect(confirmation.text).toContain('You can cancel or reschedule until Tue 1 Dec, 13:55 Chicago.');
    expect(confirmation.text).toMatch(/Join: http:\/\/localhost:3000\/j\/\S+/);
    expect(confirmation.buttons.map((b) => `${b.kind}:${b.label}`)).toEqual(['link:Join', 'action:Reschedule', 'action:Cancel', 'action:Add to calendar', 'link:Manage booking']);
    expect(confirmation.html).toMatch(/<a class="button" href="http:\/\/localhost:3000\/j\/[\w-]+" target="_blank" rel="noopener">Join<\/a>/);
    // The Confirm button was used up.
    expect(items.find((i) => i.id === proposal[0]!.id)!.buttons).toEqual([]);

    const skipped = (await c.api('POST', '/api/skip', { to: 'next_reminder', ...ana })).body;
    expect(skipped.nowText).toBe('Mon 30 Nov, 16:00 New York');
    items = await feed('customer', 'ana');
    const reminder = items.at(-1)!;
    expect(reminder.text).toContain('Reminder: your session starts in 24 hours.');
    expect(reminder.atText).toBe('Mon 30 Nov, 15:00 Chicago');

    const ask = await press(ana, reminder, 'Cancel');
    expect(ask.body.items[0].text).toContain('Cancel your online session on Tue 1 Dec, 15:00–15:30 Chicago');
    const done = await press(ana, ask.body.items[0], 'Yes, cancel');
    expect(done.body.items[0].text).toContain('Cancelled: Online session');
    items = await feed('customer', 'ana');
    expect(items.at(-1)!.text).toContain('You cancelled your online session on Tue 1 Dec, 15:00–15:30 Chicago.');
    expect(items.at(-1)!.text).toContain('Keep this message: it is your confirmation.');
    // Earlier messages about the booking lose their buttons, as Slack edits them.
    expect(items.find((i) => i.id === reminder.id)!.buttons).toEqual([]);
    expect((await feed('staff', 'ben')).at(-1)!.text).toContain('Cancelled by the customer');
  });

  it('refuses a cancel inside the 65-minute window with the cutoff, after the 2-hour reminder', async () => {
    const proposal = (await c.api('POST', '/api/command', { ...ana, text: '/book wednesday 10am' })).body.items as Item[];
    await press(ana, proposal[0]!, 'Confirm');
    await c.api('POST', '/api/skip', { to: 'next_reminder', ...ana }); // 24 h
    await c.api('POST', '/api/skip', { to: 'next_reminder', ...ana }); // 2 h
    const reminder = (await feed('customer', 'ana')).at(-1)!;
    expect(reminder.text).toContain('Reminder: your session starts in 2 hours.');
    await c.api('POST', '/api/skip', { to: 'plus60', ...ana }); // 60 minutes before the start
    const items = await feed('customer', 'ana');
    // The reminder is drawn as Slack edits it at the cutoff: Join and Add to calendar stay, and why the others went.
    const edited = items.find((i) => i.id === reminder.id)!;
    expect(edited.text).toContain('it can no longer be cancelled or rescheduled');
    expect(edited.buttons.map((b) => b.label)).toEqual(['Join', 'Add to calendar']);
    // A Cancel pressed from the page as it was before: core refuses it with the cutoff.
    const refused = await c.api('POST', '/api/action', { ...ana, id: reminder.buttons.find((b) => b.label === 'Cancel')!.id });
    expect(refused.body.items[0].text).toBe('This session can no longer be cancelled here (it is confirmed; changes were possible until Wed 2 Dec, 08:55 Chicago).');
  });

  it('tells the page about new messages with server-sent events', async () => {
    const ac = new AbortController();
    const res = await fetch(`http://127.0.0.1:${c.console.port}/api/events`, { signal: ac.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    const next = async () => new TextDecoder().decode((await reader.read()).value);
    expect(await next()).toContain('event: changed');
    await c.api('POST', '/api/command', { pane: 'customer', user: 'bo', text: '/fees' });
    expect(await next()).toContain('event: changed');
    ac.abort();
  });

  it('answers bad requests with a 400 and the reason', async () => {
    expect((await c.api('POST', '/api/command', { pane: 'customer', user: 'zed', text: '/fees' })).status).toBe(400);
    expect((await c.api('POST', '/api/action', { ...ana, id: 'x'.repeat(101) })).status).toBe(400);
    expect((await c.api('POST', '/api/action', { ...ana, id: 'sk:explode' })).body.items[0].text).toBe('This button is no longer available. Please start again (for example with /book or /sessions).');
    expect((await c.api('POST', '/api/language', { ...ana, language: 'xx' })).status).toBe(400);
    expect((await c.api('GET', '/api/feed?pane=staff&user=mallory')).body.error).toContain('mallory');
  });

  it('keeps the simulated clock and the whole feed across a restart, whatever the real time then', async () => {
    const before = { clock: (await c.api('GET', '/api/state')).body.nowText, ana: await feed('customer', 'ana'), staff: await feed('staff', 'alice') };
    expect(before.clock).not.toBe('Mon 30 Nov, 09:00 New York'); // the story moved it
    await c.stop();
    // Restarted on another real day: the same database keeps its own time.
    c = await runConsole({ dir: c.dir, now: '2027-03-05T12:00:00Z' });
    const state = (await c.api('GET', '/api/state')).body;
    expect(state.nowText).toBe(before.clock);
    expect(state.startNote).toContain('resumed');
    expect(await feed('customer', 'ana')).toEqual(before.ana);
    expect(await feed('staff', 'alice')).toEqual(before.staff);
    expect(before.ana.length).toBeGreaterThan(4);
    // What happens next lands below what was there.
    await c.api('POST', '/api/command', { ...ana, text: '/sessions' });
    const after = await feed('customer', 'ana');
    expect(after.slice(0, before.ana.length)).toEqual(before.ana);
    expect(after.findIndex((i) => i.text === '/sessions')).toBe(before.ana.length);
  });
});

describe('a fresh console started on a Friday at 22:00', () => {
  let c: RunningConsole;
  const ana = { pane: 'customer', user: 'ana' };
  const cy = { pane: 'customer', user: 'cy' };
  const feed = async (pane: string, user: string): Promise<Item[]> => (await c.api('GET', `/api/feed?pane=${pane}&user=${user}`)).body.items;
  const standing = async (user: string): Promise<string> => (await c.api('GET', `/api/feed?pane=customer&user=${user}`)).body.standing;
  const skip = async (to: string, who = ana) => (await c.api('POST', '/api/skip', { to, ...who })).body;

  beforeAll(async () => {
    c = await runConsole({ now: '2026-11-28T03:00:00Z' }); // Fri 27 Nov, 22:00 New York
  });
  afterAll(async () => {
    await c.stop();
    c.remove();
  });

  it('starts at the coming working morning and says so; README\'s first command leads to a Confirm', async () => {
    const state = (await c.api('GET', '/api/state')).body;
    expect(state.nowText).toBe('Mon 30 Nov, 09:00 New York');
    expect(state.startNote).toBe('Simulated time starts at a working morning, Mon 30 Nov, 09:00 New York, so "/book tomorrow 3pm" finds staff at work whatever the real day.');
    const proposal = (await c.api('POST', '/api/command', { ...ana, text: '/book tomorrow 3pm' })).body.items as Item[];
    expect(proposal[0]!.buttons.map((b) => b.label)).toEqual(['Confirm']);
  });

  it('skips ahead through every scheduled job at its own time: reminder, cutoff notice, no-show close', async () => {
    const proposal = (await feed('customer', 'ana')).at(-1)!;
    const b = proposal.buttons.find((x) => x.label === 'Confirm')!;
    await c.api('POST', '/api/action', { ...ana, id: b.id, itemId: proposal.id });
    await skip('plus1d'); // Tue 08:00 Chicago: the 24 h reminder went out on the way
    const seen = (await feed('customer', 'ana')).length;
    for (let i = 0; i < 8; i++) await skip('plus60'); // to Tue 16:00 Chicago, across the 15:00 session
    const later = (await feed('customer', 'ana')).slice(seen).map((i) => `${i.atText} | ${i.text.split('\n')[0]}`);
    expect(later).toEqual([
      // the reminder as it reads after the cutoff (Slack edits it then)
      'Tue 1 Dec, 13:00 Chicago | 🔒 Online session (30 minutes) with Alice Moreno',
      'Tue 1 Dec, 15:10 Chicago | 🚪 Your online session on Tue 1 Dec, 15:00–15:30 Chicago was closed.',
    ]);
    // The strike is told once, in the close notice.
    expect((await feed('customer', 'ana')).filter((i) => i.text.includes('1 of 2'))).toHaveLength(1);
  });

  it('"to the next reminder" after the last reminder says what comes next: the start, then the close', async () => {
    const proposal = (await c.api('POST', '/api/command', { ...ana, text: '/book thursday 10am' })).body.items as Item[];
    const b = proposal[0]!.buttons.find((x) => x.label === 'Confirm')!;
    await c.api('POST', '/api/action', { ...ana, id: b.id, itemId: proposal[0]!.id });
    await skip('next_reminder'); // 24 h
    await skip('next_reminder'); // 2 h
    const atLast = await skip('next_reminder');
    expect(atLast.nowText).toBe('Thu 3 Dec, 09:00 New York'); // the clock stays
    expect(atLast.note).toMatch(/^No reminder is left before SK-\w+: next is its start, Thu 3 Dec, 10:00 Chicago \(skip "to the start"\)\.$/);
    await skip('start');
    expect((await skip('next_reminder')).note).toMatch(/^No reminder is left: SK-\w+ started Thu 3 Dec, 10:00 Chicago; if nobody from the company joins, it closes at Thu 3 Dec, 10:10 Chicago \(\+10 min\)\.$/);
  });

  it('the line under the customer pane follows the company\'s standing', async () => {
    expect(await standing('cy')).toBe('Cedar Pallets: free sessions suspended after 2 no-shows until staff record the $100 reinstatement; paid sessions only. Times in America/Los_Angeles.');
    expect(await standing('bo')).toBe('Birch Boxes: no plan, paid sessions approved by staff. Times in Europe/London.');
    // Acme Crating now has a no-show from the sessions above.
    expect(await standing('ana')).toMatch(/^Acme Crating: (maintenance plan, sessions are free, no-shows 1 of 2|free sessions suspended after 2 no-shows)/);
    await c.api('POST', '/api/command', { pane: 'staff', user: 'alice', text: '/sk-company reinstate Cedar Pallets' });
    expect(await standing('cy')).toBe('Cedar Pallets: maintenance plan, sessions are free. Times in America/Los_Angeles.');
    // Nothing is owed any more: the suspension message and the staff card lose the buttons that asked for the fee.
    const suspension = (await feed('customer', 'cy')).find((i) => i.text.includes('Cedar Pallets are'))!;
    expect(suspension.text).toContain('Free sessions for Cedar Pallets are reinstated.');
    expect(suspension.text).not.toContain('A payment of $100');
    expect(suspension.buttons).toEqual([]);
    const cards = (await feed('staff', 'alice')).filter((i) => i.text.includes('No-show closed') && i.text.includes('Cedar Pallets'));
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(card.buttons).toEqual([]);
    void cy;
  });
});
