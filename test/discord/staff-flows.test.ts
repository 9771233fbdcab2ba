/** Staff cards, buttons and commands: core decides who is staff (the staff role here) and audits refusals. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonIds, buttonLabels, CUSTOMER, EPHEMERAL_MESSAGE, OTHER, STAFF, STAFFER, startSlotkeeper, type Slotkeeper } from './slotkeeper.js';
import { companyWithPlan } from '../support/core-harness.js';

describe('staff on Discord', () => {
  let s: Slotkeeper;
  const booking = (id: string) => s.db.store.transaction((tx) => tx.bookings.get(id));
  const staffPosts = () => s.fake.callsTo('POST', `/channels/${STAFF}/messages`);
  const member = (userId: string) => s.db.store.transaction((tx) => tx.members.find('discord', userId));

  /** OTHER (not linked) books at the standard fee: a paid session waits for approval. */
  async function pendingBooking(when: string): Promise<{ id: string; card: { id: string; body: any } }> {
    const { call } = await s.command('book', { when }, { user: 'other' });
    const pay = buttonIds(call.body.data)[buttonLabels(call.body.data).indexOf('Book at $75')]!;
    await s.press(pay, { user: 'other', ...EPHEMERAL_MESSAGE });
    const before = staffPosts().length;
    await s.sweep();
    const card = staffPosts().slice(before).find((c) => c.body.content.startsWith('📝 **A booking needs approval**'))!;
    const id = buttonIds(card.body)[0]!.split(':')[2]!;
    return { id, card: { id: 'x', body: card.body } };
  }

  beforeAll(async () => {
    s = await startSlotkeeper();
    await companyWithPlan(s.h);
  });
  afterAll(async () => s?.close());

  it('an approval card reaches the staff channel with Approve / Decline', async () => {
    const { id, card } = await pendingBooking('Thursday at 10am');
    expect(card.body.content).toMatch(/^📝 \*\*A booking needs approval\*\*\nother \(no company linked\)\n\*\*Online session \(30 minutes\) with Alice Moreno\*\*\n\*\*When:\*\* <t:\d+:F>–<t:\d+:t> \(Thu 3 Dec, 10:00–10:30 New York\)\n/);
    expect(card.body.content).toMatch(/\n-# Booking SK-[A-Z0-9]+$/);
    expect(card.body.content).toContain('**Price:** $75. Paid sessions are not refundable.');
    expect(buttonIds(card.body)).toEqual([`sk:approve:${id}:0`, `sk:decline:${id}:0`]);
    expect(card.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('a customer pressing Approve is refused privately; nothing changes and the attempt is audited', async () => {
    const { id } = await pendingBooking('Thursday at 11am');
    const { call } = await s.press(`sk:approve:${id}`, { user: 'customer', channel: 'staff' });
    expect(call.body).toMatchObject({ type: 4, data: { content: 'Sorry, only our support staff can do that.', flags: 64 } });
    expect((await booking(id))?.status).toBe('pending_approval');
    const m = await member(CUSTOMER);
    const audit = await s.db.store.transaction((tx) => tx.audit.history('member', m!.id));
    expect(audit.map((e) => [e.action, e.details])).toEqual([['refused_staff_action', { action: 'approve', target: id }]]);
    // Decline (opens a modal) is refused before the modal
    const { call: decline } = await s.press(`sk:decline:${id}`, { user: 'customer', channel: 'staff' });
    expect(decline.body).toMatchObject({ type: 4, data: { content: 'Sorry, only our support staff can do that.', flags: 64 } });
  });

  it('staff Approve edits the card to say who approved; a second press says it is already decided', async () => {
    const { id } = await pendingBooking('Thursday at 2pm');
    const { call } = await s.press(`sk:approve:${id}`, { user: 'staffer', channel: 'staff' });
    expect(call.body.type).toBe(7);
    expect(call.body.data.content).toMatch(/^other \(no company linked\)\n\*\*Online session \(30 minutes\) with [A-Za-z ]+\*\*\n\*\*When:\*\* <t:\d+:F>–<t:\d+:t> \(Thu 3 Dec, 14:00–14:30 New York\)\n\*\*Price:\*\* \$75\. Paid sessions are not refundable\.\n-# Approved by staffer at <t:\d+:F> \(Mon 30 Nov, 09:00 New York\)\.\n-# Booking SK-[A-Z0-9]+$/);
    expect(call.body.data.components).toEqual([]);
    expect((await booking(id))?.status).toBe('confirmed');
    const { call: again } = await s.press(`sk:approve:${id}`, { user: 'staffer', channel: 'staff' });
    expect(again.body.data).toMatchObject({ flags: 64 });
    expect(again.body.data.content).toMatch(/^Already decided by staffer at <t:\d+:F> \(Mon 30 Nov, 09:00 New York\) \(now confirmed\)\.$/);
    await s.sweep();
    const dm = s.fake.calls.find((c) => c.method === 'POST' && c.body?.content?.startsWith('✅ **Your session was approved and is booked.**'));
    expect(dm).toBeDefined();
    expect(buttonLabels(dm!.body)).toEqual(['Join', 'Reschedule', 'Cancel', 'Add to calendar', 'Manage booking']);
    expect(dm!.body.components[0].components[0]).toMatchObject({ style: 5, url: expect.stringMatching(/^http:\/\/localhost:3000\/j\//) });
  });

  it('Approve on a card of a request moved since approves nothing; the newer card approves it at its new time', async () => {
    const { id, card } = await pendingBooking('Friday at 11am');
    expect(card.body.content).toContain('(Fri 4 Dec, 11:00–11:30 New York)');
    const { call: moved } = await s.press(`sk:move:${id}`, { user: 'other', dm: true });
    expect(moved.body.type).toBe(9);
    const before = staffPosts().length;
    const { call: done } = await s.submit(`sk:mvm:${id}`, { when: 'Friday at 2pm' }, { user: 'other' });
    expect(done.body.data.content).toMatch(/^Moved to /);
    await s.sweep();
    const newer = staffPosts().slice(before).find((c) => c.body.content.startsWith('📝 **A booking needs approval**'))!;
    expect(newer.body.content).toContain('(Fri 4 Dec, 14:00–14:30 New York)');

    const { call: stale } = await s.press(buttonIds(card.body)[0]!, { user: 'staffer', channel: 'staff' });
    expect(stale.body.data).toMatchObject({ content: 'This button is no longer available. Please start again (for example with /book or /sessions).', flags: 64 });
    expect(await booking(id)).toMatchObject({ status: 'pending_approval', startsAt: new Date('2026-12-04T19:00:00Z') });

    const { call } = await s.press(buttonIds(newer.body)[0]!, { user: 'staffer', channel: 'staff' });
    expect(call.body.type).toBe(7);
    expect(call.body.data.content).toContain('(Fri 4 Dec, 14:00–14:30 New York)');
    expect(await booking(id)).toMatchObject({ status: 'confirmed', startsAt: new Date('2026-12-04T19:00:00Z') });
  });

  it('Decline on a card of a request moved while the reason was typed declines nothing; the newer card declines it at its new time', async () => {
    const { id, card } = await pendingBooking('Tuesday at 9am');
    expect(card.body.content).toContain('(Tue 1 Dec, 09:00–09:30 New York)');
    const { call: modal } = await s.press(buttonIds(card.body)[1]!, { user: 'staffer', channel: 'staff' });
    // The modal carries the sequence the card showed on to the submit.
    expect(modal.body).toMatchObject({ type: 9, data: { custom_id: `sk:dcm:${id}:0`, title: 'Decline' } });
    const { call: moved } = await s.press(`sk:move:${id}`, { user: 'other', dm: true });
    expect(moved.body.type).toBe(9);
    const before = staffPosts().length;
    const { call: done } = await s.submit(`sk:mvm:${id}`, { when: 'Tuesday at 2pm' }, { user: 'other' });
    expect(done.body.data.content).toMatch(/^Moved to /);
    await s.sweep();
    const newer = staffPosts().slice(before).find((c) => c.body.content.startsWith('📝 **A booking needs approval**'))!;
    expect(newer.body.content).toContain('(Tue 1 Dec, 14:00–14:30 New York)');
    const sentBefore = s.fake.calls.length;

    const { call: stale } = await s.submit(modal.body.data.custom_id, { reason: 'Fully booked that morning' }, { user: 'staffer', channel: 'staff', message: {} });
    expect(stale.body.data).toMatchObject({ content: 'This button is no longer available. Please start again (for example with /book or /sessions).', flags: 64 });
    expect(await booking(id)).toMatchObject({ status: 'pending_approval', startsAt: new Date('2026-12-01T19:00:00Z') });
    await s.sweep();
    expect(s.fake.calls.slice(sentBefore).some((c) => c.method === 'POST' && c.body?.content?.startsWith('❌ **Your request'))).toBe(false);

    const { call: again } = await s.press(buttonIds(newer.body)[1]!, { user: 'staffer', channel: 'staff' });
    const { call } = await s.submit(again.body.data.custom_id, { reason: 'Fully booked that afternoon' }, { user: 'staffer', channel: 'staff', message: {} });
    expect(call.body.type).toBe(7);
    expect(call.body.data.content).toContain('(Tue 1 Dec, 14:00–14:30 New York)');
    expect(call.body.data.content).toContain('Reason: Fully booked that afternoon');
    expect(await booking(id)).toMatchObject({ status: 'declined', startsAt: new Date('2026-12-01T19:00:00Z') });
  });

  it('a customer withdrawing a paid request: the approval card in the staff channel loses Approve / Decline and says so', async () => {
    const { id } = await pendingBooking('Friday at 3pm');
    const stored = (await s.db.store.transaction((tx) => tx.outbox.delivered(id))).find((d) => d.type === 'staff_approval_request')!;
    const ref = JSON.parse(stored.deliveryRef) as { channelId: string; messageId: string };
    expect(ref.channelId).toBe(STAFF);
    const { call } = await s.press(`sk:cancel-yes:${id}`, { user: 'other', dm: true });
    expect(call.body.data.content).toMatch(/^Cancelled: Online session <t:\d+:F>–<t:\d+:t> \(Fri 4 Dec, 15:00–15:30 New York\)\. Paid sessions are not refunded\./);
    expect((await booking(id))?.status).toBe('cancelled');
    await s.sweep();
    const edits = s.fake.callsTo('PATCH', `/channels/${STAFF}/messages/${ref.messageId}`);
    expect(edits).toHaveLength(1);
    expect(edits[0]!.body.components).toEqual([]);
    expect(edits[0]!.body.content).toMatch(/^other \(no company linked\)\n\*\*Online session \(30 minutes\) with [A-Za-z ]+\*\*\n\*\*When:\*\* <t:\d+:F>–<t:\d+:t> \(Fri 4 Dec, 15:00–15:30 New York\)\n/);
    expect(edits[0]!.body.content).toMatch(/\n-# Withdrawn by the customer at <t:\d+:F> \(Mon 30 Nov, 09:00 New York\)\.\n-# Booking SK-[A-Z0-9]+$/);
    // and the note itself is posted as before
    expect(staffPosts().some((c) => c.body.content.startsWith('🗑️ **Cancelled by the customer: other (no company linked), online session <t:'))).toBe(true);
  });

  it('Decline opens a modal for the reason; submitting it edits the card (an id from before the sequence was carried: unchecked)', async () => {
    const { id } = await pendingBooking('Friday at 10am');
    const { call: modal } = await s.press(`sk:decline:${id}`, { user: 'staffer', channel: 'staff' });
    expect(modal.body).toMatchObject({ type: 9, data: { custom_id: `sk:dcm:${id}`, title: 'Decline' } });
    const { call } = await s.submit(`sk:dcm:${id}`, { reason: 'Fully booked that morning' }, { user: 'staffer', channel: 'staff', message: {} });
    expect(call.body.type).toBe(7);
    expect(call.body.data.content).toMatch(/\n-# Declined by staffer at <t:\d+:F> \(Mon 30 Nov, 09:00 New York\)\. Reason: Fully booked that morning\n-# Booking SK-[A-Z0-9]+$/);
    expect(call.body.data.components).toEqual([]);
    expect((await booking(id))?.status).toBe('declined');
    await s.sweep();
    expect(s.fake.calls.some((c) => c.method === 'POST' && c.body?.content?.startsWith('❌ **Your request') && c.body.content.includes('Reason: Fully booked that morning'))).toBe(true);
  });

  it('an emergency card offers one button per squeeze-in option; pressing one schedules it and the customer is told', async () => {
    await s.command('support-code', { code: 'ACME-2026' });
    const { call } = await s.command('emergency', { what: 'Nothing prints' });
    expect(call.body.data.content).toMatch(/^Your emergency request is with our staff\./);
    const before = staffPosts().length;
    await s.sweep();
    const card = staffPosts().slice(before).find((c) => c.body.content.startsWith('🚨 **Emergency request (urgency: '))!;
    expect(card.body.content).toContain('> Nothing prints');
    const ids = buttonIds(card.body);
    expect(ids.at(-1)).toMatch(/^sk:decline:/);
    expect(buttonLabels(card.body)).toEqual(['Alice Moreno: Mon 30 Nov, 09:05–09:35 New York', 'Ben Okafor: Mon 30 Nov, 09:05–09:35 New York', 'Decline']);
    const squeeze = ids.find((x) => x.startsWith('sk:squeeze:'))!;
    expect(squeeze).toMatch(/^sk:squeeze:[^:]+:(alice|ben)%7C2026-11-30T14%3A05Z$/);
    const { call: done } = await s.press(squeeze, { user: 'staffer', channel: 'staff' });
    // the card now says who scheduled it and when, without the squeeze-in buttons
    expect(done.body.data.content).toMatch(/^customer \(Acme Crating\)\n\*\*Online session \(30 minutes\) with (Alice Moreno|Ben Okafor)\*\*\n[^]*\n> Nothing prints\n-# Scheduled by staffer at <t:\d+:F> \(Mon 30 Nov, 09:00 New York\)\.\n-# Booking SK-[A-Z0-9]+$/);
    expect(done.body.data.components).toEqual([]);
    const id = squeeze.split(':')[2]!;
    expect((await booking(id))?.status).toBe('confirmed');
    await s.sweep();
    expect(s.fake.calls.some((c) => c.method === 'POST' && c.body?.content?.startsWith('🚨 **Your emergency session is scheduled. Connect online or by phone at this time:**'))).toBe(true);
  });

  it('/today shows the day with Joined / Cancel / History; each works', async () => {
    s.h.clock.set('2026-12-03T14:00:00Z'); // Thursday 09:00 New York
    const { call } = await s.command('today', {}, { user: 'staffer', channel: 'staff' });
    expect(call.body.data.flags).toBe(64);
    expect(call.body.data.content).toMatch(/^\*\*Today, Thu 3 Dec\*\*\n-# staffer · times in New York\n<t:\d+:F>–<t:\d+:t> \(Thu 3 Dec, \d\d:\d\d–\d\d:\d\d New York\) Online session with /);
    // each session line writes the wall time in the day's zone next to the markup
    const rows = (call.body.data.content as string).split('\n').filter((l) => l.startsWith('<t:'));
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.every((l) => /^<t:(\d+):F>–<t:\d+:t> \(Thu 3 Dec, (\d\d:\d\d)–\d\d:\d\d New York\) /.test(l))).toBe(true);
    const ids = buttonIds(call.body.data);
    const joined = ids.find((x) => x.startsWith('sk:joined:') && x.endsWith(':online'))!;
    const bid = joined.split(':')[2]!;
    const seq = (await booking(bid))!.sequence;
    expect(ids.slice(0, 4)).toEqual([`sk:joined:${bid}:online`, `sk:joined:${bid}:phone`, `sk:staff-cancel:${bid}:${seq}`, `sk:history:${bid}`]);

    // "customer joined" counts from 30 minutes before the start, like the join link
    s.h.clock.set(new Date((await booking(bid))!.startsAt!.getTime() - 30 * 60_000));
    const { call: j } = await s.press(joined, { user: 'staffer', channel: 'staff' });
    expect(j.body.data).toMatchObject({ content: expect.stringMatching(/^Marked as joined: Online session <t:\d+:F>–<t:\d+:t> \(Thu 3 Dec, \d\d:\d\d–\d\d:\d\d New York\) \(by staffer\)\. It will not be closed as a no-show\.$/), flags: 64 });
    const { call: h } = await s.press(`sk:history:${bid}`, { user: 'staffer', channel: 'staff' });
    expect(h.body.data.content).toMatch(/^\*\*Online session <t:\d+:F>–<t:\d+:t> \(Thu 3 Dec, 14:00–14:30 New York\): other \(no company linked\)\*\*\n• <t:\d+:F> \(Mon 30 Nov, 09:00 New York\): requested \(member\)\n/);
    // staff who act through the staff role are mentioned
    expect(h.body.data.content).toContain(': approved (<@555555555555555502>)');

    const { call: modal } = await s.press(`sk:staff-cancel:${bid}:${seq}`, { user: 'staffer', channel: 'staff' });
    expect(modal.body).toMatchObject({ type: 9, data: { custom_id: `sk:scxm:${bid}:${seq}`, title: 'Cancel session', components: [{ components: [{ custom_id: 'reason', label: 'Reason (the customer sees it)' }] }] } });
    // a customer submitting the staff-cancel modal anyway (a forged interaction) is refused by core: nothing changes
    const { call: forged } = await s.submit(`sk:scxm:${bid}:${seq}`, { reason: 'mine now' }, { user: 'customer', channel: 'staff' });
    expect(forged.body.data).toMatchObject({ content: 'Sorry, only our support staff can do that.', flags: 64 });
    expect((await booking(bid))?.status).toBe('confirmed');
    const { call: cancelled } = await s.submit(`sk:scxm:${bid}:${seq}`, { reason: 'Staff illness' }, { user: 'staffer', channel: 'staff' });
    expect(cancelled.body.data).toMatchObject({ content: expect.stringMatching(/^Cancelled: Online session <t:\d+:F>–<t:\d+:t> \(Thu 3 Dec, [^)]*\)\. Paid sessions are not refunded\./), flags: 64 });
    expect((await booking(bid))?.status).toBe('cancelled');

    const { call: refused } = await s.command('today', {}, { user: 'customer' });
    expect(refused.body.data).toMatchObject({ content: 'Sorry, only our support staff can do that.', flags: 64 });
    const { call: refusedHistory } = await s.press(`sk:history:${bid}`, { user: 'other' });
    expect(refusedHistory.body.data).toMatchObject({ content: 'Sorry, only our support staff can do that.', flags: 64 });
  });

  it('/sk-company create / plan / rotate / reinstate for staff; refused for customers', async () => {
    const { call } = await s.command('sk-company', { name: 'Birch Boxes', plan_until: '2027-12-31', code: 'BIRCH-77' }, { user: 'staffer', subcommand: 'create' });
    expect(call.body.data.content).toBe('Created Birch Boxes: plan active through 31 Dec 2027; maintenance code `BIRCH77`.');
    const { call: plan } = await s.command('sk-company', { name: 'birch boxes', until: 'none' }, { user: 'staffer', subcommand: 'plan' });
    expect(plan.body.data.content).toBe('Plan updated for Birch Boxes: no active plan; maintenance code `BIRCH77`.');
    const { call: rotate } = await s.command('sk-company', { name: 'Birch Boxes' }, { user: 'staffer', subcommand: 'rotate' });
    expect(rotate.body.data.content).toMatch(/^New code for Birch Boxes: no active plan; maintenance code `[A-Z0-9-]+` \(the old code no longer works\)\.$/);
    expect(rotate.body.data.content).not.toContain('`BIRCH77`');
    const { call: reinstate } = await s.command('sk-company', { name: 'Nobody Ltd' }, { user: 'staffer', subcommand: 'reinstate' });
    expect(reinstate.body.data.content).toBe('No company is called "Nobody Ltd".');
    const { call: refused } = await s.command('sk-company', { name: 'Evil Corp' }, { user: 'other', subcommand: 'create' });
    expect(refused.body.data).toMatchObject({ content: 'Sorry, only our support staff can do that.', flags: 64 });
    expect(await s.db.store.transaction((tx) => tx.companies.findByName('Evil Corp'))).toBeNull();
    expect(STAFFER).toBeDefined();
    expect(OTHER).toBeDefined();
  });

  it('Cancel from /today on a session moved while the reason was typed cancels nothing, tells nobody; pressed again from a fresh /today it cancels the session at its new time', async () => {
    const { id, card } = await pendingBooking('Monday at 11am');
    await s.press(buttonIds(card.body)[0]!, { user: 'staffer', channel: 'staff' });
    expect((await booking(id))?.status).toBe('confirmed');
    s.h.clock.set('2026-12-07T13:00:00Z'); // Monday 08:00 New York
    const { call: today } = await s.command('today', {}, { user: 'staffer', channel: 'staff' });
    const cancelId = buttonIds(today.body.data).find((x) => x.startsWith(`sk:staff-cancel:${id}:`))!;
    expect(cancelId).toBe(`sk:staff-cancel:${id}:${(await booking(id))!.sequence}`);
    const { call: modal } = await s.press(cancelId, { user: 'staffer', channel: 'staff' });
    expect(modal.body.data.custom_id).toBe(`sk:scxm:${id}:${(await booking(id))!.sequence}`);
    await s.press(`sk:move:${id}`, { user: 'other', dm: true });
    const { call: done } = await s.submit(`sk:mvm:${id}`, { when: 'Monday at 3pm' }, { user: 'other' });
    expect(done.body.data.content).toMatch(/^Moved to /);
    await s.sweep();
    const sentBefore = s.fake.calls.length;

    const { call: stale } = await s.submit(modal.body.data.custom_id, { reason: 'Staff illness' }, { user: 'staffer', channel: 'staff' });
    expect(stale.body.data).toMatchObject({ content: 'This button is no longer available. Please start again (for example with /book or /sessions).', flags: 64 });
    expect(await booking(id)).toMatchObject({ status: 'confirmed', startsAt: new Date('2026-12-07T20:00:00Z') });
    await s.sweep();
    expect(s.fake.calls.slice(sentBefore).filter((c) => c.method === 'POST' && /Cancel/.test(c.body?.content ?? ''))).toEqual([]);

    const { call: fresh } = await s.command('today', {}, { user: 'staffer', channel: 'staff' });
    expect(fresh.body.data.content).toContain('(Mon 7 Dec, 15:00–15:30 New York)');
    const { call: again } = await s.press(buttonIds(fresh.body.data).find((x) => x.startsWith(`sk:staff-cancel:${id}:`))!, { user: 'staffer', channel: 'staff' });
    const { call: cancelled } = await s.submit(again.body.data.custom_id, { reason: 'Staff illness' }, { user: 'staffer', channel: 'staff' });
    expect(cancelled.body.data.content).toMatch(/^Cancelled: Online session <t:\d+:F>–<t:\d+:t> \(Mon 7 Dec, 15:00–15:30 New York\)\./);
    expect(await booking(id)).toMatchObject({ status: 'cancelled', startsAt: new Date('2026-12-07T20:00:00Z') });
  });
});
