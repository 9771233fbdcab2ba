/** Builds the snapshot of a booking that every message about it carries. */
import type { Config } from '../config/schema.js';
import type { Booking, Company, Member } from '../model.js';
import { canChange, changeDeadline } from '../policy/change-window.js';
import { plannedReminders } from '../policy/schedule-plan.js';
import type { Tx } from '../ports/store.js';
import type { BookingCard } from './types.js';
import { zoneOf } from '../companies/resolve-member.js';

export function joinUrl(config: Config, booking: Pick<Booking, 'joinToken'>): string {
  return `${config.publicBaseUrl.replace(/\/$/, '')}/j/${booking.joinToken}`;
}

function base(config: Config): string {
  return config.publicBaseUrl.replace(/\/$/, '');
}

/** The self-service page of a booking: GET shows it, its forms POST cancel and reschedule. */
export function manageUrl(config: Config, booking: Pick<Booking, 'manageToken'>): string | null {
  return booking.manageToken ? `${base(config)}/m/${booking.manageToken}` : null;
}

/** The booking's calendar file, as the booking is now ("Add to calendar"). */
export function calendarUrl(config: Config, booking: Pick<Booking, 'manageToken'>): string | null {
  return booking.manageToken ? `${base(config)}/m/${booking.manageToken}/calendar.ics` : null;
}

/** `now` is when the card is made: whether changes are still open, and which reminders are still to come. */
export function bookingCard(config: Config, b: Booking, ctx: { member: Member | null; company: Company | null; zone?: string; now: Date }): BookingCard {
  const live = b.status === 'confirmed' || b.status === 'pending_approval';
  const staff = b.staffId ? config.staff.find((s) => s.id === b.staffId) : undefined;
  return {
    bookingId: b.id,
    reference: b.reference,
    kind: b.kind,
    kindLabel: config.sessionKinds[b.kind].label ?? null,
    status: b.status,
    staffName: staff?.name ?? null,
    startsAt: b.startsAt?.toISOString() ?? null,
    endsAt: b.endsAt?.toISOString() ?? null,
    lengthMinutes: b.lengthMinutes,
    zone: ctx.zone ?? zoneOf(ctx.member, config.vendor.zone),
    vendorZone: config.vendor.zone,
    priceCents: b.priceCents,
    currency: b.currency,
    priceBasis: b.priceBasis,
    joinUrl: joinUrl(config, b),
    manageUrl: manageUrl(config, b),
    calendarUrl: calendarUrl(config, b),
    sequence: b.sequence ?? 0,
    phoneNumber: b.phoneNumber,
    phonePin: b.phonePin,
    changeUntil: b.startsAt ? changeDeadline(b.startsAt, config.policy.cancelCutoffMinutes).toISOString() : null,
    changeOpen: live && !!b.startsAt && canChange(ctx.now, b.startsAt, config.policy.cancelCutoffMinutes),
    remindersAt: b.status === 'confirmed' && b.startsAt ? plannedReminders(b.startsAt, ctx.now, config.policy.reminderMinutesBefore).map((r) => r.dueAt.toISOString()) : [],
    companyName: ctx.company?.name ?? null,
    memberName: ctx.member?.displayName ?? null,
    emergency: b.emergency,
    description: b.description,
    paymentInstructions: b.priceCents > 0 ? (config.payment.instructions ?? null) : null,
  };
}

/**
 * What of a booking's card depends on `now` (whether changes are open, how many reminders are still to
 * come): two cards of the same booking, member and company with the same moment are equal.
 */
export function cardMoment(config: Config, b: Booking, now: Date): string {
  if (!b.startsAt) return '';
  const open = canChange(now, b.startsAt, config.policy.cancelCutoffMinutes);
  const toCome = b.status === 'confirmed' ? config.policy.reminderMinutesBefore.filter((m) => b.startsAt!.getTime() - m * 60_000 > now.getTime()).length : 0;
  return `${open}:${toCome}`;
}

/** Loads the booker and company and builds the card in the booker's zone. */
export async function loadCard(tx: Tx, config: Config, b: Booking, now: Date, zone?: string): Promise<BookingCard> {
  const [member, company] = await Promise.all([tx.members.get(b.memberId), b.companyId ? tx.companies.get(b.companyId) : null]);
  return bookingCard(config, b, { member, company, zone, now });
}
