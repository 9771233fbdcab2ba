import { describe, expect, it } from 'vitest';
import { parseCompanyCsv, splitCsvLine } from './parse-company-csv.js';

const NY = 'America/New_York';

describe('company CSV', () => {
  it('splits quoted fields with commas and "" escapes', () => {
    expect(splitCsvLine('"Crates, Inc.",2027-06-30,AB12')).toEqual(['Crates, Inc.', '2027-06-30', 'AB12']);
    expect(splitCsvLine('"The ""Best"" Crates",,')).toEqual(['The "Best" Crates', '', '']);
    expect(splitCsvLine('"open,2027-01-01')).toBeNull();
  });
  it('reads good rows: plan end as the first instant after the last day in the vendor zone, codes normalised', () => {
    const r = parseCompanyCsv('\uFEFFname,plan_end,code\r\nAcme,2027-06-30,ab12-cd34\r\n"Crates, Inc.",,\r\n\r\nNo Plan Co,,\r\n', NY);
    expect(r).toEqual({
      ok: true,
      rows: [
        { line: 2, name: 'Acme', planUntil: new Date('2027-07-01T04:00:00Z'), code: 'AB12CD34', contactEmail: null },
        { line: 3, name: 'Crates, Inc.', planUntil: null, code: null, contactEmail: null },
        { line: 5, name: 'No Plan Co', planUntil: null, code: null, contactEmail: null },
      ],
    });
  });
  it('accepts a header without the code column', () => {
    expect(parseCompanyCsv('name,plan_end\nAcme,2027-01-31', NY)).toMatchObject({ ok: true, rows: [{ line: 2, planUntil: new Date('2027-02-01T05:00:00Z') }] });
  });
  it('reads an optional contact_email column (where the company\'s mail goes) and refuses a bad address', () => {
    expect(parseCompanyCsv('name,plan_end,code,contact_email\nAcme,,,ops@acme.example\nBirch,,,', NY)).toMatchObject({
      ok: true,
      rows: [{ name: 'Acme', contactEmail: 'ops@acme.example' }, { name: 'Birch', contactEmail: null }],
    });
    expect(parseCompanyCsv('name,plan_end,code,contact_email\nAcme,,,not-an-address', NY)).toEqual({ ok: false, errors: [{ line: 2, message: 'contact_email "not-an-address" is not an email address' }] });
  });
  it('refuses a file without the header', () => {
    expect(parseCompanyCsv('Acme,2027-06-30,AB12', NY)).toEqual({ ok: false, errors: [{ line: 1, message: 'the first line must be the header "name,plan_end,code"' }] });
  });
  it('reports every bad row by its line number (blank lines counted) and returns no rows', () => {
    const csv = [
      'name,plan_end,code',
      'Good One,2027-06-30,GOOD1',
      ',2027-06-30,',
      'Bad Date,30/06/2027,',
      '',
      'Bad Code,,ab!',
      'good one,,',
      'Same Code,,good-1',
      'Too,Many,Fields,Here',
      '"Unclosed,,',
      'Impossible,2027-02-30,',
      `${'x'.repeat(121)},,`,
    ].join('\n');
    const r = parseCompanyCsv(csv, NY);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { line: 3, message: 'has no company name' },
      { line: 4, message: 'plan_end "30/06/2027" is not a date like 2027-06-30' },
      { line: 6, message: 'code must be 4-64 letters or digits' },
      { line: 7, message: 'repeats the company "good one" from line 2' },
      { line: 8, message: 'repeats the code from line 2' },
      { line: 9, message: 'has 4 fields; expected name,plan_end,code' },
      { line: 10, message: 'has an unclosed quote' },
      { line: 11, message: 'plan_end "2027-02-30" is not a date like 2027-06-30' },
      { line: 12, message: 'has a company name over 120 characters' },
    ]);
  });
});
