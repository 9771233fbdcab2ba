import { IANAZone } from 'luxon';
import type { Member } from '../model.js';
import type { Tx } from '../ports/store.js';
import type { Caller } from '../policy/staff.js';

/**
 * The member record for a caller, created on first contact. A zone the platform reports (Slack's
 * profile zone) refreshes the saved one; an invalid zone is ignored.
 */
export function resolveMember(tx: Tx, caller: Caller): Promise<Member> {
  return tx.members.upsert({
    platform: caller.platform,
    platformUserId: caller.userId,
    displayName: caller.displayName ?? null,
    zone: caller.zone && IANAZone.isValidZone(caller.zone) ? caller.zone : null,
    locale: caller.locale ?? null,
  });
}

/** The zone a person reads times in: theirs, else the vendor's. */
export function zoneOf(member: Pick<Member, 'zone'> | null, vendorZone: string): string {
  return member?.zone ?? vendorZone;
}
