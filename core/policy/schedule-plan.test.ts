import { describe, expect, it } from 'vitest';
import { exampleConfig } from '../../test/support/config.js';
import { plannedJobs, plannedReminders, reminderLead, reminderStillUseful, reminderSuperseded } from './schedule-plan.js';

const policy = exampleConfig().policy;
const start = new Date('2026-12-01T20:00:00Z');
const H = 3600_000;
const before = (ms: number) => new Date(start.getTime() - ms);

describe('what a confirmed booking plans', () => {
  it('plans the 24 h and 2 h reminders when booked more than 24 h ahead, longest first', () => {
    const r = plannedReminders(start, before(24 * H + 1000), [120, 1440]);
    expect(r.map((x) => [x.minutesBefore, x.dueAt.toISOString()])).toEqual([
      [1440, '2026-11-30T20:00:00.000Z'],
      [120, '2026-12-01T18:00:00.000Z'],
    ]);
  });
  it('plans no 24 h reminder for a booking made less than 24 h ahead (nor exactly 24 h ahead)', () => {
    expect(plannedReminders(start, before(24 * H - 60_000), [1440, 120]).map((x) => x.minutesBefore)).toEqual([120]);
    expect(plannedReminders(start, before(24 * H), [1440, 120]).map((x) => x.minutesBefore)).toEqual([120]);
  });
  it('plans no reminder at all for a booking made 90 minutes ahead', () => {
    expect(plannedReminders(start, before(90 * 60_000), [1440, 120])).toEqual([]);
  });
  it('plans the end of the change window one second after the cutoff, and the no-show check 10 min after the start', () => {
    expect(plannedJobs(start, before(3 * H), policy).map((j) => [j.type, j.dueAt.toISOString()])).toEqual([
      ['cutoff_passed', '2026-12-01T18:55:01.000Z'],
      ['no_show_check', '2026-12-01T20:10:00.000Z'],
    ]);
  });
  it('booked exactly at the cutoff (65 minutes ahead, still changeable then): the end of the change window follows one second later', () => {
    const now = before(65 * 60_000);
    expect(plannedJobs(start, now, policy).map((j) => [j.type, j.dueAt.toISOString()])).toEqual([
      ['cutoff_passed', '2026-12-01T18:55:01.000Z'],
      ['no_show_check', '2026-12-01T20:10:00.000Z'],
    ]);
  });
  it('plans no end of the change window when it has already closed and nothing earlier offered changes (squeeze-in 30 min ahead)', () => {
    const now = before(30 * 60_000);
    expect(plannedJobs(start, now, policy).map((j) => [j.type, j.dueAt])).toEqual([['no_show_check', new Date(start.getTime() + 10 * 60_000)]]);
  });
  it('ends the change window at once when it has already closed and an earlier message offered Cancel (approved late)', () => {
    const now = before(30 * 60_000);
    expect(plannedJobs(start, now, policy, { earlierChangeButtons: true }).map((j) => [j.type, j.dueAt])).toEqual([
      ['cutoff_passed', now],
      ['no_show_check', new Date(start.getTime() + 10 * 60_000)],
    ]);
  });
  it('sends a late reminder only while the session is still ahead', () => {
    expect(reminderStillUseful(start, new Date(start.getTime() - 1000))).toBe(true);
    expect(reminderStillUseful(start, start)).toBe(false);
    expect(reminderStillUseful(start, new Date(start.getTime() + 1000))).toBe(false);
  });
  it('drops a late reminder once a later one is due too, and a late one tells the time really left', () => {
    const M = 60_000;
    expect(reminderSuperseded(start, before(121 * M), 1440, [1440, 120])).toBe(false);
    expect(reminderSuperseded(start, before(120 * M), 1440, [1440, 120])).toBe(true);
    expect(reminderSuperseded(start, before(60 * M), 120, [1440, 120])).toBe(false);
    expect(reminderLead(start, before(24 * H - 4 * M), 1440)).toBe(1440); // a few minutes late: as planned
    expect(reminderLead(start, before(20 * H + 20 * M), 1440)).toBe(20 * 60); // whole hours from 90 minutes up
    expect(reminderLead(start, before(64 * M), 120)).toBe(65);
    expect(reminderLead(start, before(7 * M), 120)).toBe(7);
    expect(reminderLead(start, before(10 * 1000), 120)).toBe(1);
  });
});
