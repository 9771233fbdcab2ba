/**
 * Staff see who is linked to a company (and whether they linked with its current code) and can
 * unlink a person: the member keeps their bookings but must enter a code again to book for it.
 */
import { z } from 'zod';
import type { CoreDeps } from '../deps.js';
import { useCase, callerSchema } from '../use-case.js';
import { recordAudit } from '../audit/record-audit.js';
import { requireStaff, staffActor } from '../booking/staff-only.js';
import type { Platform } from '../model.js';
import type { Tx } from '../ports/store.js';

export interface LinkedMember {
  memberId: string;
  platform: Platform;
  platformUserId: string;
  displayName: string | null;
  /** False after a code rotation until the person enters the new code. */
  currentCode: boolean;
}

export type CompanyMembersResult =
  | { kind: 'members'; companyName: string; members: LinkedMember[] }
  | { kind: 'unlinked'; companyName: string; member: LinkedMember }
  | { kind: 'not_linked_here'; companyName: string }
  | { kind: 'not_found'; name: string }
  | { kind: 'not_allowed' };

async function companyByName(tx: Tx, name: string) {
  return (await tx.companies.findByName(name)) ?? (await tx.companies.list()).find((c) => c.name.toLowerCase() === name.toLowerCase()) ?? null;
}

async function membersOf(tx: Tx, companyId: string): Promise<LinkedMember[]> {
  const hash = await tx.companies.codeHash(companyId);
  return (await tx.members.listByCompany(companyId)).map((m) => ({
    memberId: m.id,
    platform: m.platform,
    platformUserId: m.platformUserId,
    displayName: m.displayName,
    currentCode: m.linkedCodeHash === null || m.linkedCodeHash === hash,
  }));
}

/**
 * The linked person staff named: their member id, their platform user id (as the list shows it, or a
 * Slack mention <@U…>), or their display name when exactly one linked person has it. Two people
 * with the same name: neither (staff use the id from the list).
 */
function findLinked(members: LinkedMember[], who: string): LinkedMember | undefined {
  const w = who.trim().replace(/^<@([A-Z0-9]+)(?:\|[^>]*)?>$/i, '$1').replace(/^@/, '');
  const exact = members.find((m) => m.memberId === w || m.platformUserId === w);
  if (exact) return exact;
  const named = members.filter((m) => (m.displayName ?? '').toLowerCase() === w.toLowerCase());
  return named.length === 1 ? named[0] : undefined;
}

export function listCompanyMembers(deps: CoreDeps) {
  const { store, clock, config } = deps;
  const input = z.object({ caller: callerSchema, name: z.string().trim().min(1).max(120) });
  return useCase('listCompanyMembers', input, deps, (i) =>
    store.transaction(async (tx): Promise<CompanyMembersResult> => {
      const staff = await requireStaff(tx, config, i.caller, clock.now(), 'list_members', i.name);
      if (!staff) return { kind: 'not_allowed' };
      const c = await companyByName(tx, i.name);
      if (!c) return { kind: 'not_found', name: i.name };
      return { kind: 'members', companyName: c.name, members: await membersOf(tx, c.id) };
    }),
  );
}

export function unlinkMember(deps: CoreDeps) {
  const { store, clock, config } = deps;
  const input = z.object({ caller: callerSchema, name: z.string().trim().min(1).max(120), memberId: z.string().min(1).max(64), reason: z.string().trim().max(500).optional() });
  return useCase('unlinkMember', input, deps, (i) =>
    store.transaction(async (tx): Promise<CompanyMembersResult> => {
      const now = clock.now();
      const staff = await requireStaff(tx, config, i.caller, now, 'unlink_member', i.memberId);
      if (!staff) return { kind: 'not_allowed' };
      const c = await companyByName(tx, i.name);
      if (!c) return { kind: 'not_found', name: i.name };
      const member = findLinked(await membersOf(tx, c.id), i.memberId);
      if (!member) return { kind: 'not_linked_here', companyName: c.name };
      await tx.members.update(member.memberId, { companyId: null, linkedCodeHash: null });
      await recordAudit(tx, now, staffActor(staff, i.caller), 'member', member.memberId, 'unlinked', { companyId: c.id, companyName: c.name, reason: i.reason ?? null, staffName: staff.name });
      return { kind: 'unlinked', companyName: c.name, member };
    }),
  );
}
