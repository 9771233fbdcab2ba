/**
 * One pass of the sweeper: claim due jobs (no-show checks, end of the change window) and due outbox
 * messages (confirmations, reminders, …), perform them, and record the outcome. Claims are
 * conditional updates, so two instances sweeping at once never do the same item; a claimed item
 * whose sweeper died is claimed again when its lease runs out. Nothing due is lost across restarts.
 */
import { languageOf } from '../companies/set-language.js';
import type { CoreDeps } from '../deps.js';
import type { BookingCard, Notice, Notifier, OutboxMessage } from '../notifications/types.js';
import type { DeliveryOutcome } from '../ports/store.js';
import type { Booking, Company, Job, Member } from '../model.js';
import { closeIfNoShow } from '../attendance/close-no-show.js';
import { expireApproval } from '../booking/expire-approval.js';
import { releaseHold } from '../payments/booking-hold.js';
import { bookingCard, cardMoment, loadCard } from '../notifications/booking-card.js';
import { reminderLead, reminderStillUseful, reminderSuperseded } from '../policy/schedule-plan.js';
import { backoffMs, MAX_ATTEMPTS } from './backoff.js';
import { emailAddressFor } from '../notifications/channels.js';

export const LEASE_MS = 2 * 60_000;
/** Delivery outcomes are recorded together, up to this many at a time… */
export const OUTCOME_BATCH = 500;
/** …and at most this long after the delivery. */
export const OUTCOME_FLUSH_MS = 100;
/** Notices the adapters show by editing earlier messages about the booking (they read those messages' references). */
const EDITS_EARLIER = new Set<Notice['type']>(['actions_expired', 'staff_booking_cancelled', 'suspension_ended']);
/**
 * Notices to the booker whose card is made again when they go out (a reminder, a confirmation held up
 * by retries): whether changes are still open, which reminders are still to come, and the booker's
 * zone are as they are at delivery, not as they were when the row was written.
 */
const CARD_AT_DELIVERY = new Set<Notice['type']>(['reminder', 'booking_confirmed', 'booking_approved', 'booking_pending', 'booking_rescheduled', 'emergency_scheduled']);

/** What the sweep read once for its batch: the bookings its messages are about, their bookers and companies. */
interface BatchReads {
  bookings: Map<string, Booking>;
  members: Map<string, Member>;
  companies: Map<string, Company>;
  /** Cards made this sweep, by booking and moment (a backlog of one booking's messages builds its card once). */
  cards: Map<string, BookingCard>;
}

/** The message with its card rebuilt at `now`, if the booking is still as the card showed it (same status and sequence). */
function cardAtDelivery(config: CoreDeps['config'], m: OutboxMessage, reads: BatchReads, now: Date): OutboxMessage {
  if (!m.bookingId || m.recipient.to !== 'member' || !CARD_AT_DELIVERY.has(m.notice.type) || !('booking' in m.notice)) return m;
  const b = reads.bookings.get(m.bookingId);
  const old = m.notice.booking;
  if (!b || b.memberId !== m.recipient.memberId || b.status !== old.status || (b.sequence ?? 0) !== (old.sequence ?? 0)) return m;
  const member = reads.members.get(b.memberId) ?? null;
  const company = b.companyId ? (reads.companies.get(b.companyId) ?? null) : null;
  const key = `${b.id}:${cardMoment(config, b, now)}`;
  let booking = reads.cards.get(key);
  if (!booking) reads.cards.set(key, (booking = bookingCard(config, b, { member, company, now })));
  const notice = m.notice.type === 'reminder' ? { ...m.notice, booking, minutesBefore: reminderLead(b.startsAt!, now, m.notice.minutesBefore) } : { ...m.notice, booking };
  return { ...m, notice } as OutboxMessage;
}

export interface SweepReport {
  kind: 'swept';
  /** The earliest retry this pass scheduled, so the loop can wake for it before its next interval. */
  nextRetryAt?: Date;
  jobs: number;
  sent: number;
  failed: number;
  retried: number;
  voided: number;
}

async function inPool<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

export function runSweep(deps: CoreDeps) {
  const { store, clock, ids, config, log } = deps;

  /**
   * A claim is a lease. Past half of it, each item renews its own claim before it is worked on, and
   * is skipped if another sweep has taken it over meanwhile (this one was too slow): never done twice.
   */
  async function stillOurs(kind: 'jobs' | 'outbox', id: string, token: string, leaseUntil: Date): Promise<boolean> {
    const now = clock.now().getTime();
    if (now < leaseUntil.getTime() - LEASE_MS / 2) return true;
    return store.transaction((tx) => tx[kind].renew(id, token, new Date(now + LEASE_MS)));
  }

  async function performJob(job: Job, token: string, report: SweepReport, leaseUntil: Date): Promise<void> {
    if (!(await stillOurs('jobs', job.id, token, leaseUntil))) return;
    const now = clock.now();
    try {
      await store.transaction(async (tx) => {
        if (job.type === 'no_show_check') {
          await closeIfNoShow(tx, config, job.bookingId, now, { payOnline: !!deps.payments });
        } else if (job.type === 'approval_timeout') {
          await expireApproval(tx, config, job.bookingId, now);
        } else if (job.type === 'payment_hold') {
          await releaseHold(tx, config, job.bookingId, now, 'hold_expired');
        } else {
          const b = await tx.bookings.get(job.bookingId);
          if (b && b.status === 'confirmed') {
            const card = await loadCard(tx, config, b, now);
            await tx.outbox.enqueue([{ recipient: { to: 'member', memberId: b.memberId }, bookingId: b.id, notice: { type: 'actions_expired', booking: card, why: 'cutoff_passed' }, dueAt: now }]);
          }
        }
        await tx.jobs.finish(job.id, token, 'done', now);
      });
      report.jobs++;
    } catch (e) {
      const error = (e as Error).message;
      log?.error({ jobId: job.id, type: job.type, err: error }, 'job failed');
      await store.transaction((tx) => tx.jobs.retryLater(job.id, token, error, new Date(now.getTime() + backoffMs(job.attempts)), job.attempts >= MAX_ATTEMPTS));
      report.retried++;
    }
  }

  /**
   * Delivery outcomes are written in batches, not one transaction per message: at most
   * OUTCOME_BATCH at a time and never held longer than OUTCOME_FLUSH_MS. A crash between a delivery
   * and its batch's write can therefore re-send at most that batch (see README, at least once).
   */
  function outcomeBuffer(token: string) {
    let pending: DeliveryOutcome[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    let writing: Promise<void> = Promise.resolve();
    const bookingsPending = new Set<string>();
    function flush(): Promise<void> {
      if (timer) clearTimeout(timer);
      timer = null;
      const batch = pending;
      pending = [];
      bookingsPending.clear();
      if (batch.length === 0) return writing;
      // A failed write is logged (by whoever awaits it) and does not stop the next batch's.
      writing = writing.catch(() => undefined).then(() => store.transaction((tx) => tx.outbox.recordOutcomes(token, clock.now(), batch)));
      return writing;
    }
    return {
      async add(o: DeliveryOutcome, bookingId: string | null): Promise<void> {
        pending.push(o);
        if (bookingId) bookingsPending.add(bookingId);
        if (pending.length >= OUTCOME_BATCH) await flush();
        else timer ??= setTimeout(() => void flush().catch((e: Error) => log?.error({ err: e.message }, 'recording delivery outcomes failed')), OUTCOME_FLUSH_MS);
      },
      /** Before a message that edits earlier ones goes out, their references must be in the store. */
      async before(m: OutboxMessage): Promise<void> {
        if (m.bookingId && EDITS_EARLIER.has(m.notice.type) && bookingsPending.has(m.bookingId)) await flush();
      },
      flush,
    };
  }

  async function deliver(m: OutboxMessage, token: string, notifier: Notifier, report: SweepReport, reads: BatchReads, leaseUntil: Date, outcomes: ReturnType<typeof outcomeBuffer>): Promise<void> {
    if (!(await stillOurs('outbox', m.id, token, leaseUntil))) return;
    const now = clock.now();
    if (m.notice.type === 'reminder' && m.bookingId) {
      const b = reads.bookings.get(m.bookingId);
      if (!b || b.status !== 'confirmed' || !b.startsAt || !reminderStillUseful(b.startsAt, now)) {
        await outcomes.add({ id: m.id, kind: 'void', why: 'session no longer ahead' }, m.bookingId);
        report.voided++;
        return;
      }
      if (reminderSuperseded(b.startsAt, now, m.notice.minutesBefore, config.policy.reminderMinutesBefore)) {
        await outcomes.add({ id: m.id, kind: 'void', why: 'superseded by a later reminder' }, m.bookingId);
        report.voided++;
        return;
      }
    }
    m = cardAtDelivery(config, m, reads, now);
    if (m.channel === 'email') {
      // The address is read when the mail goes out, so a later /email change is followed.
      const to = await store.transaction(async (tx) => {
        if (m.recipient.to === 'staff') return { email: config.mail?.staffAddress ?? null, locale: null };
        const member = await tx.members.get(m.recipient.memberId);
        const company = member?.companyId ? await tx.companies.get(member.companyId) : null;
        return { email: config.mail ? emailAddressFor(config, member, company) : null, locale: languageOf(member) };
      });
      if (!to.email) {
        await outcomes.add({ id: m.id, kind: 'void', why: 'no email address' }, m.bookingId);
        report.voided++;
        return;
      }
      m = { ...m, email: to.email, locale: to.locale };
    }
    await outcomes.before(m);
    let result;
    try {
      result = await notifier.deliver(m);
    } catch (e) {
      result = { kind: 'retry' as const, error: (e as Error).message };
    }
    if (result.kind === 'sent') {
      await outcomes.add({ id: m.id, kind: 'sent', ref: result.ref ?? null }, m.bookingId);
      report.sent++;
    } else if (result.kind === 'failed' || m.attempts >= MAX_ATTEMPTS) {
      await outcomes.add({ id: m.id, kind: 'failed', error: result.error }, m.bookingId);
      log?.warn({ notificationId: m.id, type: m.notice.type, err: result.error }, 'delivery failed');
      report.failed++;
    } else {
      // The platform said when (429 Retry-After): that wins over our own backoff, shorter or longer.
      const wait = result.retryAfterMs !== undefined ? Math.max(0, result.retryAfterMs) : backoffMs(m.attempts);
      const retryAt = new Date(now.getTime() + wait);
      await outcomes.add({ id: m.id, kind: 'retry', error: result.error, nextAt: retryAt }, m.bookingId);
      report.retried++;
      if (!report.nextRetryAt || retryAt < report.nextRetryAt) report.nextRetryAt = retryAt;
    }
  }

  return async (input: { notifier: Notifier; limit?: number; concurrency?: number }): Promise<SweepReport> => {
    const limit = input.limit ?? 500;
    const report: SweepReport = { kind: 'swept', jobs: 0, sent: 0, failed: 0, retried: 0, voided: 0 };
    const leaseFrom = (d: Date) => new Date(d.getTime() + LEASE_MS);

    const jobToken = ids.token();
    const jobsClaimedAt = clock.now();
    const jobLease = leaseFrom(jobsClaimedAt);
    const jobs = await store.transaction((tx) => tx.jobs.claimDue(jobsClaimedAt, limit, jobToken, jobLease));
    for (const job of jobs) await performJob(job, jobToken, report, jobLease);

    // Jobs may have queued messages that are due now: deliver those in the same pass.
    const msgToken = ids.token();
    const msgsClaimedAt = clock.now();
    const msgLease = leaseFrom(msgsClaimedAt);
    const messages = await store.transaction((tx) => tx.outbox.claimDue(msgsClaimedAt, limit, msgToken, msgLease));
    // Reminders are sent only for sessions still ahead, and cards to the booker are made again at
    // delivery: read their bookings, bookers and companies once for the batch.
    const readBookings = [...new Set(messages.filter((m) => m.bookingId && CARD_AT_DELIVERY.has(m.notice.type)).map((m) => m.bookingId!))];
    const none: BatchReads = { bookings: new Map(), members: new Map(), companies: new Map(), cards: new Map() };
    const reads = readBookings.length === 0 ? none : await store.transaction(async (tx): Promise<BatchReads> => {
      const bookings = new Map((await tx.bookings.getMany(readBookings)).map((b) => [b.id, b]));
      const memberIds = [...new Set([...bookings.values()].map((b) => b.memberId))];
      const companyIds = [...new Set([...bookings.values()].flatMap((b) => (b.companyId ? [b.companyId] : [])))];
      const members = new Map((await tx.members.getMany(memberIds)).map((m) => [m.id, m]));
      const companies = new Map((await tx.companies.getMany(companyIds)).map((c) => [c.id, c]));
      return { bookings, members, companies, cards: new Map() };
    });
    // Different bookings' messages go out side by side; one booking's go out in the order they were
    // queued, so an "actions expired" edit never reaches a message queued after it.
    const byBooking = new Map<string, OutboxMessage[]>();
    for (const m of messages) {
      // Chat and email are separate queues: a slow or failing SMTP server never holds up chat.
      const key = m.bookingId ? `${m.channel ?? 'chat'}:${m.bookingId}` : `message:${m.id}`;
      byBooking.set(key, [...(byBooking.get(key) ?? []), m]);
    }
    const outcomes = outcomeBuffer(msgToken);
    try {
      await inPool([...byBooking.values()], input.concurrency ?? 8, async (group) => {
        for (const m of group) await deliver(m, msgToken, input.notifier, report, reads, msgLease, outcomes);
      });
    } finally {
      await outcomes.flush();
    }
    if (jobs.length || messages.length) log?.info({ ...report }, 'sweep');
    return report;
  };
}
