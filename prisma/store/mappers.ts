/** Prisma rows → core records. Columns that hold core's string unions are narrowed here, once. */
import type { Booking, Company, Member, Platform, AuditEntry, Actor } from '../../core/model.js';
import type { Booking as BookingRow, Company as CompanyRow, Member as MemberRow, AuditEntry as AuditRow } from '../generated/sqlite/client.js';

export function toCompany(r: CompanyRow): Company {
  return { id: r.id, name: r.name, code: r.code, planUntil: r.planUntil, strikes: r.strikes, suspended: r.suspended, suspendedAt: r.suspendedAt, contactEmail: r.contactEmail, createdAt: r.createdAt };
}

export function toMember(r: MemberRow): Member {
  return {
    id: r.id,
    platform: r.platform as Platform,
    platformUserId: r.platformUserId,
    displayName: r.displayName,
    companyId: r.companyId,
    zone: r.zone,
    locale: r.locale,
    language: r.language,
    linkedCodeHash: r.linkedCodeHash,
    email: r.email,
    emailSource: r.emailSource as Member['emailSource'],
    notifyVia: r.notifyVia as Member['notifyVia'],
  };
}

export function toBooking(r: BookingRow): Booking {
  return {
    id: r.id,
    reference: r.reference,
    companyId: r.companyId,
    memberId: r.memberId,
    staffId: r.staffId,
    kind: r.kind as Booking['kind'],
    status: r.status as Booking['status'],
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    lengthMinutes: r.lengthMinutes,
    bufferMinutes: r.bufferMinutes,
    priceCents: r.priceCents,
    currency: r.currency,
    priceBasis: r.priceBasis as Booking['priceBasis'],
    emergency: r.emergency,
    description: r.description,
    joinToken: r.joinToken,
    manageToken: r.manageToken,
    sequence: r.sequence,
    meetingUrl: r.meetingUrl,
    phoneNumber: r.phoneNumber,
    phonePin: r.phonePin,
    joinedAt: r.joinedAt,
    joinedVia: r.joinedVia as Booking['joinedVia'],
    platform: r.platform as Platform,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function toAudit(r: AuditRow): AuditEntry {
  const actor: Actor =
    r.actorKind === 'member'
      ? { kind: 'member', memberId: r.actorId ?? '', platform: (r.platform ?? 'console') as Platform }
      : r.actorKind === 'staff'
        ? { kind: 'staff', staffId: r.actorId ?? '', platform: (r.platform ?? 'console') as Platform }
        : { kind: 'system' };
  return {
    id: r.id,
    at: r.at,
    actor,
    entity: r.entity as AuditEntry['entity'],
    entityId: r.entityId,
    action: r.action,
    details: JSON.parse(r.details) as Record<string, unknown>,
  };
}
