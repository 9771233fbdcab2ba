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

export type BookingCustomer =
  | { kind: 'customer'; member: Member; company: Company | null }
  | { kind: 'code_invalid'; attemptsLeft: number }
  | { kind: 'code_locked'; retryAt: string };

export async function bookingCustomer(tx: Tx, config: Config, caller: Caller, code: string | undefined, now: Date): Promise<BookingCustomer> {
  let member = await resolveMember(tx, caller);
  if (code) {
    const link = await linkWithCode(tx, config, member, code, now);
    if (link.kind === 'code_invalid') return link;
    if (link.kind === 'code_locked') return { kind: 'code_locked', retryAt: link.retryAt.toISOString() };
    member = link.member;
  }
  return { kind: 'customer', member, company: member.companyId ? await tx.companies.get(member.companyId) : null };
}
