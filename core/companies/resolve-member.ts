import { IANAZone } from 'luxon';
import type { Member } from '../model.js';
import type { Tx } from '../ports/store.js';
import type { Caller } from '../policy/staff.js';

const validZones = new Map<string, boolean>();

function validZone(zone: string | undefined): string | null {
  if (!zone) return null;
  let ok = validZones.get(zone);
  if (ok === undefined) {
    ok = IANAZone.isValidZone(zone);
    if (validZones.size < 1000) validZones.set(zone, ok);
  }
  return ok ? zone : null;
}

/**
 * The member record for a caller, created on first contact. A zone the platform reports (Slack's
 * profile zone) refreshes the saved one; an invalid zone is ignored. A returning caller whose
 * details have not changed costs one read, no write.
 */
export async function resolveMember(tx: Tx, caller: Caller): Promise<Member> {
  const zone = validZone(caller.zone);
  const existing = await tx.members.find(caller.platform, caller.userId);
  if (
    existing &&
    (caller.displayName == null || caller.displayName === existing.displayName) &&
    (zone === null || zone === existing.zone) &&
    (caller.locale == null || caller.locale === existing.locale)
  ) {
    return existing;
  }
  return tx.members.upsert({
    platform: caller.platform,
    platformUserId: caller.userId,
    displayName: caller.displayName ?? null,
    zone,
    locale: caller.locale ?? null,
  });
}

/** The zone a person reads times in: theirs, else the vendor's. */
export function zoneOf(member: Pick<Member, 'zone'> | null, vendorZone: string): string {
  return member?.zone ?? vendorZone;
}
