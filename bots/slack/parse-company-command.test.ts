import { describe, expect, it } from 'vitest';
import { parseCompanyCommand } from './parse-company-command.js';

const NY = 'America/New_York';

describe('parseCompanyCommand', () => {
  it('create with and without a plan end (inclusive day, vendor zone)', () => {
    expect(parseCompanyCommand('create Acme Crating', NY)).toEqual({ kind: 'create', name: 'Acme Crating', planUntil: null });
    expect(parseCompanyCommand('create Acme Crating plan-until 2027-12-31', NY)).toEqual({ kind: 'create', name: 'Acme Crating', planUntil: new Date('2028-01-01T05:00:00Z') });
    expect(parseCompanyCommand('create Acme plan-until 31/12/2027', NY)).toMatchObject({ kind: 'usage' });
    expect(parseCompanyCommand('create', NY)).toMatchObject({ kind: 'usage' });
  });
  it('plan <name> <date|none>, rotate, reinstate', () => {
    expect(parseCompanyCommand('plan Acme Crating 2027-06-30', NY)).toEqual({ kind: 'plan', name: 'Acme Crating', planUntil: new Date('2027-07-01T04:00:00Z') });
    expect(parseCompanyCommand('plan Acme none', NY)).toEqual({ kind: 'plan', name: 'Acme', planUntil: null });
    expect(parseCompanyCommand('plan Acme soon', NY)).toMatchObject({ kind: 'usage' });
    expect(parseCompanyCommand('ROTATE  Acme  Crating', NY)).toEqual({ kind: 'rotate', name: 'Acme Crating' });
    expect(parseCompanyCommand('reinstate Acme', NY)).toEqual({ kind: 'reinstate', name: 'Acme' });
    expect(parseCompanyCommand('', NY)).toMatchObject({ kind: 'usage' });
  });
});
