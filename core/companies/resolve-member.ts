import { IANAZone } from 'luxon';
import type { Member } from '../model.js';
import type { Store, Tx } from '../ports/store.js';
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
  const profileEmail = profileEmailOf(caller);
  const takeProfile = takesProfileEmail(existing, profileEmail);
  if (takeProfile) {
    const m = existing ?? (await tx.members.upsert({ platform: caller.platform, platformUserId: caller.userId, displayName: caller.displayName ?? null, zone, locale: caller.locale ?? null }));
    await tx.members.update(m.id, { email: profileEmail!, emailSource: 'slack_profile' });
  }
  if (!takeProfile && existing && isCurrent(existing, caller, zone)) return existing;
  return tx.members.upsert({
    platform: caller.platform,
    platformUserId: caller.userId,
    displayName: caller.displayName ?? null,
    zone,
    locale: caller.locale ?? null,
  });
}

/**
 * The member record for a caller when resolveMember would write nothing (a returning caller whose
 * details have not changed), else null: for read-only use cases, which then need no transaction
 * unless this is a first contact or a change.
 */
export async function currentMember(tx: Tx, caller: Caller): Promise<Member | null> {
  const existing = await tx.members.find(caller.platform, caller.userId);
  return existing && !takesProfileEmail(existing, profileEmailOf(caller)) && isCurrent(existing, caller, validZone(caller.zone)) ? existing : null;
}

/**
 * Read-only work for a caller (a proposal, a list of openings): through Store.read when their record
 * needs no write (a returning caller with nothing new: no BEGIN/COMMIT), else in a transaction that
 * records the first contact or the change first. What it proposes is checked again by whatever
 * books it, in its own transaction.
 */
export async function readAsMember<T>(store: Store, caller: Caller, work: (tx: Tx, member: Member) => Promise<T>): Promise<T> {
  const known = await store.read(async (tx) => {
    const member = await currentMember(tx, caller);
    return member ? { value: await work(tx, member) } : null;
  });
  return known ? known.value : store.transaction(async (tx) => work(tx, await resolveMember(tx, caller)));
}

const profileEmailOf = (caller: Caller): string | null => (caller.email && isEmailAddress(caller.email) ? caller.email.trim() : null);

/** A profile address fills in a missing one and follows profile changes; one the person typed with /email wins. */
const takesProfileEmail = (existing: Member | null, profileEmail: string | null): boolean =>
  !!profileEmail && (!existing?.email || (existing.emailSource === 'slack_profile' && existing.email !== profileEmail));

/** Nothing the platform reports differs from the record (a detail it leaves out changes nothing). */
const isCurrent = (existing: Member, caller: Caller, zone: string | null): boolean =>
  (caller.displayName == null || caller.displayName === existing.displayName) &&
  (zone === null || zone === existing.zone) &&
  (caller.locale == null || caller.locale === existing.locale);

/** A plain, sendable address: one @, a dotted domain, no spaces or angle brackets. */
export function isEmailAddress(s: string): boolean {
  return s.length <= 254 && /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/.test(s.trim());
}

/** The zone a person reads times in: theirs, else the vendor's. */
export function zoneOf(member: Pick<Member, 'zone'> | null, vendorZone: string): string {
  return member?.zone ?? vendorZone;
}
