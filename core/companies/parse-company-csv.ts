/**
 * Parses a company import file: a header line `name,plan_end,code` (plan_end: YYYY-MM-DD or empty for
 * no plan; code optional: generated when empty; an optional fourth column `contact_email`: where the
 * company's mail goes for members without an address of their own), then one company per line. Quoted fields with
 * commas and "" escapes are understood. Every bad row is reported by its line number.
 */
import { isPlausibleCode, normalizeCode } from '../policy/codes.js';
import { planEndAfter } from '../policy/plan-dates.js';
import { isEmailAddress } from './resolve-member.js';

export interface CompanyRow {
  line: number;
  name: string;
  /** End of the plan: the first instant after the plan's last day, in the vendor's zone. */
  planUntil: Date | null;
  code: string | null;
  contactEmail: string | null;
}

export type CsvParse = { ok: true; rows: CompanyRow[] } | { ok: false; errors: { line: number; message: string }[] };

export function splitCsvLine(line: string): string[] | null {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur.trim() === '') {
      quoted = true;
      cur = '';
    } else if (ch === ',') {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (quoted) return null;
  out.push(cur.trim());
  return out;
}

export function parseCompanyCsv(text: string, vendorZone: string): CsvParse {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const errors: { line: number; message: string }[] = [];
  const rows: CompanyRow[] = [];
  const header = splitCsvLine(lines[0] ?? '')?.map((h) => h.toLowerCase());
  if (!header || header[0] !== 'name' || header[1] !== 'plan_end' || (header[2] !== undefined && header[2] !== 'code') || (header[3] !== undefined && header[3] !== 'contact_email') || header.length > 4) {
    return { ok: false, errors: [{ line: 1, message: 'the first line must be the header "name,plan_end,code"' }] };
  }
  const width = header.length;
  const names = new Map<string, number>();
  const codes = new Map<string, number>();
  lines.slice(1).forEach((raw, i) => {
    const line = i + 2;
    if (raw.trim() === '') return;
    const f = splitCsvLine(raw);
    if (!f) return void errors.push({ line, message: 'has an unclosed quote' });
    if (f.length > Math.max(3, width)) return void errors.push({ line, message: `has ${f.length} fields; expected ${header.join(',')}` });
    const [name = '', planEnd = '', code = '', contact = ''] = f;
    if (contact && !isEmailAddress(contact)) errors.push({ line, message: `contact_email "${contact}" is not an email address` });
    if (!name) errors.push({ line, message: 'has no company name' });
    else if (name.length > 120) errors.push({ line, message: 'has a company name over 120 characters' });
    else if (names.has(name.toLowerCase())) errors.push({ line, message: `repeats the company "${name}" from line ${names.get(name.toLowerCase())}` });
    else names.set(name.toLowerCase(), line);
    let planUntil: Date | null = null;
    if (planEnd) {
      planUntil = planEndAfter(planEnd, vendorZone);
      if (!planUntil) errors.push({ line, message: `plan_end "${planEnd}" is not a date like 2027-06-30` });
    }
    if (code) {
      if (!isPlausibleCode(code)) errors.push({ line, message: 'code must be 4-64 letters or digits' });
      else if (codes.has(normalizeCode(code))) errors.push({ line, message: `repeats the code from line ${codes.get(normalizeCode(code))}` });
      else codes.set(normalizeCode(code), line);
    }
    rows.push({ line, name, planUntil, code: code ? normalizeCode(code) : null, contactEmail: contact || null });
  });
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}
