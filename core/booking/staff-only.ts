import type { Config } from '../config/schema.js';
import type { Tx } from '../ports/store.js';
import { staffFor, type Caller, type StaffIdentity } from '../policy/staff.js';
import { recordAudit } from '../audit/record-audit.js';
import { resolveMember } from '../companies/resolve-member.js';

/**
 * Staff-only actions start here: a caller who is not staff is refused, and the attempt is audited
 * (entity "member", action "refused_staff_action") so the vendor can see who tried what.
 */
export async function requireStaff(tx: Tx, config: Config, caller: Caller, now: Date, action: string, target: string | null): Promise<StaffIdentity | null> {
  const staff = staffFor(config, caller);
  if (staff) return staff;
  const member = await resolveMember(tx, caller);
  await recordAudit(tx, now, { kind: 'member', memberId: member.id, platform: caller.platform }, 'member', member.id, 'refused_staff_action', { action, target });
  return null;
}

export function staffActor(staff: StaffIdentity, caller: Caller) {
  return { kind: 'staff' as const, staffId: staff.staffId, platform: caller.platform };
}
