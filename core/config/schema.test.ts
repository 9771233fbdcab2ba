import { describe, expect, it } from 'vitest';
import { exampleConfig } from '../../test/support/config.js';
import { parseConfig } from './schema.js';
import { configPath, loadConfigFile } from '../../bots/shared/config-file.js';

function raw(): Record<string, any> {
  return structuredClone(exampleConfig()) as unknown as Record<string, any>;
}

describe('config schema', () => {
  it('accepts the shipped example with the policy numbers from the policy text', () => {
    const c = exampleConfig();
    expect(c.policy).toMatchObject({ cancelCutoffMinutes: 65, noShowCloseMinutes: 10, reminderMinutesBefore: [1440, 120], strikesToSuspend: 2, reinstatementFee: 100, codeAttemptsPerHour: 5 });
  });
  it('fills policy defaults when the section is missing', () => {
    const r = raw();
    delete r.policy;
    const p = parseConfig(r);
    expect(p.ok && p.config.policy).toMatchObject({ cancelCutoffMinutes: 65, noShowCloseMinutes: 10, strikesToSuspend: 2, approval: 'paid_only' });
  });
  it('lists every problem with its path, never throwing', () => {
    const r = raw();
    r.vendor.zone = 'Mars/Olympus';
    r.staff[0].hours.mon = '09:00-09:00';
    r.staff[1].hours.tue = '9-17';
    r.staff[1].id = 'alice';
    r.fees.standard.online = { '30': 75 };
    r.policy.approval = 'sometimes';
    const p = parseConfig(r);
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.problems).toEqual(expect.arrayContaining([
      'vendor.zone: is not an IANA time zone (e.g. "Europe/Berlin") (got "Mars/Olympus")',
      'staff[0].hours.mon: "09:00-09:00" is empty (a night shift reads "22:00-06:00")',
      expect.stringMatching(/^staff\[1\]\.hours\.tue: /),
      expect.stringMatching(/^policy\.approval: /),
    ]));
    const again = parseConfig({ ...raw(), staff: [raw().staff[0], { ...raw().staff[1], id: 'alice' }] });
    expect(!again.ok && again.problems).toContain('staff[1].id: "alice" is used twice');
    const noFee = raw();
    noFee.fees.standard.online = { '30': 75 };
    expect(parseConfig(noFee)).toEqual({ ok: false, problems: ['fees.standard.online.60: has no price for the 60-minute online session'] });
  });
  it('reads a range that ends before it starts as a night shift, and warns when one is longer than 12 hours', async () => {
    const { configWarnings } = await import('./schema.js');
    const r = raw();
    r.staff[0].hours.sat = '22:00-06:00';
    r.staff[0].hours.sun = ['08:00-12:00', '17:00-09:00'];
    const p = parseConfig(r);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(configWarnings(p.config)).toEqual(['staff[0].hours.sun: "17:00-09:00" runs past midnight into the next day (16 hours); a day range reads "09:00-17:00"']);
    for (const bad of ['24:00-06:00', '09:00-24:30']) {
      const b = raw();
      b.staff[0].hours.sat = bad;
      expect(parseConfig(b)).toEqual({ ok: false, problems: [`staff[0].hours.sat: "${bad}" is not a time range like "09:00-17:00"`] });
    }
  });
  it('requires a meeting room per staff member in per_staff mode', () => {
    const r = raw();
    r.conference.online = { mode: 'per_staff' };
    delete r.staff[1].meetingRoom;
    expect(parseConfig(r)).toEqual({ ok: false, problems: ['staff[1].meetingRoom: is required when conference.online.mode is per_staff'] });
  });
  it('reports an unreadable or invalid YAML file as a problem line', () => {
    expect(loadConfigFile('/nonexistent/slotkeeper.yml')).toEqual({ ok: false, problems: ['/nonexistent/slotkeeper.yml: cannot be read (ENOENT)'] });
  });
  it('takes SLOTKEEPER_CONFIG first', () => {
    expect(configPath({ SLOTKEEPER_CONFIG: '/etc/sk.yml' })).toBe('/etc/sk.yml');
  });
});

describe('config defaults for whole sections', () => {
  it('fills the sweeper interval when the section is missing', () => {
    const r = raw();
    delete r.sweeper;
    const p = parseConfig(r);
    expect(p.ok && p.config.sweeper).toEqual({ intervalSeconds: 15 });
  });
});
