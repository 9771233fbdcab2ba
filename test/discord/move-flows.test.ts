/**
 * Reschedule on Discord reads the new time with core's understandMove: the booking's own time does
 * not count as taken (a move by half an hour), and a time someone else holds is answered with the
 * free times near it as buttons that move the booking there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyWithPlan } from '../support/core-harness.js';
import { decodeIntent } from '../../bots/shared/present/intents.js';
import { buttonIds, buttonLabels, EPHEMERAL_MESSAGE, newestBooking, OTHER, startSlotkeeper, type Slotkeeper } from './slotkeeper.js';

describe('Reschedule on Discord', () => {
  let s: Slotkeeper;
  beforeAll(async () => {
    s = await startSlotkeeper();
    await companyWithPlan(s.h);
    await s.command('support-code', { code: 'ACME-2026' });
  });
  afterAll(async () => s?.close());

  const book = async (when: string, user?: string, length?: number) => {
    const { call } = await s.command('book', { when, ...(length ? { length } : {}) }, user ? { user } : {});
    const labels = buttonLabels(call.body.data);
    await s.press(buttonIds(call.body.data)[labels.includes('Book at $75') ? labels.indexOf('Book at $75') : 0]!, { ...EPHEMERAL_MESSAGE, ...(user ? { user } : {}) });
    return newestBooking(s, user === 'other' ? OTHER : undefined);
  };

  it('a move by half an hour that overlaps the booking itself is a move, not "taken"', async () => {
    const b = await book('tomorrow at 3pm', undefined, 60);
    expect(b).toMatchObject({ status: 'confirmed', startsAt: new Date('2026-12-01T20:00:00Z') });
    const { call: modal } = await s.press(`sk:move:${b.id}`, { dm: true });
    expect(modal.body).toMatchObject({ type: 9, data: { custom_id: `sk:mvm:${b.id}`, title: 'Reschedule', components: [{ components: [{ custom_id: 'when', label: 'New time', placeholder: 'e.g. Thursday 10am' }] }] } });
    const { call } = await s.submit(`sk:mvm:${b.id}`, { when: 'tomorrow at 3:30pm' });
    expect(call.body.data.content).toMatch(/^Moved to <t:\d+:F>–<t:\d+:t> \(Tue 1 Dec, 15:30–16:30 New York\)\./);
    expect((await newestBooking(s)).startsAt).toEqual(new Date('2026-12-01T20:30:00Z'));
  });

  it('a time it cannot move to (outside working hours): the free times near it, as buttons that move the booking there', async () => {
    await book('Wednesday at 10am', 'other');
    const mine = await newestBooking(s);
    const { call } = await s.submit(`sk:mvm:${mine.id}`, { when: 'Saturday at 10am' });
    expect(call.body.data).toMatchObject({ flags: 64 });
    expect(call.body.data.content).toBe('Sat 5 Dec, 10:00 New York is not free.\nPick a time:');
    const ids = buttonIds(call.body.data);
    expect(ids.length).toBeGreaterThan(0);
    const first = decodeIntent(ids[0]);
    expect(first).toMatchObject({ do: 'move-to', bookingId: mine.id });
    expect(buttonLabels(call.body.data)[0]).toBe('Fri 4 Dec, 14:00 New York');
    expect((await newestBooking(s)).startsAt).toEqual(new Date('2026-12-01T20:30:00Z')); // nothing moved yet
    const { call: moved } = await s.press(ids[0]!, { dm: true, ...EPHEMERAL_MESSAGE });
    expect(moved.body.type).toBe(7);
    expect(moved.body.data.content).toMatch(/^Moved to <t:\d+:F>–<t:\d+:t> \(Fri 4 Dec, 14:00–15:00 New York\)\./);
    expect((await newestBooking(s)).startsAt?.toISOString()).toBe(first?.do === 'move-to' ? first.startsAt : '');
  });

  it('an old or forged Reschedule id is answered "no longer available"; a customer cannot move someone else\'s booking', async () => {
    const { call } = await s.press('sk:move-to:x:not-a-time', { dm: true });
    expect(call.body.data.content).toBe('This button is no longer available. Please start again (for example with /book or /sessions).');
    const theirs = await newestBooking(s, OTHER);
    const { call: notYours } = await s.submit(`sk:mvm:${theirs.id}`, { when: 'Thursday at 10am' });
    expect(notYours.body.data.content).toBe('That booking belongs to someone else.');
    expect((await newestBooking(s, OTHER)).startsAt).toEqual(theirs.startsAt);
  });
});
