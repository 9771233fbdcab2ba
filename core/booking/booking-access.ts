/**
 * Who may act on a booking: the booker (also after moving to another company: the booking's own links
 * still work for them), any member of the booking's company, and staff. Loads the booking and the
 * caller once for the change use cases.
 */
import type { Config } from '../config/schema.js';
import type { Booking, Member } from '../model.js';
import type { Tx } from '../ports/store.js';
import { staffFor, type Caller, type StaffIdentity } from '../policy/staff.js';
import { resolveMember } from '../companies/resolve-member.js';

export type Access =
  | { kind: 'ok'; booking: Booking; member: Member; staff: StaffIdentity | null }
  | { kind: 'not_found' }
  | { kind: 'not_allowed' };

export function belongsTo(booking: Booking, member: Member): boolean {
  return booking.memberId === member.id || (!!booking.companyId && member.companyId === booking.companyId);
}

export async function loadForCaller(tx: Tx, config: Config, caller: Caller, bookingId: string): Promise<Access> {
  const booking = (await tx.bookings.get(bookingId)) ?? (await tx.bookings.findByReference(bookingId));
  if (!booking) return { kind: 'not_found' };
  const member = await resolveMember(tx, caller);
  const staff = staffFor(config, caller);
  if (!staff && !belongsTo(booking, member)) return { kind: 'not_allowed' };
  return { kind: 'ok', booking, member, staff };
}

export function actorOf(member: Member, staff: StaffIdentity | null, caller: Caller) {
  return staff
    ? ({ kind: 'staff', staffId: staff.staffId, platform: caller.platform } as const)
    : ({ kind: 'member', memberId: member.id, platform: caller.platform } as const);
}
