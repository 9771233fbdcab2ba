/**
 * Staff manage companies: create one (with a code, generated if not given), set or end its plan,
 * rotate its code (the old code stops working at once), and record the reinstatement payment that
 * restores free sessions after suspension (which clears the strikes).
 */
import { z } from 'zod';
import { planEndAfter } from '../policy/plan-dates.js';
import type { CoreDeps } from '../deps.js';
import { useCase, callerSchema } from '../use-case.js';
import { DuplicateError, type Tx } from '../ports/store.js';
import { generateCode, hashCode, isPlausibleCode, normalizeCode } from '../policy/codes.js';
import { toCents } from '../policy/pricing.js';
import { recordAudit } from '../audit/record-audit.js';
import { queueSuspensionEnded } from '../notifications/suspension-ended.js';
import { requireStaff, staffActor } from '../booking/staff-only.js';
import { profileOf, type CompanyProfile } from './link-company.js';
import type { Company } from '../model.js';

const companyName = z.string().trim().min(1).max(120);
/**
 * A plan's end: a date ("2027-12-31") means the plan covers that whole day in the vendor's zone, so it
 * ends at the next local midnight; an instant is taken as it is.
 */
function planUntilSchema(vendorZone: string) {
  return z
    .union([
      z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => planEndAfter(d, vendorZone) !== null, 'is not a real date')
        .transform((d) => planEndAfter(d, vendorZone)!),
      z.date(),
      z.iso.datetime({ offset: true }).transform((d) => new Date(d)),
    ])
    .nullable();
}

export type CompanyAdminResult =
  | { kind: 'company'; profile: CompanyProfile; action: 'created' | 'plan_set' | 'code_rotated' | 'reinstated'; payment?: { amountCents: number; currency: string; reference: string } }
  /** The reinstatement of this company was recorded already (a second press, or it is not suspended since). */
  | { kind: 'already_reinstated'; companyName: string; by: string; at: string; amountCents: number; currency: string; reference: string | null }
  /** Recording a reinstatement for a company that is not suspended (and never was reinstated). */
  | { kind: 'not_suspended'; companyName: string }
  | { kind: 'duplicate'; what: string }
  | { kind: 'invalid_code' }
  | { kind: 'not_found'; name: string }
  | { kind: 'not_allowed' };

async function findCompany(tx: Tx, name: string): Promise<Company | null> {
  const exact = await tx.companies.findByName(name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  return (await tx.companies.list()).find((c) => c.name.toLowerCase() === lower) ?? null;
}

export function createCompany(deps: CoreDeps) {
  const { store, clock, config } = deps;
  const input = z.object({ caller: callerSchema, name: companyName, planUntil: planUntilSchema(config.vendor.zone).default(null), code: z.string().max(64).optional() });
  return useCase('createCompany', input, deps, (i) =>
    store.transaction(async (tx): Promise<CompanyAdminResult> => {
      const now = clock.now();
      const staff = await requireStaff(tx, config, i.caller, now, 'create_company', i.name);
      if (!staff) return { kind: 'not_allowed' };
      if (i.code !== undefined && !isPlausibleCode(i.code)) return { kind: 'invalid_code' };
      const code = i.code ? normalizeCode(i.code) : generateCode();
      try {
        const c = await tx.companies.create({ name: i.name, code, codeHash: hashCode(code), planUntil: i.planUntil });
        await recordAudit(tx, now, staffActor(staff, i.caller), 'company', c.id, 'created', { name: c.name, planUntil: c.planUntil });
        return { kind: 'company', profile: profileOf(deps, c, now), action: 'created' };
      } catch (e) {
        if (e instanceof DuplicateError) return { kind: 'duplicate', what: e.what };
        throw e;
      }
    }),
  );
}

export function setPlan(deps: CoreDeps) {
  const { store, clock, config } = deps;
  const input = z.object({ caller: callerSchema, name: companyName, planUntil: planUntilSchema(config.vendor.zone) });
  return useCase('setPlan', input, deps, (i) =>
    store.transaction(async (tx): Promise<CompanyAdminResult> => {
      const now = clock.now();
      const staff = await requireStaff(tx, config, i.caller, now, 'set_plan', i.name);
      if (!staff) return { kind: 'not_allowed' };
      const c = await findCompany(tx, i.name);
      if (!c) return { kind: 'not_found', name: i.name };
      const updated = await tx.companies.update(c.id, { planUntil: i.planUntil });
      await recordAudit(tx, now, staffActor(staff, i.caller), 'company', c.id, 'plan_set', { from: c.planUntil, to: i.planUntil });
      return { kind: 'company', profile: profileOf(deps, updated, now), action: 'plan_set' };
    }),
  );
}

export function rotateCode(deps: CoreDeps) {
  const { store, clock, config } = deps;
  const input = z.object({ caller: callerSchema, name: companyName });
  return useCase('rotateCode', input, deps, (i) =>
    store.transaction(async (tx): Promise<CompanyAdminResult> => {
      const now = clock.now();
      const staff = await requireStaff(tx, config, i.caller, now, 'rotate_code', i.name);
      if (!staff) return { kind: 'not_allowed' };
      const c = await findCompany(tx, i.name);
      if (!c) return { kind: 'not_found', name: i.name };
      const code = generateCode();
      // People linked with the old code enter the new one at their next booking (their bookings stay):
      // members linked before codes were remembered are stamped with the old code first.
      const oldHash = await tx.companies.codeHash(c.id);
      for (const m of await tx.members.listByCompany(c.id)) {
        if (m.linkedCodeHash === null && oldHash) await tx.members.update(m.id, { linkedCodeHash: oldHash });
      }
      const updated = await tx.companies.update(c.id, { code, codeHash: hashCode(code) });
      // The code itself never goes into the audit log.
      await recordAudit(tx, now, staffActor(staff, i.caller), 'company', c.id, 'code_rotated');
      return { kind: 'company', profile: profileOf(deps, updated, now), action: 'code_rotated' };
    }),
  );
}

export function recordReinstatement(deps: CoreDeps) {
  const { store, clock, config, ids } = deps;
  const input = z.object({ caller: callerSchema, name: companyName, reference: z.string().trim().min(1).max(64).optional() });
  return useCase('recordReinstatement', input, deps, (i) =>
    store.transaction(async (tx): Promise<CompanyAdminResult> => {
      const now = clock.now();
      const staff = await requireStaff(tx, config, i.caller, now, 'record_reinstatement', i.name);
      if (!staff) return { kind: 'not_allowed' };
      const c = await findCompany(tx, i.name);
      if (!c) return { kind: 'not_found', name: i.name };
      // Only a suspended company, once per suspension: the conditional update lets one press through.
      if (!c.suspended || !(await tx.companies.reinstate(c.id, c.suspendedAt))) return alreadyReinstated(tx, config, c.id, c.name);
      const amountCents = toCents(config.policy.reinstatementFee, config.vendor.currency);
      const reference = i.reference ?? `PAY-${ids.reference().replace(/^SK-/, '')}`;
      await tx.payments.record({ companyId: c.id, purpose: 'reinstatement', amountCents, currency: config.vendor.currency, recordedBy: staff.staffId, at: now, reference, suspendedAt: c.suspendedAt });
      const updated = (await tx.companies.get(c.id))!;
      const actor = staffActor(staff, i.caller);
      await recordAudit(tx, now, actor, 'company', c.id, 'reinstated', { amountCents, reference, strikesCleared: c.strikes, staffName: staff.name });
      // The no-shows that asked for the fee lose their Pay / Record buttons (read before the history is cleared).
      await queueSuspensionEnded(tx, c.id, { companyName: c.name, how: 'recorded', at: now.toISOString(), by: staff.name, amountCents }, now);
      await recordAudit(tx, now, actor, 'strike', c.id, 'strikes_cleared', { from: c.strikes });
      const members = await tx.members.listByCompany(c.id);
      await tx.outbox.enqueue(members.map((m) => ({ recipient: { to: 'member' as const, memberId: m.id }, bookingId: null, notice: { type: 'reinstated' as const, companyName: c.name }, dueAt: now })));
      return { kind: 'company', profile: profileOf(deps, updated, now), action: 'reinstated', payment: { amountCents, currency: config.vendor.currency, reference } };
    }),
  );
}

async function alreadyReinstated(tx: Tx, config: CoreDeps['config'], companyId: string, name: string): Promise<CompanyAdminResult> {
  const last = (await tx.payments.listByCompany(companyId)).filter((p) => p.purpose === 'reinstatement').at(-1);
  if (!last) return { kind: 'not_suspended', companyName: name };
  const by = config.staff.find((s) => s.id === last.recordedBy)?.name ?? last.recordedBy;
  return { kind: 'already_reinstated', companyName: name, by, at: last.at.toISOString(), amountCents: last.amountCents, currency: last.currency, reference: last.reference };
}
