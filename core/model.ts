/** The records core works with. The store port reads and writes these; Prisma rows map onto them 1:1. */
import type { SessionKind } from './config/schema.js';

export type Platform = 'slack' | 'discord' | 'console';
export const PLATFORMS: readonly Platform[] = ['slack', 'discord', 'console'];

export interface Company {
  id: string;
  name: string;
  /** The maintenance code, shown again to linked members; compared in constant time. */
  code: string | null;
  /** Active maintenance plan until this instant (exclusive); null: no plan. */
  planUntil: Date | null;
  strikes: number;
  suspended: boolean;
  /** When the current suspension began; null when not suspended. */
  suspendedAt: Date | null;
  /** Where mail goes for members without an address of their own; null: none. */
  contactEmail?: string | null;
  createdAt: Date;
}

export interface Member {
  id: string;
  platform: Platform;
  platformUserId: string;
  displayName: string | null;
  companyId: string | null;
  /** IANA zone the person reads times in; null: unknown (use the vendor's). */
  zone: string | null;
  /** The platform's locale for the person (Slack users.info, Discord interaction locale), kept up to date. */
  locale: string | null;
  /** The language the person chose (/language); null or absent: their platform's locale. It wins over `locale`. */
  language?: string | null;
  /** Hash of the code the member linked with: after a rotation it no longer matches the company's. */
  linkedCodeHash: string | null;
  /** The person's email address (Slack profile or /email); null or absent: none known. */
  email?: string | null;
  emailSource?: EmailSource | null;
  /** Where their messages go; null or absent: the configured default. */
  notifyVia?: DeliveryChoice | null;
}

export type EmailSource = 'slack_profile' | 'command';
export type DeliveryChoice = 'chat' | 'email' | 'both';
/** How an outbox row reaches its recipient: their chat platform (or the staff channels), or email. */
export type Channel = 'chat' | 'email';

export type BookingStatus =
  | 'pending_approval'
  /** Held for the customer while they pay online (Stripe Checkout); released if unpaid in time. */
  | 'awaiting_payment'
  | 'confirmed'
  | 'declined'
  | 'cancelled'
  | 'no_show'
  /** An emergency request waiting for staff to squeeze it in. */
  | 'emergency_requested';

/** How the price was decided, frozen on the booking. */
export type PriceBasis = 'plan_free' | 'plan_discount' | 'standard_fee' | 'emergency';

export interface Booking {
  id: string;
  reference: string;
  companyId: string | null;
  memberId: string;
  staffId: string | null;
  kind: SessionKind;
  status: BookingStatus;
  /** Null only while an emergency request waits for a time. */
  startsAt: Date | null;
  endsAt: Date | null;
  lengthMinutes: number;
  bufferMinutes: number;
  priceCents: number;
  currency: string;
  priceBasis: PriceBasis;
  emergency: boolean;
  description: string | null;
  joinToken: string;
  /** Token of the self-service link (page, calendar file); null on bookings made before links existed. */
  manageToken?: string | null;
  /** iCalendar SEQUENCE: goes up with every change of time, staff or status. */
  sequence?: number;
  meetingUrl: string | null;
  phoneNumber: string;
  phonePin: string;
  joinedAt: Date | null;
  joinedVia: JoinVia | null;
  /** Platform the booking was made through (where its messages go). */
  platform: Platform;
  createdAt: Date;
  updatedAt: Date;
}

export type JoinVia = 'link' | 'staff_online' | 'staff_phone';

/** Work the system does at a time: the no-show check and the end of the cancel window. */
/** Work the system does at a time: the no-show check, the end of the change window, and the
 * decline of a booking nobody approved before it was due to start. */
export type JobType = 'no_show_check' | 'cutoff_passed' | 'approval_timeout' | 'payment_hold';

export interface Job {
  id: string;
  bookingId: string;
  type: JobType;
  dueAt: Date;
  attempts: number;
}

export type Actor =
  | { kind: 'member'; memberId: string; platform: Platform }
  | { kind: 'staff'; staffId: string; platform: Platform }
  | { kind: 'system' };

export interface AuditEntry {
  id: string;
  at: Date;
  actor: Actor;
  entity: 'booking' | 'company' | 'member' | 'strike' | 'payment';
  entityId: string;
  action: string;
  details: Record<string, unknown>;
}
