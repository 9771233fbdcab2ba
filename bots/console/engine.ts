/**
 * The console adapter's listeners, without HTTP: what a typed command or a pressed button does, the
 * message feed of each pane, and the simulated clock's "skip ahead". The web server (start-console.ts)
 * and the scripted demo (scripts/demo.ts) both drive this, so the page and the transcript agree.
 *
 * The feed is durable: delivered outbox rows (status 'sent') are the messages; only the replies to
 * commands (Slack's ephemeral answers) are kept in memory.
 */
import type { Core } from '../../core/index.js';
import { parseEmailArgs, presentCalendarFeed, presentEmailSettings } from '../shared/present/email-settings.js';
import { personContext, ts, type Message as SharedMessage, type Text as SharedText } from '../shared/present/index.js';
import { timeText } from '../shared/present/time-text.js';
import type { Config } from '../../core/config/schema.js';
import type { ManualClock } from '../../core/ports/clock.js';
import type { Store } from '../../core/ports/store.js';
import type { DeliveryResult, Notice, Notifier, OutboxMessage } from '../../core/notifications/types.js';
import type { Caller } from '../../core/policy/staff.js';
import type { AuditEntry } from '../../core/model.js';
import { memoryConsoleState, type ConsoleStateStore } from '../../prisma/store/console-state.js';
import { at, money, when } from './render/format.js';
import { message, type ButtonAction, type ConsoleButton, type ConsoleMessage } from './render/message.js';
import { renderContext, renderNotice, type ButtonState, type RenderContext } from './render/notice.js';
import * as present from './render/present.js';
import { readCodeText } from '../shared/wording.js';
import { CUSTOMERS, customerCaller, staffCaller, staffPersonas, type StaffPersona } from './personas.js';

export type Pane = 'customer' | 'staff';

export interface Who {
  pane: Pane;
  /** A customer persona id ('ana') or a staff console identity ('alice'). */
  user: string;
}

export interface FeedItem {
  id: string;
  /** Simulated instant (ISO) the item appeared. */
  at: string;
  atText: string;
  from: 'you' | 'slotkeeper';
  /** 'notice': an outbox message (everyone in the pane sees it); 'reply': an answer to what this person did. */
  kind: 'notice' | 'reply' | 'typed';
  text: string;
  buttons: ConsoleButton[];
}

/** What happened, for listeners such as the demo's printer and the page's server-sent events. */
export type ConsoleEvent =
  | { kind: 'typed'; who: Who; at: Date; text: string }
  | { kind: 'reply'; who: Who; at: Date; message: ConsoleMessage }
  | { kind: 'notice'; who: Who; at: Date; notice: Notice; message: ConsoleMessage | null }
  | { kind: 'clock'; at: Date };

export type SkipTarget = 'next_reminder' | 'start' | 'plus10' | 'plus60' | 'plus1d';

export class UnknownPersonError extends Error {}

/** What the console keeps in its ConsoleState row besides the clock. */
interface SavedFeed {
  seq: number;
  replies: Record<string, FeedItem[]>;
  delivered: Record<string, number>;
}

export class ConsoleEngine {
  readonly ctx: RenderContext;
  readonly staff: StaffPersona[];
  private readonly replies = new Map<string, FeedItem[]>();
  private readonly listeners = new Set<(e: ConsoleEvent) => void>();
  /** One counter for replies and deliveries, to keep the order things happened in at the same simulated instant. */
  private seq = 0;
  private readonly deliveredSeq = new Map<string, number>();
  /** Delivers outbox messages into the feed: the rows are marked sent, and listeners are told. */
  readonly notifier: Notifier;
  private readonly state: ConsoleStateStore;
  private saving: Promise<void> = Promise.resolve();
  private saveQueued = false;

  constructor(private readonly deps: { core: Core; store: Store; config: Config; clock: ManualClock; sweep: () => Promise<void>; state?: ConsoleStateStore }) {
    this.ctx = renderContext(deps.config);
    this.staff = staffPersonas(deps.config);
    this.notifier = { deliver: (m) => this.deliver(m) };
    this.state = deps.state ?? memoryConsoleState();
  }

  /**
   * Picks up where this database left off: its simulated time, the replies each person saw and the
   * order things happened in. A database without a clock starts at `fresh` (a working morning).
   * Returns whether the clock came from the database.
   */
  async restore(fresh: Date): Promise<{ resumed: boolean }> {
    const [clock, feed] = await Promise.all([this.state.get('clock'), this.state.get('feed')]);
    if (feed) {
      const saved = JSON.parse(feed) as SavedFeed;
      this.seq = saved.seq;
      for (const [k, items] of Object.entries(saved.replies)) this.replies.set(k, items);
      for (const [id, n] of Object.entries(saved.delivered)) this.deliveredSeq.set(id, n);
    }
    this.deps.clock.set(clock ? new Date(clock) : fresh);
    if (!clock) await this.save();
    return { resumed: clock !== null };
  }

  /**
   * Writes the clock and the in-memory feed state, one write after another, each the latest. A burst
   * of changes while a write runs is coalesced into one more write.
   */
  private save(): Promise<void> {
    if (this.saveQueued) return this.saving;
    this.saveQueued = true;
    this.saving = this.saving
      .then(async () => {
        this.saveQueued = false;
        const feed: SavedFeed = { seq: this.seq, replies: Object.fromEntries(this.replies), delivered: Object.fromEntries(this.deliveredSeq) };
        await this.state.set('clock', this.deps.clock.now().toISOString());
        await this.state.set('feed', JSON.stringify(feed));
      })
      .catch(() => {});
    return this.saving;
  }

  /** Resolves once everything so far is written (tests, shutdown). */
  flush(): Promise<void> {
    return this.save();
  }

  listen(fn: (e: ConsoleEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(e: ConsoleEvent): void {
    for (const fn of this.listeners) fn(e);
  }

  private async deliver(m: OutboxMessage): Promise<DeliveryResult> {
    if (m.recipient.to === 'member' && m.platform !== 'console') return { kind: 'retry', error: `the ${m.platform ?? 'unknown'} adapter is not running` };
    this.deliveredSeq.set(m.id, ++this.seq);
    void this.save();
    const who: Who = m.recipient.to === 'member' ? { pane: 'customer', user: m.platformUserId ?? '' } : { pane: 'staff', user: '' };
    this.emit({ kind: 'notice', who, at: this.deps.clock.now(), notice: m.notice, message: renderNotice(m.notice, this.ctx, 'all', this.deps.clock.now()) });
    return { kind: 'sent', ref: `console:${m.id}` };
  }

  now(): Date {
    return this.deps.clock.now();
  }

  /** The zone a pane's person reads times in. */
  zoneOf(who: Who): string {
    if (who.pane === 'staff') return this.staff.find((s) => s.id === who.user)?.zone ?? this.deps.config.vendor.zone;
    return CUSTOMERS.find((c) => c.id === who.user)?.zone ?? this.deps.config.vendor.zone;
  }

  caller(who: Who): Caller {
    if (who.pane === 'staff') {
      const s = this.staff.find((p) => p.id === who.user);
      if (!s) throw new UnknownPersonError(`no staff member has the console identity "${who.user}"`);
      return staffCaller(s);
    }
    const c = CUSTOMERS.find((p) => p.id === who.user);
    if (!c) throw new UnknownPersonError(`no demo customer "${who.user}"`);
    return customerCaller(c);
  }

  private key(who: Who): string {
    return `${who.pane}:${who.user}`;
  }

  private remember(who: Who, kind: 'reply' | 'typed', m: ConsoleMessage): FeedItem {
    const now = this.now();
    const item: FeedItem = { id: `r${++this.seq}`, at: now.toISOString(), atText: at(now, this.zoneOf(who)), from: kind === 'typed' ? 'you' : 'slotkeeper', kind, text: m.text, buttons: m.buttons };
    const list = this.replies.get(this.key(who)) ?? [];
    list.push(item);
    this.replies.set(this.key(who), list);
    void this.save();
    return item;
  }

  private async answer(who: Who, messages: ConsoleMessage[]): Promise<FeedItem[]> {
    const items = messages.map((m) => {
      this.emit({ kind: 'reply', who, at: this.now(), message: m });
      return this.remember(who, 'reply', m);
    });
    // Deliver what the call queued (confirmations, staff cards) now rather than at the next tick.
    await this.deps.sweep();
    return items;
  }

  /** A typed line: "/book tomorrow 3pm", "/sessions", "/sk-company reinstate Cedar Pallets" … */
  async command(who: Who, text: string): Promise<FeedItem[]> {
    const caller = this.caller(who);
    const line = text.trim();
    this.emit({ kind: 'typed', who, at: this.now(), text: line });
    this.remember(who, 'typed', message([line]));
    return this.answer(who, await this.runCommand(who, caller, line));
  }

  private async runCommand(who: Who, caller: Caller, line: string): Promise<ConsoleMessage[]> {
    const { core } = this.deps;
    const zone = this.zoneOf(who);
    const [head = '', ...restWords] = line.split(/\s+/);
    const rest = restWords.join(' ').trim();
    switch (head.toLowerCase()) {
      case '/book': {
        if (!rest) {
          const from = this.now();
          const r = await core.findOpenings({ caller, kind: 'online', lengthMinutes: this.deps.config.sessionKinds.online.lengths[0]!, from, to: new Date(from.getTime() + 3 * 86_400_000), limit: 8 });
          return [present.presentOpenings(r, this.ctx, 'online', this.deps.config.sessionKinds.online.lengths[0]!)];
        }
        return [present.presentUnderstand(await core.understandRequest({ caller, text: rest }), this.ctx)];
      }
      case '/sessions':
        return present.presentSessions(await core.listSessions({ caller }));
      case '/fees':
        return [present.presentFees(await core.feeSchedule({ caller }))];
      case '/support-code':
        return rest ? [present.presentLink(await core.linkCompany({ caller, ...readCodeText(rest) }), zone)] : [present.presentProfile(await core.showProfile({ caller }), zone)];
      case '/emergency':
        if (!rest) return [message(['Say briefly what is wrong: /emergency our quotes print blank since the update'])];
        return [present.presentEmergency(await core.requestEmergency({ caller, description: rest }), zone, rest)];
      case '/timezone': {
        const r = await core.setZone({ caller, zone: rest });
        return [r.kind === 'zone_saved' ? message([`Saved: times are shown in ${r.zone}.`]) : message(['That is not a time zone name like Europe/Berlin.'])];
      }
      case '/email':
        return [sharedText(presentEmailSettings(personContext(this.deps.config, caller.locale), await core.setEmail({ caller, ...parseEmailArgs(rest) })).message)];
      case '/sk-calendar': {
        const action = rest.toLowerCase() === 'rotate' || rest.toLowerCase() === 'revoke' ? (rest.toLowerCase() as 'rotate' | 'revoke') : 'show';
        return [sharedText(presentCalendarFeed(personContext(this.deps.config, caller.locale), await core.staffCalendarFeed({ caller, action })).message)];
      }
      case '/today':
      case '/sk-today':
        return present.presentDay(await core.staffDay({ caller, ...(/^\d{4}-\d{2}-\d{2}$/.test(rest) ? { date: rest } : {}) }));
      case '/sk-company':
        return [await this.companyCommand(caller, rest, zone)];
      case '/help':
      case '':
        return [helpMessage()];
      default:
        // A plain sentence ("can I get a call Friday morning?") is a booking request, read as /book reads it.
        if (!head.startsWith('/')) return [present.presentUnderstand(await core.understandRequest({ caller, text: line }), this.ctx)];
        return [message([`I do not know ${head}.`]), helpMessage()];
    }
  }

  private async companyCommand(caller: Caller, rest: string, zone: string): Promise<ConsoleMessage> {
    const { core, config } = this.deps;
    const [sub = '', ...words] = rest.split(/\s+/);
    const args = words.join(' ');
    switch (sub.toLowerCase()) {
      case 'create':
      case 'add': {
        const m = /^(.+?)(?:\s+plan-until\s+(\d{4}-\d{2}-\d{2}))?(?:\s+code\s+(\S+))?$/i.exec(args);
        if (!m) return companyUsage();
        return present.presentCompany(await core.createCompany({ caller, name: m[1]!, planUntil: m[2] ?? null, ...(m[3] ? { code: m[3] } : {}) }), zone);
      }
      case 'plan': {
        const m = /^(.+?)\s+(\d{4}-\d{2}-\d{2}|none)$/i.exec(args);
        if (!m) return companyUsage();
        return present.presentCompany(await core.setPlan({ caller, name: m[1]!, planUntil: m[2]!.toLowerCase() === 'none' ? null : m[2]! }), zone);
      }
      case 'rotate':
        return present.presentCompany(await core.rotateCode({ caller, name: args }), zone);
      case 'reinstate':
        return present.presentCompany(await core.recordReinstatement({ caller, name: args }), zone);
      default:
        return companyUsage();
    }
  }

  /** A pressed button. `itemId` is the message it was on: a reply's buttons are used up once pressed. */
  async action(who: Who, a: { action: ButtonAction; value: string; reason?: string; itemId?: string }): Promise<FeedItem[]> {
    const caller = this.caller(who);
    const messages = await this.runAction(who, caller, a);
    if (a.itemId && a.action !== 'join' && a.action !== 'reschedule') {
      const item = this.replies.get(this.key(who))?.find((i) => i.id === a.itemId);
      if (item) item.buttons = [];
      void this.save();
    }
    return this.answer(who, messages);
  }

  private async runAction(who: Who, caller: Caller, a: { action: ButtonAction; value: string; reason?: string }): Promise<ConsoleMessage[]> {
    const { core } = this.deps;
    const zone = this.zoneOf(who);
    const [first = '', second = '', third = '', fourth = '', fifth = ''] = a.value.split('|');
    switch (a.action) {
      case 'book': {
        const choice = { kind: second, lengthMinutes: Number(third), pay: fourth === 'pay' };
        const r = await core.bookSession({ caller, kind: second === 'phone' ? 'phone' : 'online', lengthMinutes: choice.lengthMinutes, startsAt: new Date(first), payStandardFee: choice.pay, ...(fifth ? { quoteKey: fifth } : {}) });
        return [present.presentBook(r, this.ctx, { ...choice, zone })];
      }
      case 'cancel': {
        // Past the cutoff, ask core to cancel anyway: its refusal states the exact cutoff.
        const view = await core.viewBooking({ caller, bookingId: first });
        if (view.kind === 'booking' && !view.canChange && !view.isStaff) return [present.presentCancel(await core.cancelBooking({ caller, bookingId: first }))];
        return [present.presentCancelAsk(view)];
      }
      case 'cancel-yes':
        return [present.presentCancel(await core.cancelBooking({ caller, bookingId: first }))];
      case 'keep':
        return [message(['Kept: nothing changed.'])];
      case 'reschedule': {
        const view = await core.viewBooking({ caller, bookingId: first });
        if (view.kind !== 'booking') return [present.presentCancelAsk(view)];
        if (!view.canChange) return [message([`${view.booking.reference} can no longer be rescheduled: the change window has closed.`])];
        const from = this.now();
        const r = await core.findOpenings({ caller, kind: view.booking.kind, lengthMinutes: view.booking.lengthMinutes, from, to: new Date(from.getTime() + 7 * 86_400_000), limit: 8 });
        return [present.presentRescheduleOptions(view.booking, r)];
      }
      case 'move':
        return [present.presentReschedule(await core.rescheduleBooking({ caller, bookingId: first, startsAt: new Date(second) }), zone)];
      case 'join':
        return [present.presentJoin(await core.openJoinLink({ token: first }))];
      case 'approve':
        return [present.presentDecision(await core.approveBooking({ caller, bookingId: first }))];
      case 'decline':
        return [present.presentDecision(await core.declineBooking({ caller, bookingId: first, reason: a.reason ?? '' }))];
      case 'squeeze':
        return [present.presentSqueeze(await core.squeezeIn({ caller, bookingId: first, staffId: second, startsAt: new Date(third), outsideHours: fourth === 'outside' }), first, zone)];
      case 'joined':
        return [present.presentMarked(await core.markJoined({ caller, bookingId: first, via: second === 'phone' ? 'phone' : 'online' }), zone)];
      case 'staff-cancel':
        return [present.presentCancel(await core.cancelBooking({ caller, bookingId: first, ...(a.reason ? { reason: a.reason } : {}) }))];
      case 'reinstate':
        return [present.presentCompany(await core.recordReinstatement({ caller, name: first }), zone)];
      case 'emergency':
        return [present.presentEmergency(await core.requestEmergency({ caller, description: a.value, payStandardFee: true }), zone, a.value)];
    }
  }

  /**
   * Moves the simulated clock forward, stopping at every scheduled message and job due on the way
   * (reminders, the end of the change window, the no-show close …), so each happens at its own time.
   */
  async skip(who: Who, target: SkipTarget): Promise<{ now: Date; note: string }> {
    const now = this.now();
    let to: Date | null = null;
    let note = '';
    switch (target) {
      case 'plus10':
        to = new Date(now.getTime() + 10 * 60_000);
        break;
      case 'plus60':
        to = new Date(now.getTime() + 60 * 60_000);
        break;
      case 'plus1d':
        to = new Date(now.getTime() + 86_400_000);
        break;
      case 'next_reminder': {
        const due = (await this.pendingDue(who)).filter((p) => p.type === 'reminder');
        to = due[0]?.dueAt ?? null;
        if (!to) note = await this.whatIsNext(who);
        break;
      }
      case 'start': {
        const caller = who.pane === 'customer' ? this.caller(who) : null;
        const list = caller ? await this.deps.core.listSessions({ caller }) : null;
        const next = list?.kind === 'sessions' ? list.sessions.find((s) => s.booking.status === 'confirmed' && s.booking.startsAt && new Date(s.booking.startsAt) > now) : undefined;
        to = next?.booking.startsAt ? new Date(next.booking.startsAt) : null;
        if (!to) note = 'No confirmed session ahead for this customer.';
        break;
      }
    }
    if (to) await this.advanceTo(to);
    return { now: this.now(), note: note || `Simulated time is now ${at(this.now(), this.zoneOf(who))}.` };
  }

  /** When no reminder is left: what happens next to this customer's session (its start, or its close). */
  private async whatIsNext(who: Who): Promise<string> {
    if (who.pane !== 'customer') return 'No reminder is waiting.';
    const zone = this.zoneOf(who);
    const now = this.now();
    const closeMs = this.deps.config.policy.noShowCloseMinutes * 60_000;
    const booking = await this.deps.store.transaction(async (tx) => {
      const member = await tx.members.find('console', who.user);
      if (!member) return null;
      // From the earliest start whose no-show close may still be ahead.
      const since = new Date(now.getTime() - closeMs - 24 * 3600_000);
      const list = await tx.bookings.upcomingFor({ companyId: member.companyId, memberId: member.id, from: since, statuses: ['confirmed'] });
      return list.find((b) => b.endsAt && b.startsAt && b.endsAt > now && (b.startsAt > now || b.joinedAt || b.startsAt.getTime() + closeMs > now.getTime())) ?? null;
    });
    if (!booking?.startsAt) return 'No reminder is waiting, and no session is booked: type /book to book one.';
    const start = booking.startsAt;
    if (start > now) return `No reminder is left before ${booking.reference}: next is its start, ${at(start, zone)} (skip "to the start").`;
    if (booking.joinedAt) return `No reminder is left: ${booking.reference} is under way until ${at(booking.endsAt!, zone)}.`;
    return `No reminder is left: ${booking.reference} started ${at(start, zone)}; if nobody from the company joins, it closes at ${at(new Date(start.getTime() + closeMs), zone)} (+${this.deps.config.policy.noShowCloseMinutes} min).`;
  }

  async advanceTo(target: Date): Promise<void> {
    const { clock } = this.deps;
    for (let i = 0; i < 500; i++) {
      const next = (await this.pendingDue()).find((p) => p.dueAt > clock.now() && p.dueAt <= target);
      if (!next) break;
      clock.set(next.dueAt);
      await this.deps.sweep();
    }
    if (target > clock.now()) clock.set(target);
    await this.deps.sweep();
    await this.save();
    this.emit({ kind: 'clock', at: clock.now() });
  }

  /**
   * Everything still to happen, soonest first: queued messages and scheduled jobs. With a customer,
   * only the messages queued for that customer (their reminders, not another customer's).
   */
  private async pendingDue(customer?: Who): Promise<Array<{ type: string; dueAt: Date }>> {
    const [rows, jobs] = await this.deps.store.transaction(async (tx) => {
      if (customer?.pane === 'customer') {
        const member = await tx.members.find('console', customer.user);
        return [member ? await tx.outbox.list({ memberId: member.id, status: 'pending' }) : [], []] as const;
      }
      return Promise.all([tx.outbox.list({ status: 'pending' }), tx.jobs.list({ status: 'pending' })]);
    });
    return [...rows, ...jobs].map((r) => ({ type: r.type, dueAt: r.dueAt })).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  }

  /** The customer's company standing, for the line under the customer pane: it follows suspension and reinstatement. */
  async standing(who: Who): Promise<string> {
    if (who.pane !== 'customer') return '';
    const caller = this.caller(who);
    const p = await this.deps.core.showProfile({ caller });
    const zone = `Times in ${this.zoneOf(who)}.`;
    if (p.kind !== 'profile') return `Not linked to a company yet: type /support-code and your company's code. ${zone}`;
    const f = p.profile;
    const strikes = f.strikes ? `, no-shows ${f.strikes} of ${f.strikeLimit}` : '';
    if (f.suspended) return `${f.companyName}: free sessions suspended after ${f.strikes} no-shows until staff record the ${money(this.ctx.reinstatementCents, this.ctx.currency)} reinstatement; paid sessions only. ${zone}`;
    if (f.planActive) return `${f.companyName}: maintenance plan, sessions are free${strikes}. ${zone}`;
    return `${f.companyName}: no plan, paid sessions approved by staff. ${zone}`;
  }

  /** A pane's messages, oldest first: delivered outbox rows for this person (or the staff channel) and their replies. */
  async feed(who: Who): Promise<FeedItem[]> {
    this.caller(who); // unknown people are refused
    const zone = this.zoneOf(who);
    const { rows, all, audit } = await this.deps.store.transaction(async (tx) => {
      if (who.pane === 'staff') {
        // Staff see the staff channel; every row about a booking (the customers' too) says what became of it.
        const sent = await tx.outbox.list({ status: 'sent' });
        const carded = new Set(sent.flatMap((r) => (STAFF_CARDS.has(r.notice.type) && 'booking' in r.notice ? [r.notice.booking.bookingId] : [])));
        const history = new Map(await Promise.all([...carded].map(async (id) => [id, await tx.audit.history('booking', id)] as const)));
        return { rows: sent.filter((r) => r.type.startsWith('staff_')), all: sent, audit: history };
      }
      const member = await tx.members.find('console', who.user);
      const mine = member ? await tx.outbox.list({ memberId: member.id, status: 'sent' }) : [];
      return { rows: mine, all: mine, audit: new Map<string, AuditEntry[]>() };
    });
    const latest = new Map<string, { status: string; startsAt: string | null }>();
    for (const r of all) {
      const card = 'booking' in r.notice ? r.notice.booking : null;
      if (card) latest.set(card.bookingId, { status: card.status, startsAt: card.startsAt });
      if (r.notice.type === 'actions_expired' && r.notice.why === 'cutoff_passed') latest.set(`${r.notice.booking.bookingId}:cutoff`, { status: 'cutoff', startsAt: null });
    }
    const stateOf = (n: Notice): ButtonState => {
      const card = 'booking' in n ? n.booking : null;
      if (!card) return 'all';
      const now = latest.get(card.bookingId);
      if (!now || now.status !== card.status || now.startsAt !== card.startsAt) return 'none';
      return latest.has(`${card.bookingId}:cutoff`) ? 'join_only' : 'all';
    };
    const outcomes = who.pane === 'staff' ? staffOutcomes(all, audit, zone) : new Map<string, string>();
    const notices: FeedItem[] = rows.flatMap((r) => {
      const state = stateOf(r.notice);
      const m = renderNotice(r.notice, this.ctx, state, r.dueAt);
      if (!m) return [];
      // A staff card that lost its buttons says who or what decided or closed it.
      const outcome = state === 'none' && STAFF_CARDS.has(r.notice.type) && 'booking' in r.notice ? outcomes.get(r.notice.booking.bookingId) : undefined;
      return [{ id: r.id, at: r.dueAt.toISOString(), atText: at(r.dueAt, zone), from: 'slotkeeper' as const, kind: 'notice' as const, text: outcome ? `${outcome}\n${m.text}` : m.text, buttons: m.buttons }];
    });
    const mine = this.replies.get(this.key(who)) ?? [];
    // By simulated time; at the same instant, in the order things happened here (rows delivered by an
    // earlier run first, in their stored order).
    return [...mine.map((m) => ({ m, seq: Number(m.id.slice(1)) })), ...notices.map((m) => ({ m, seq: this.deliveredSeq.get(m.id) ?? 0 }))]
      .sort((a, b) => a.m.at.localeCompare(b.m.at) || a.seq - b.seq)
      .map((x) => x.m);
  }
}

/** Staff cards that carry Approve / Decline / squeeze-in buttons until the booking is decided, cancelled or closed. */
const STAFF_CARDS: ReadonlySet<Notice['type']> = new Set(['staff_approval_request', 'staff_emergency_request']);

type SentRow = { type: string; notice: Notice };

/**
 * What became of each booking that had a staff card, from the later rows about it (oldest first) and
 * the audit trail (who decided): "Approved by Alice Moreno", "Withdrawn by the customer", "Closed
 * unanswered: …". A cancel or close is final: the customer's decline notice that follows a system
 * close does not overwrite it.
 */
export function staffOutcomes(rows: SentRow[], audit: Map<string, AuditEntry[]>, zone: string): Map<string, string> {
  const out = new Map<string, string>();
  const final = new Set<string>();
  const staffName = (id: string, action: string): string => {
    const e = [...(audit.get(id) ?? [])].reverse().find((a) => a.action === action && a.actor.kind === 'staff');
    return typeof e?.details.staffName === 'string' ? e.details.staffName : 'staff';
  };
  for (const r of rows) {
    const n = r.notice;
    if (!('booking' in n) || !audit.has(n.booking.bookingId)) continue;
    const id = n.booking.bookingId;
    if (final.has(id)) continue;
    switch (n.type) {
      case 'booking_approved':
        out.set(id, `Approved by ${staffName(id, 'approved')}.`);
        break;
      case 'emergency_scheduled':
        out.set(id, `Squeezed in by ${staffName(id, 'squeezed_in')}: ${when({ ...n.booking, zone })}.`);
        break;
      case 'booking_declined':
      case 'emergency_declined':
        out.set(id, `Declined by ${staffName(id, 'declined')}: ${n.reasonCode ? ts('en', 'reason.systemStaff', { code: n.reasonCode }) : n.reason}`);
        break;
      case 'staff_booking_cancelled':
        final.add(id);
        out.set(
          id,
          n.by === 'system'
            ? `Closed unanswered${n.reasonCode ? `: ${ts('en', 'reason.systemStaff', { code: n.reasonCode })}` : n.reason ? `: ${n.reason}` : '.'}`
            : n.by === 'customer'
              ? `Withdrawn by the customer${n.reason ? `: ${n.reason}` : '.'}`
              : `Cancelled by staff${n.reason ? `: ${n.reason}` : '.'}`,
        );
        break;
      default:
        break;
    }
  }
  return out;
}

/** A text-only message from the shared presenter, as console text. */
function sharedText(m: SharedMessage): ConsoleMessage {
  const text = (t: SharedText) => t.map((p) => (typeof p === 'string' ? p : p.t === 'time' ? timeText(p) : p.t === 'code' ? p.text : p.t === 'link' ? p.url : p.name)).join('');
  return message(m.sections.flat().map((l) => text(l.text)));
}

export function helpMessage(): ConsoleMessage {
  return message([
    'Commands (README lists them for each platform):',
    '/book [when] [online|phone] [length], e.g. /book tomorrow 3pm · /sessions · /fees · /support-code [code] · /timezone <zone> · /email [address] [chat|email|both] · /help',
    '/emergency <what is wrong>: request an emergency session; staff squeeze you in today and tell you the exact time.',
    'Staff: /today [YYYY-MM-DD] · /sk-calendar [rotate|revoke] · /sk-company create <name> [plan-until YYYY-MM-DD] [code CODE] | plan <name> <YYYY-MM-DD|none> | rotate <name> | reinstate <name>',
  ]);
}

function companyUsage(): ConsoleMessage {
  return message(['Usage: /sk-company create <name> [plan-until YYYY-MM-DD] [code CODE] | plan <name> <YYYY-MM-DD|none> | rotate <name> | reinstate <name>']);
}
