/**
 * Who a booking is for: the caller's member record, linked first with the code they entered (if
 * any), and their company. Shared by booking and emergency requests.
 */
import type { Config } from '../config/schema.js';
import type { Company, Member } from '../model.js';
import type { Tx } from '../ports/store.js';
import type { Caller } from '../policy/staff.js';
import { resolveMember } from './resolve-member.js';
import { linkWithCode } from './link-with-code.js';

/** Why a booking press could not tell whose company it is for. */
export type CustomerProblem =
  | { kind: 'code_invalid'; attemptsLeft: number }
  | { kind: 'code_locked'; retryAt: string }
  | { kind: 'confirm_switch'; fromCompany: string; toCompany: string }
  | { kind: 'code_changed'; companyName: string };

export type BookingCustomer =
  | { kind: 'customer'; member: Member; company: Company | null }
  | { kind: 'code_invalid'; attemptsLeft: number }
  | { kind: 'confirm_switch'; fromCompany: string; toCompany: string }
  /** The company's code was rotated since the person linked: they enter the new one (their bookings stay). */
  | { kind: 'code_changed'; companyName: string }
  | { kind: 'code_locked'; retryAt: string };

export async function bookingCustomer(tx: Tx, config: Config, caller: Caller, code: string | undefined, now: Date): Promise<BookingCustomer> {
  let member = await resolveMember(tx, caller);
  if (code) {
    const link = await linkWithCode(tx, config, member, code, now);
    if (link.kind === 'code_invalid' || link.kind === 'confirm_switch') return link;
    if (link.kind === 'code_locked') return { kind: 'code_locked', retryAt: link.retryAt.toISOString() };
    member = link.member;
  }
  const company = member.companyId ? await tx.companies.get(member.companyId) : null;
  if (company && !(await linkedWithCurrentCode(tx, member, company.id))) return { kind: 'code_changed', companyName: company.name };
  return { kind: 'customer', member, company };
}

/**
 * Whether the member linked with the company's current code. Members linked before codes were
 * remembered (no hash) count as linked with it until the next rotation stamps them.
 */
async function linkedWithCurrentCode(tx: Tx, member: Member, companyId: string): Promise<boolean> {
  if (member.linkedCodeHash === null) return true;
  return member.linkedCodeHash === (await tx.companies.codeHash(companyId));
}
