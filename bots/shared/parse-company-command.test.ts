import { describe, expect, it } from 'vitest';
import { parseCompanyCommand } from './parse-company-command.js';

describe('parseCompanyCommand', () => {
  it('create with and without a plan end (the date goes to core as written)', () => {
    expect(parseCompanyCommand('create Acme Crating')).toEqual({ kind: 'create', name: 'Acme Crating', planUntil: null });
    expect(parseCompanyCommand('create Acme Crating plan-until 2027-12-31')).toEqual({ kind: 'create', name: 'Acme Crating', planUntil: '2027-12-31' });
    expect(parseCompanyCommand('create Acme plan-until 31/12/2027')).toEqual({ kind: 'usage', problem: { problem: 'plan_until' } });
    expect(parseCompanyCommand('create')).toEqual({ kind: 'usage', problem: { problem: 'create_name' } });
  });
  it('plan <name> <date|none>, rotate, reinstate', () => {
    expect(parseCompanyCommand('plan Acme Crating 2027-06-30')).toEqual({ kind: 'plan', name: 'Acme Crating', planUntil: '2027-06-30' });
    expect(parseCompanyCommand('plan Acme none')).toEqual({ kind: 'plan', name: 'Acme', planUntil: null });
    expect(parseCompanyCommand('plan Acme soon')).toEqual({ kind: 'usage', problem: { problem: 'plan_date' } });
    expect(parseCompanyCommand('plan Acme')).toEqual({ kind: 'usage', problem: { problem: 'plan_args' } });
    expect(parseCompanyCommand('ROTATE  Acme  Crating')).toEqual({ kind: 'rotate', name: 'Acme Crating' });
    expect(parseCompanyCommand('reinstate Acme')).toEqual({ kind: 'reinstate', name: 'Acme' });
    expect(parseCompanyCommand('')).toEqual({ kind: 'usage', problem: { problem: 'no_action' } });
    expect(parseCompanyCommand('rotate')).toEqual({ kind: 'usage', problem: { problem: 'name' } });
    expect(parseCompanyCommand('frobnicate Acme')).toEqual({ kind: 'usage', problem: { problem: 'unknown_action', typed: 'frobnicate' } });
  });
  it('members and unlink <person> <name>', () => {
    expect(parseCompanyCommand('members Acme Crating')).toEqual({ kind: 'members', name: 'Acme Crating' });
    expect(parseCompanyCommand('unlink U123 Acme Crating')).toEqual({ kind: 'unlink', person: 'U123', name: 'Acme Crating' });
    expect(parseCompanyCommand('unlink U123')).toEqual({ kind: 'usage', problem: { problem: 'unlink_args' } });
  });
  it('the console also reads `add` and a trailing `code CODE` for create; Slack does not', () => {
    expect(parseCompanyCommand('create Birch Boxes plan-until 2027-12-31 code BIRCH-2026', { withCode: true })).toEqual({ kind: 'create', name: 'Birch Boxes', planUntil: '2027-12-31', code: 'BIRCH-2026' });
    expect(parseCompanyCommand('add Birch Boxes code BIRCH-2026', { withCode: true })).toEqual({ kind: 'create', name: 'Birch Boxes', planUntil: null, code: 'BIRCH-2026' });
    expect(parseCompanyCommand('create Code Red', { withCode: true })).toEqual({ kind: 'create', name: 'Code Red', planUntil: null });
    expect(parseCompanyCommand('create Birch Boxes code BIRCH-2026')).toEqual({ kind: 'create', name: 'Birch Boxes code BIRCH-2026', planUntil: null });
    expect(parseCompanyCommand('add Birch Boxes')).toEqual({ kind: 'usage', problem: { problem: 'unknown_action', typed: 'add' } });
  });
});
