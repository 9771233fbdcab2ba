/**
 * The store port: everything core reads or writes, grouped by record. The Prisma implementation
 * (prisma/store/) runs each `transaction` as one database transaction; tests use the same
 * implementation on SQLite and PostgreSQL rather than a hand-written fake that could drift from it.
 */
import type { SessionKind } from '../config/schema.js';
import type { Actor, AuditEntry, Booking, BookingStatus, Channel, Company, Job, JobType, Member, Platform } from '../model.js';
import type { Notice, OutboxMessage, Recipient } from '../notifications/types.js';

/** Thrown by `bookings.create` / `bookings.moveTo` when a staff member's time is already taken. */
export class SlotTakenError extends Error {
  constructor() {
    super('slot taken');
    this.name = 'SlotTakenError';
  }
}

/** Thrown by `bookings.create` / `bookings.moveTo` when the member already holds a booking at an overlapping time. */
export class PersonBusyError extends Error {
  constructor() {
    super('person already booked at that time');
    this.name = 'PersonBusyError';
  }
}

/** The cells a booking claims besides its staff member's session cells. */
export interface ExtraCells {
  /** The staff member's buffer after the session (kind `buffer`). */
  bufferCells?: Date[];
  /** The booker's own time (PersonBusyError when taken). */
  memberCells?: Date[];
  /** Staff squeeze in an emergency: buffer cells of neighbouring sessions in its way are given up. */
  giveUpBuffers?: boolean;
}

/** Thrown by `companies.create` when the name or code is in use. */
export class DuplicateError extends Error {
  constructor(public readonly what: string) {
    super(`${what} already exists`);
    this.name = 'DuplicateError';
  }
}

export interface Store {
  /** One unit of work. Everything inside commits together or not at all. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Reads outside a transaction (no BEGIN/COMMIT): for read-only work whose reads need no snapshot
   * shared between them (a lookup; a proposal that a later transaction checks again). It sees committed
   * data only (SQLite: it takes its turn between transactions like one, so nothing else in this process
   * writes while it runs; PostgreSQL: read committed, as its transactions are, each read on a pool
   * connection, a long one possibly split over two at once). Never write through it.
   */
  read<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface Tx {
  companies: CompanyRepo;
  members: MemberRepo;
  linkAttempts: LinkAttemptRepo;
  bookings: BookingRepo;
  jobs: JobRepo;
  outbox: OutboxRepo;
  audit: AuditRepo;
  payments: PaymentRepo;
  calendarFeeds: CalendarFeedRepo;
  checkouts: CheckoutRepo;
  paymentEvents: PaymentEventRepo;
}

/** Staff members' private calendar subscriptions. */
export interface CalendarFeedRepo {
  /** The staff member's live (not revoked) feed token, if any. */
  current(staffId: string): Promise<string | null>;
  /** Revokes every live feed of the staff member and records a new one. */
  replace(staffId: string, token: string, at: Date): Promise<void>;
  /** Revokes every live feed of the staff member; returns how many. */
  revoke(staffId: string, at: Date): Promise<number>;
  /** The staff member a live token belongs to; null for unknown or revoked tokens. */
  staffFor(token: string): Promise<string | null>;
}

export interface CompanyRepo {
  get(id: string): Promise<Company | null>;
  /** Those of these ids that exist, in no particular order (one read for a batch). */
  getMany(ids: string[]): Promise<Company[]>;
  findByName(name: string): Promise<Company | null>;
  findByCodeHash(codeHash: string): Promise<Company | null>;
  create(data: { name: string; code: string | null; codeHash: string | null; planUntil: Date | null; contactEmail?: string | null }): Promise<Company>;
  update(id: string, patch: Partial<Pick<Company, 'planUntil' | 'strikes' | 'suspended' | 'suspendedAt' | 'contactEmail'>> & { code?: string | null; codeHash?: string | null }): Promise<Company>;
  /** Suspends the company if it is not suspended yet (conditional: true when this call did it). */
  suspend(id: string, at: Date): Promise<boolean>;
  /** Lifts the suspension begun at `suspendedAt` and clears the strikes, if still in place (conditional). */
  reinstate(id: string, suspendedAt: Date | null): Promise<boolean>;
  /** Lifts the suspension begun at `suspendedAt` without touching the strikes (a reversed no-show). */
  unsuspend(id: string, suspendedAt: Date | null): Promise<boolean>;
  /** Removes one strike (not below zero) and returns the company as it now is. */
  removeStrike(id: string): Promise<Company>;
  /** The code hash, to tell whether a member linked with the current code. */
  codeHash(id: string): Promise<string | null>;
  /** Adds one strike atomically and returns the company as it now is. */
  addStrike(id: string): Promise<Company>;
  list(): Promise<Company[]>;
}

export interface MemberRepo {
  get(id: string): Promise<Member | null>;
  /** Those of these ids that exist, in no particular order (one read for a batch). */
  getMany(ids: string[]): Promise<Member[]>;
  find(platform: Platform, platformUserId: string): Promise<Member | null>;
  /** Finds or creates the member; updates name, zone and locale when given. */
  upsert(data: { platform: Platform; platformUserId: string; displayName?: string | null; zone?: string | null; locale?: string | null }): Promise<Member>;
  update(id: string, patch: Partial<Pick<Member, 'companyId' | 'zone' | 'locale' | 'language' | 'displayName' | 'linkedCodeHash' | 'email' | 'emailSource' | 'notifyVia'>>): Promise<Member>;
  listByCompany(companyId: string): Promise<Member[]>;
}

export interface LinkAttemptRepo {
  /** Serialises code attempts of one person until the transaction ends (a row lock on PostgreSQL). */
  lock(memberId: string): Promise<void>;
  record(memberId: string, success: boolean, at: Date): Promise<void>;
  /** Wrong attempts at or after `since`, oldest first. */
  failuresSince(memberId: string, since: Date): Promise<Date[]>;
}

export type NewBooking = Omit<Booking, 'id' | 'createdAt' | 'updatedAt' | 'joinedAt' | 'joinedVia'>;

/** A staff member's time taken by a booking, buffer included. */
export interface BusyInterval {
  bookingId: string;
  staffId: string;
  start: Date;
  end: Date;
  bufferMinutes: number;
}

/**
 * One staff member's busy time as epoch milliseconds, ascending by start: each live booking's start
 * and the end of its time plus its own buffer (until when it blocks). Plain numbers rather than a
 * booking object each: a month's availability search reads thousands of bookings.
 */
export interface BusyTimes {
  staffId: string;
  starts: number[];
  /** `ends[i]`: end plus buffer of the booking starting at `starts[i]`. */
  ends: number[];
}

export interface BookingRepo {
  get(id: string): Promise<Booking | null>;
  getMany(ids: string[]): Promise<Booking[]>;
  findByJoinToken(token: string): Promise<Booking | null>;
  findByReference(reference: string): Promise<Booking | null>;
  findByManageToken(token: string): Promise<Booking | null>;
  /** A staff member's bookings (any status) starting in [from, to), soonest first: their calendar feed. */
  forStaff(staffId: string, from: Date, to: Date): Promise<Booking[]>;
  /** Inserts the booking and claims its staff cells; throws SlotTakenError if any cell is taken. */
  create(data: NewBooking, cells: Date[], extra?: ExtraCells): Promise<Booking>;
  /**
   * Moves a booking to a new time/staff if it is still as the caller read it (status in `guard.from`,
   * start `guard.startsAt`): releases its cells, claims the new ones (SlotTakenError), and forgets any
   * earlier join. Returns null when someone else changed the booking first.
   */
  moveTo(
    id: string,
    guard: { from: BookingStatus[]; startsAt: Date | null },
    patch: { staffId: string; startsAt: Date; endsAt: Date; bufferMinutes: number },
    cells: Date[],
    extra?: ExtraCells,
  ): Promise<Booking | null>;
  /**
   * Changes status only if it is still one of `from` (and, given `sequence`, still at that sequence:
   * not changed since the caller read it); returns null if someone else changed it first.
   */
  transition(
    id: string,
    from: BookingStatus[],
    patch: Partial<Pick<Booking, 'status' | 'joinedAt' | 'joinedVia' | 'staffId' | 'startsAt' | 'endsAt' | 'meetingUrl'>>,
    opts?: { onlyIfNotJoined?: boolean; sequence?: number },
  ): Promise<Booking | null>;
  /** Frees the staff member's cells (cancel, decline). */
  releaseCells(id: string): Promise<void>;
  /** Records the first join; later joins leave it as it was. Returns the booking. */
  recordJoin(id: string, at: Date, via: Booking['joinedVia'] & string): Promise<Booking>;
  /** Time taken by live bookings (pending or confirmed) of these staff overlapping [from, to). */
  busy(staffIds: string[], from: Date, to: Date): Promise<BusyInterval[]>;
  /**
   * Live bookings of these staff starting in [startsFrom, startsBefore), one entry per staff member
   * with any (ascending by start): an availability search reads on from where it stopped.
   */
  busyTimes(staffIds: string[], startsFrom: Date, startsBefore: Date): Promise<BusyTimes[]>;
  /** A member's company's (or the member's own) bookings with a start at or after `from` (or no start yet), soonest first: at most `limit` (50 when not given). */
  upcomingFor(q: { companyId: string | null; memberId: string; from: Date; statuses: BookingStatus[]; limit?: number }): Promise<Booking[]>;
  /** Bookings starting in [from, to), any status, soonest first (staff's day view). */
  startingBetween(from: Date, to: Date): Promise<Booking[]>;
  listByStatus(statuses: BookingStatus[], limit: number): Promise<Booking[]>;
}

export interface JobRepo {
  schedule(jobs: { bookingId: string; type: JobType; dueAt: Date }[]): Promise<void>;
  /** Voids a booking's pending jobs (after cancel or reschedule). */
  voidPending(bookingId: string): Promise<number>;
  /** Claims up to `limit` due jobs for this sweep (conditional update: two sweepers never share one). */
  claimDue(now: Date, limit: number, claimToken: string, leaseUntil: Date): Promise<Job[]>;
  /** Extends this sweep's claim on a job; false if the claim was lost (its lease ran out and another sweep took it). */
  renew(id: string, claimToken: string, until: Date): Promise<boolean>;
  finish(id: string, claimToken: string, outcome: 'done' | 'void', at: Date): Promise<void>;
  retryLater(id: string, claimToken: string, error: string, nextAt: Date, giveUp: boolean): Promise<void>;
  /** For tests and the console's skip-ahead: jobs by status and booking, soonest first. */
  list(q: { status?: string; bookingId?: string }): Promise<Array<{ id: string; bookingId: string; type: JobType; status: string; dueAt: Date }>>;
}

export interface NewOutboxMessage {
  recipient: Recipient;
  /** Absent: 'chat'. Core's email fan-out adds the 'email' copies (core/notifications/channels.ts). */
  channel?: Channel;
  /** Queued on this channel only, if the person gets that channel at all (what the other already said another way). */
  only?: Channel;
  bookingId: string | null;
  notice: Notice;
  dueAt: Date;
}

export interface DeliveredMessage {
  id: string;
  type: Notice['type'];
  memberId: string | null;
  deliveryRef: string;
  /** Its reader's language now (their choice, else their platform's locale); null for the staff channel. */
  locale: string | null;
  /** Its reader's zone now, if they set one; null for the staff channel or a reader without one. */
  zone?: string | null;
  /** What it said (its card carries the zone it was shown in), so an edit reads in its reader's language and zone. */
  notice: Notice;
}

/** What became of one claimed message, recorded with others in one `recordOutcomes` call. */
export type DeliveryOutcome =
  | { id: string; kind: 'sent'; ref: string | null }
  | { id: string; kind: 'failed'; error: string }
  | { id: string; kind: 'void'; why: string }
  | { id: string; kind: 'retry'; error: string; nextAt: Date };

export interface OutboxDepth {
  /** Rows not yet delivered, failed or voided: due now or later. */
  pending: number;
  /** Of those, the ones due now (the backlog). */
  due: number;
  /** The due time of the oldest due row; null when nothing is due. */
  oldestDueAt: Date | null;
}

export interface OutboxRepo {
  enqueue(messages: NewOutboxMessage[]): Promise<void>;
  /** Voids a booking's undelivered messages of these types (e.g. reminders after a cancel). */
  voidPending(bookingId: string, types: Notice['type'][]): Promise<number>;
  claimDue(now: Date, limit: number, claimToken: string, leaseUntil: Date): Promise<OutboxMessage[]>;
  /** Extends this sweep's claim on a message; false if the claim was lost. */
  renew(id: string, claimToken: string, until: Date): Promise<boolean>;
  markSent(id: string, claimToken: string, at: Date, ref: string | null): Promise<void>;
  markFailed(id: string, claimToken: string, error: string): Promise<void>;
  markVoid(id: string, claimToken: string, why: string): Promise<void>;
  retryLater(id: string, claimToken: string, error: string, nextAt: Date): Promise<void>;
  /**
   * Records many outcomes at once (a few statements, whatever their number); `sentAt` is `at` for
   * every sent one. Rows no longer claimed with this token (another sweep took them over) are left alone.
   */
  recordOutcomes(claimToken: string, at: Date, outcomes: DeliveryOutcome[]): Promise<void>;
  /** Chat messages about a booking that reached someone, with the adapter's reference (to edit them later). */
  delivered(bookingId: string): Promise<DeliveredMessage[]>;
  /** How many rows wait (due now or later), how many are due now, and the oldest due one's time (for metrics). */
  depth(now: Date): Promise<OutboxDepth>;
  /** For tests and the console: every row about a booking or member, oldest first; chat rows unless `channel` says otherwise. */
  list(q: { bookingId?: string; memberId?: string; status?: string; channel?: Channel }): Promise<Array<{ id: string; bookingId: string | null; type: string; status: string; attempts: number; lastError: string | null; dueAt: Date; notice: Notice; channel: Channel }>>;
}

export interface AuditRepo {
  record(entry: Omit<AuditEntry, 'id'>): Promise<void>;
  history(entity: AuditEntry['entity'], entityId: string): Promise<AuditEntry[]>;
}

export type PaymentPurpose = 'reinstatement' | 'session_fee' | 'unmatched';

export interface PaymentRepo {
  /** Records a payment; DuplicateError when this suspension's reinstatement is already recorded. */
  record(p: {
    companyId: string | null;
    purpose: PaymentPurpose;
    amountCents: number;
    currency: string;
    recordedBy: string;
    at: Date;
    reference: string;
    suspendedAt: Date | null;
    bookingId?: string | null;
    checkoutId?: string | null;
    providerPaymentId?: string | null;
  }): Promise<void>;
  listByCompany(companyId: string): Promise<Payment[]>;
  listByBooking(bookingId: string): Promise<Payment[]>;
}

export interface Payment {
  purpose: string;
  amountCents: number;
  currency: string;
  recordedBy: string;
  at: Date;
  reference: string | null;
  suspendedAt: Date | null;
  bookingId?: string | null;
  checkoutId?: string | null;
  providerPaymentId?: string | null;
}

/** A checkout opened with the payment provider (see core/ports/payments.ts). */
export interface Checkout {
  id: string;
  purpose: 'session_fee' | 'reinstatement';
  bookingId: string | null;
  companyId: string | null;
  suspendedAt: Date | null;
  amountCents: number;
  currency: string;
  url: string;
  status: 'open' | 'paid' | 'expired';
  createdAt: Date;
}

export interface CheckoutRepo {
  create(c: Omit<Checkout, 'status'>): Promise<void>;
  get(id: string): Promise<Checkout | null>;
  /** The newest open checkout of a booking or company, if any. */
  openFor(q: { bookingId?: string; companyId?: string }): Promise<Checkout | null>;
  /** Changes the status only if it is still one of `from` (conditional: true when this call did it). */
  settle(id: string, from: Checkout['status'][], to: Checkout['status']): Promise<boolean>;
}

export interface PaymentEventRepo {
  /** Records an event id as processed; false when it was processed before (a replay). */
  claim(id: string, type: string, at: Date): Promise<boolean>;
}

export type { Actor, SessionKind };
