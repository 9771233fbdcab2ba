import { describe, expect, it } from 'vitest';
import { parseCompanyCommand } from './parse-company-command.js';

describe('parseCompanyCommand', () => {
  it('create with and without a plan end (the date goes to core as written)', () => {
    expect(parseCompanyCommand('create Acme Crating')).toEqual({ kind: 'create', name: 'Acme Crating', planUntil: null });
    expect(parseCompanyCommand('create Acme Crating plan-until 2027-12-31')).toEqual({ kind: 'create', name: 'Acme Crating', planUntil: '2027-12-31' });
    expect(parseCompanyCommand('create Acme plan-until 31/12/2027')).toMatchObject({ kind: 'usage' });
    expect(parseCompanyCommand('create')).toMatchObject({ kind: 'usage' });
  });
  it('plan <name> <date|none>, rotate, reinstate', () => {
    expect(parseCompanyCommand('plan Acme Crating 2027-06-30')).toEqual({ kind: 'plan', name: 'Acme Crating', planUntil: '2027-06-30' });
    expect(parseCompanyCommand('plan Acme none')).toEqual({ kind: 'plan', name: 'Acme', planUntil: null });
    expect(parseCompanyCommand('plan Acme soon')).toMatchObject({ kind: 'usage' });
    expect(parseCompanyCommand('ROTATE  Acme  Crating')).toEqual({ kind: 'rotate', name: 'Acme Crating' });
    expect(parseCompanyCommand('reinstate Acme')).toEqual({ kind: 'reinstate', name: 'Acme' });
    expect(parseCompanyCommand('')).toMatchObject({ kind: 'usage' });
  });
});
