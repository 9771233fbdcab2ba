/**
 * The outbox: every message core wants a person or the staff channel to see is one of these,
 * stored as a row with its type and this payload, and rendered by each adapter its own way.
 * Payloads are plain JSON (instants as ISO strings) so a row written today renders the same later.
 */
import type { SessionKind } from '../config/schema.js';
import type { PriceBasis, BookingStatus, Channel, Platform } from '../model.js';

/** A booking as a message shows it. `zone` is the recipient's zone; adapters format times in it. */
export interface BookingCard {
  bookingId: string;
  reference: string;
  kind: SessionKind;
  /** The vendor's own name for the kind (config), or null: presenters use the catalog's name. */
  kindLabel: string | null;
  status: BookingStatus;
  staffName: string | null;
  startsAt: string | null;
  endsAt: string | null;
  lengthMinutes: number;
  zone: string;
  vendorZone: string;
  priceCents: number;
  currency: string;
  priceBasis: PriceBasis;
  /** The tracked join link (records attendance, then redirects to the meeting). */
  joinUrl: string;
  /** The self-service page (reschedule, cancel) for this booking; null for bookings made before links existed. */
  manageUrl?: string | null;
  /** The booking's calendar file (.ics), always as it is now; null like manageUrl. */
  calendarUrl?: string | null;
  /** iCalendar SEQUENCE of the booking when this card was made (goes up with each change). */
  sequence?: number;
  phoneNumber: string;
  phonePin: string;
  /** Last instant a cancel or reschedule is accepted. */
  changeUntil: string | null;
  /** Whether the customer could still cancel or reschedule when this card was made. */
  changeOpen: boolean;
  /** Reminders still to come when this card was made (instants), for "we will remind you …". */
  remindersAt: string[];
  companyName: string | null;
  memberName: string | null;
  emergency: boolean;
  description: string | null;
  /** For a paid session: how and where to pay (`payment.instructions`), quoting `reference`. */
  paymentInstructions?: string | null;
}

export interface SqueezeOption {
  staffId: string;
  staffName: string;
  startsAt: string;
  endsAt: string;
  /** Minutes of buffer given up around neighbouring sessions to make room (0: a plain gap). */
  bufferShortenedBy: number;
}

/**
 * Why the system (not a person) closed something: a code the presenter words in the reader's
 * language. `approval_timeout`: nobody approved it before its start; `emergency_timeout`: nobody
 * squeezed the emergency in that day; `suspended`: free sessions were suspended after no-shows.
 */
export type SystemReason = 'approval_timeout' | 'emergency_timeout' | 'suspended';

export type Notice =
  // to the customer
  | { type: 'booking_confirmed'; booking: BookingCard }
  | { type: 'booking_pending'; booking: BookingCard }
  | { type: 'booking_approved'; booking: BookingCard }
  /** `reason`: what staff wrote; `reasonCode` instead when the system declined it. */
  | { type: 'booking_declined'; booking: BookingCard; reason: string | null; reasonCode?: SystemReason }
  | { type: 'reminder'; booking: BookingCard; minutesBefore: number }
  | {
      type: 'booking_cancelled';
      booking: BookingCard;
      by: 'customer' | 'staff';
      reason: string | null;
      /** Cancelled by the system (a suspension): said instead of a staff reason. */
      reasonCode?: SystemReason;
      refunded: boolean;
      /** False when a colleague from the recipient's company cancelled it (then `byName` says who). */
      byYou?: boolean;
      byName?: string | null;
    }
  | {
      type: 'booking_rescheduled';
      booking: BookingCard;
      previousStartsAt: string;
      /** False when a colleague from the recipient's company moved it (then `byName` says who). */
      byYou?: boolean;
      byName?: string | null;
    }
  /** `declined`: a request staff declined, or the system did (nobody approved it before its start). */
  | { type: 'actions_expired'; booking: BookingCard; why: 'cutoff_passed' | 'cancelled' | 'rescheduled' | 'closed' | 'declined' }
  | { type: 'no_show_closed'; booking: BookingCard; strikes: number | null; strikeLimit: number; reinstatementCents: number }
  | { type: 'strike_warning'; companyName: string; strikes: number; strikeLimit: number; booking: BookingCard; reinstatementCents: number }
  | {
      type: 'suspended';
      companyName: string;
      feeCents: number;
      currency: string;
      /** The company's upcoming free sessions the suspension cancelled (their time is freed). */
      cancelled?: BookingCard[];
      /** How and where to pay the reinstatement (`payment.instructions`), when configured. */
      paymentInstructions?: string | null;
      /** The fee can be paid online (a payment provider is on): the notice carries a Pay button. */
      payOnline?: boolean;
    }
  /** Staff reversed a no-show (the customer really called in): the strike is gone, maybe the suspension too. */
  | { type: 'no_show_reversed'; booking: BookingCard; companyName: string | null; strikes: number | null; strikeLimit: number; suspensionLifted: boolean; reason: string }
  | { type: 'reinstated'; companyName: string }
  /**
   * Chat only, never posted: the suspension of `companyName` is over, so the earlier messages about a
   * no-show that asked for the fee (`suspended`, `staff_no_show`) lose their Pay / Record buttons.
   * `recorded`: staff recorded the payment (`by`, `amountCents`); `paid_online`; `lifted`: a reversed no-show lifted it.
   */
  | { type: 'suspension_ended'; companyName: string; how: 'recorded' | 'paid_online' | 'lifted'; at: string; by?: string | null; amountCents?: number }
  /** `waitsUntil`: made after hours, it waits for staff to start again at that time. */
  | { type: 'emergency_received'; booking: BookingCard; waitsUntil?: string }
  | { type: 'emergency_scheduled'; booking: BookingCard }
  | { type: 'emergency_declined'; booking: BookingCard; reason: string | null; reasonCode?: SystemReason }
  /** The time held while the customer paid online was released: no payment arrived in time. */
  | { type: 'payment_hold_expired'; booking: BookingCard }
  /** A payment arrived for a booking no longer held (the hold ran out, it was cancelled): staff will refund or re-place it. */
  /** Money for a booking that is no longer held; with `expected`: not the amount the checkout asked (its hold released at once). */
  | { type: 'payment_received_late'; booking: BookingCard; amountCents: number; currency: string; expected?: { amountCents: number; currency: string } }
  // to the staff channel
  | { type: 'staff_approval_request'; booking: BookingCard }
  | { type: 'staff_emergency_request'; booking: BookingCard; urgency: Urgency; options: SqueezeOption[] }
  | { type: 'staff_no_show'; booking: BookingCard; strikes: number | null; suspended: boolean }
  /**
   * A booking or request is off: cancelled by the customer or staff, or closed by the system (nobody
   * approved it before its start, nobody squeezed the emergency in that day). Adapters also take the
   * buttons off the earlier staff cards about it.
   */
  | { type: 'staff_booking_cancelled'; booking: BookingCard; by: 'customer' | 'staff' | 'system'; reason: string | null; reasonCode?: SystemReason }
  /** A reinstatement fee was paid online: the suspension is lifted. */
  | { type: 'staff_reinstatement_paid'; companyName: string; amountCents: number; currency: string; reference: string }
  /** Money arrived online with nothing left to pay for, or not the amount asked: refund it or place it (e.g. book the customer again). */
  | {
      type: 'staff_payment_to_settle';
      purpose: 'session_fee' | 'reinstatement';
      reference: string;
      companyName: string | null;
      customerName: string | null;
      amountCents: number;
      currency: string;
      paymentId: string | null;
      bookingStatus: BookingStatus | null;
      /** Set when the payment was not what the checkout asked (another amount or currency): what it asked. Nothing was confirmed on it. */
      expected?: { amountCents: number; currency: string };
    };

export type NoticeType = Notice['type'];
export type Urgency = 'critical' | 'high' | 'normal';

export type Recipient = { to: 'member'; memberId: string } | { to: 'staff' };

/** One outbox row as a notifier receives it. */
export interface OutboxMessage {
  id: string;
  recipient: Recipient;
  /** The member's platform for member messages; null for the staff channel (every configured platform). */
  platform: Platform | null;
  /** The member's platform user id, so an adapter can DM without another lookup. */
  platformUserId: string | null;
  /** The member's language (their override, else their platform's locale); null or absent: the vendor's. */
  locale?: string | null;
  bookingId: string | null;
  notice: Notice;
  attempts: number;
  /** 'chat': the member's platform or the staff channels; 'email': `email` below. Absent: chat. */
  channel?: Channel;
  /** For email rows: the address, resolved by the sweeper when it delivers (null: none known). */
  email?: string | null;
  /** When it was due (a retry's due time is its retry time): how late a delivery is, for metrics. */
  dueAt?: Date;
}

export type DeliveryResult =
  | { kind: 'sent'; ref?: string }
  /** Worth trying again later (rate limit, 5xx, network). */
  | { kind: 'retry'; error: string; retryAfterMs?: number }
  /** Will never work (user gone, DMs closed, channel deleted). */
  | { kind: 'failed'; error: string };

/** Implemented by each adapter (and by a composite that routes by platform). */
export interface Notifier {
  deliver(message: OutboxMessage): Promise<DeliveryResult>;
}
