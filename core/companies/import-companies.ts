/** Imports companies from CSV: all rows or none. A row whose name or code already exists is an error. */
import type { CoreDeps } from '../deps.js';
import { generateCode, hashCode } from '../policy/codes.js';
import { recordAudit } from '../audit/record-audit.js';
import { parseCompanyCsv } from './parse-company-csv.js';

export type ImportResult =
  | { kind: 'imported'; companies: { name: string; code: string; planUntil: string | null }[] }
  | { kind: 'invalid'; errors: { line: number; message: string }[] };

class RowConflict extends Error {
  constructor(public readonly errors: { line: number; message: string }[]) {
    super('conflict');
  }
}

export function importCompanies(deps: CoreDeps) {
  const { store, clock, config } = deps;
  return async (csv: string): Promise<ImportResult> => {
    const parsed = parseCompanyCsv(csv, config.vendor.zone);
    if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
    const now = clock.now();
    try {
      return await store.transaction(async (tx) => {
        const conflicts: { line: number; message: string }[] = [];
        const created: { name: string; code: string; planUntil: string | null }[] = [];
        for (const row of parsed.rows) {
          const code = row.code ?? generateCode();
          if (await tx.companies.findByName(row.name)) conflicts.push({ line: row.line, message: `a company named "${row.name}" already exists` });
          else if (await tx.companies.findByCodeHash(hashCode(code))) conflicts.push({ line: row.line, message: 'that code is already used by another company' });
          if (conflicts.length) continue;
          const c = await tx.companies.create({ name: row.name, code, codeHash: hashCode(code), planUntil: row.planUntil, contactEmail: row.contactEmail });
          await recordAudit(tx, now, { kind: 'system' }, 'company', c.id, 'imported', { name: c.name, planUntil: c.planUntil });
          created.push({ name: c.name, code, planUntil: c.planUntil?.toISOString() ?? null });
        }
        // Any conflict rolls the whole file back.
        if (conflicts.length) throw new RowConflict(conflicts);
        return { kind: 'imported' as const, companies: created };
      });
    } catch (e) {
      if (e instanceof RowConflict) return { kind: 'invalid', errors: e.errors };
      throw e;
    }
  };
}
