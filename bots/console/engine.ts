/**
 * The console adapter's listeners, without HTTP: what a typed command or a pressed button does, the
 * message feed of each pane, and the simulated clock's "skip ahead". The web server (start-console.ts)
 * and the scripted demo (scripts/demo.ts) both drive this, so the page and the transcript agree.
 *
 * What people read comes from the shared presentation layer (bots/shared/present), in the reader's
 * language (the persona's, switchable), drawn by render/html.ts. Buttons carry the shared intents.
 *
 * The feed is durable: delivered outbox rows (status 'sent') are the messages, drawn when read (an
 * earlier message whose buttons no longer apply is drawn as Slack edits it); only the replies to
 * commands (Slack's ephemeral answers) are kept, in the console's state row.
 */
import { toCents } from '../../core/policy/pricing.js';
import type { Core } from '../../core/index.js';
import { parseEmailArgs, presentCalendarFeed, presentEmailSettings } from '../shared/present/email-settings.js';
import { closedStaffCard, contextFor, decidedStaffCard, isLang, presentNotice, resolveLang, settledNoShowCard, settledSuspension, STAFF_CARDS, ts, WITH_CUSTOMER_BUTTONS, type Decision, type Lang, type Message, type PresentContext } from '../shared/present/index.js';
import { decodeIntent, type Slot } from '../shared/present/intents.js';
import * as present from '../shared/present/results.js';
import { money } from '../shared/present/i18n.js';
import { noLongerAvailable, unknownCommand } from '../shared/refusals.js';
import { formatInstant } from '../../core/time/index.js';
import type { Config } from '../../core/config/schema.js';
import type { ManualClock } from '../../core/ports/clock.js';
import type { Store } from '../../core/ports/store.js';
import type { DeliveryResult, Notice, Notifier, OutboxMessage } from '../../core/notifications/types.js';
import type { Caller } from '../../core/policy/staff.js';
import type { AuditEntry } from '../../core/model.js';
import { memoryConsoleState, type ConsoleStateStore } from '../../prisma/store/console-state.js';
import { renderMessage, typedMessage, type ConsoleButton, type ConsoleMessage } from './render/html.js';
import { readCodeText } from '../shared/wording.js';
import { parseCompanyCommand } from '../shared/parse-company-command.js';
import { presentCompanyUsage } from '../shared/present/company-usage.js';
import { CUSTOMERS, customerCaller, staffCaller, staffPersonas, type StaffPersona } from './personas.js';

export type Pane = 'customer' | 'staff';

export interface Who {
  pane: Pane;
  /** A customer persona id ('ana') or a staff console identity ('alice'). */
  user: string;
}

/** A field the page shows under a reply: what the person types next (a new time, a maintenance code). */
export type ConsolePrompt = { kind: 'move'; label: string; submit: string; bookingId: string } | { kind: 'code'; label: string; submit: string; slot: Slot };

export interface FeedItem {
  id: string;
  /** Simulated instant (ISO) the item appeared. */
  at: string;
  atText: string;
  from: 'you' | 'slotkeeper';
  /** 'notice': an outbox message (everyone in the pane sees it); 'reply': an answer to what this person did. */
  kind: 'notice' | 'reply' | 'typed';
  text: string;
  html: string;
  buttons: ConsoleButton[];
  prompt?: ConsolePrompt;
}

/** What happened, for listeners such as the demo's printer and the page's server-sent events. */
export type ConsoleEvent =
  | { kind: 'typed'; who: Who; at: Date; text: string }
  | { kind: 'reply'; who: Who; at: Date; message: ConsoleMessage }
  | { kind: 'notice'; who: Who; at: Date; notice: Notice; message: ConsoleMessage | null }
  | { kind: 'clock'; at: Date };

export type SkipTarget = 'next_reminder' | 'start' | 'plus10' | 'plus60' | 'plus1d';

export class UnknownPersonError extends Error {}

/** A pressed button: the intent's id (the shared codec), a payload beside it, a reason typed for it. */
export interface Press {
  id: string;
  value?: string;
  reason?: string;
  itemId?: string;
}

/** What the console keeps in its ConsoleState row besides the clock. */
interface SavedFeed {
  seq: number;
  replies: Record<string, FeedItem[]>;
  delivered: Record<string, number>;
  languages?: Record<string, Lang>;
}

type Answer = ConsoleMessage & { prompt?: ConsolePrompt };

/** The commands the console knows, for its help (each listed there only to whom may use it). */
const COMMANDS = ['book', 'sessions', 'fees', 'support-code', 'emergency', 'timezone', 'language', 'email', 'today', 'sk-calendar', 'sk-company', 'sk-reverse'].map((name) => ({ name, typed: `/${name}` }));

/** An instant in a zone, for the simulation's own notes (skip ahead, what is next). */
const at = (d: Date | string, zone: string): string => formatInstant(new Date(d), zone);

export class ConsoleEngine {
  readonly staff: StaffPersona[];
  private readonly replies = new Map<string, FeedItem[]>();
  private readonly languages = new Map<string, Lang>();
  private readonly listeners = new Set<(e: ConsoleEvent) => void>();
  /** One counter for replies and deliveries, to keep the order things happened in at the same simulated instant. */
  private seq = 0;
  private readonly deliveredSeq = new Map<string, number>();
  /** Delivers outbox messages into the feed: the rows are marked sent, and listeners are told. */
  readonly notifier: Notifier;
  private readonly state: ConsoleStateStore;
  private saving: Promise<void> = Promise.resolve();
  private saveQueued = false;

  /** `onlinePayment`: core pays online (the console's simulated checkout): paid sessions are paid, not approved by staff. */
  constructor(private readonly deps: { core: Core; store: Store; config: Config; clock: ManualClock; sweep: () => Promise<void>; state?: ConsoleStateStore; onlinePayment?: boolean }) {
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
      for (const [k, l] of Object.entries(saved.languages ?? {})) if (isLang(l)) this.languages.set(k, l);
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
        const feed: SavedFeed = { seq: this.seq, replies: Object.fromEntries(this.replies), delivered: Object.fromEntries(this.deliveredSeq), languages: Object.fromEntries(this.languages) };
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

  /** The language a pane's person reads: the one they chose here, else their persona's, else the vendor's. */
  languageOf(who: Who): Lang {
    const vendor = resolveLang(this.deps.config.vendor.locale);
    const chosen = this.languages.get(this.key(who));
    if (chosen) return chosen;
    const persona = who.pane === 'customer' ? CUSTOMERS.find((c) => c.id === who.user)?.locale : undefined;
    return resolveLang(persona, vendor);
  }

  /** Switches the language a person reads (and types times in). False for a language the catalogs do not have. */
  setLanguage(who: Who, lang: string): boolean {
    this.caller(who); // unknown people are refused
    const l = lang.trim().toLowerCase();
    if (!isLang(l)) return false;
    this.languages.set(this.key(who), l);
    void this.save();
    this.emit({ kind: 'clock', at: this.now() });
    return true;
  }

  private ctxOf(who: Who): PresentContext {
    return contextFor(this.deps.config, this.languageOf(who));
  }

  private async deliver(m: OutboxMessage): Promise<DeliveryResult> {
    if (m.recipient.to === 'member' && m.platform !== 'console') return { kind: 'retry', error: `the ${m.platform ?? 'unknown'} adapter is not running` };
    this.deliveredSeq.set(m.id, ++this.seq);
    void this.save();
    const who: Who = m.recipient.to === 'member' ? { pane: 'customer', user: m.platformUserId ?? '' } : { pane: 'staff', user: '' };
    // actions_expired and suspension_ended edit earlier messages (drawn so when the feed is read): nothing new to show.
    const message = m.notice.type === 'actions_expired' || m.notice.type === 'suspension_ended' ? null : renderMessage(presentNotice(m.notice, this.ctxOf(who)));
    this.emit({ kind: 'notice', who, at: this.deps.clock.now(), notice: m.notice, message });
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
      return { ...staffCaller(s), locale: this.languageOf(who) };
    }
    const c = CUSTOMERS.find((p) => p.id === who.user);
    if (!c) throw new UnknownPersonError(`no demo customer "${who.user}"`);
    return { ...customerCaller(c), locale: this.languageOf(who) };
  }

  private key(who: Who): string {
    return `${who.pane}:${who.user}`;
  }

  private at(d: Date | string, who: Who): string {
    return formatInstant(new Date(d), this.zoneOf(who), { locale: this.languageOf(who) });
  }

  private remember(who: Who, kind: 'reply' | 'typed', m: Answer): FeedItem {
    const now = this.now();
    const item: FeedItem = { id: `r${++this.seq}`, at: now.toISOString(), atText: this.at(now, who), from: kind === 'typed' ? 'you' : 'slotkeeper', kind, text: m.text, html: m.html, buttons: m.buttons, ...(m.prompt ? { prompt: m.prompt } : {}) };
    const list = this.replies.get(this.key(who)) ?? [];
    list.push(item);
    this.replies.set(this.key(who), list);
    void this.save();
    return item;
  }

  private async answer(who: Who, messages: Answer[]): Promise<FeedItem[]> {
    const items = messages.map((m) => {
      this.emit({ kind: 'reply', who, at: this.now(), message: m });
      return this.remember(who, 'reply', m);
    });
    // Deliver what the call queued (confirmations, staff cards) now rather than at the next tick.
    await this.deps.sweep();
    return items;
  }

  /** A shared presentation drawn for the console, its prompt (if any) as a field. */
  private draw(who: Who, p: present.Presentation | Message): Answer {
    const presentation: present.Presentation = 'message' in p ? p : { message: p };
    const drawn = renderMessage(presentation.message);
    const L = this.languageOf(who);
    const submit = ts(L, 'button.send');
    switch (presentation.prompt?.kind) {
      case 'move':
        return { ...drawn, prompt: { kind: 'move', label: ts(L, 'prompt.newTime'), submit, bookingId: presentation.prompt.bookingId } };
      case 'code':
        return { ...drawn, prompt: { kind: 'code', label: ts(L, 'label.code'), submit, slot: presentation.prompt.slot } };
      default:
        return drawn;
    }
  }

  /** A typed line: "/book tomorrow 3pm", "/sessions", "/sk-company reinstate Cedar Pallets" … */
  async command(who: Who, text: string): Promise<FeedItem[]> {
    const caller = this.caller(who);
    const line = text.trim();
    this.emit({ kind: 'typed', who, at: this.now(), text: line });
    this.remember(who, 'typed', typedMessage(line));
    return this.answer(who, await this.runCommand(who, caller, line));
  }

  private async runCommand(who: Who, caller: Caller, line: string): Promise<Answer[]> {
    const { core, config } = this.deps;
    const zone = this.zoneOf(who);
    const ctx = this.ctxOf(who);
    const draw = (p: present.Presentation | Message) => this.draw(who, p);
    const [head = '', ...restWords] = line.split(/\s+/);
    const rest = restWords.join(' ').trim();
    const fallback = { kind: 'online' as const, lengthMinutes: config.sessionKinds.online.lengths[0]! };
    switch (head.toLowerCase()) {
      case '/book': {
        if (!rest) {
          const from = this.now();
          const days = 3;
          const r = await core.findOpenings({ caller, ...fallback, from, to: new Date(from.getTime() + days * 86_400_000), limit: 8 });
          return [draw(present.presentOpenings(ctx, r, fallback, days))];
        }
        return [draw(present.presentUnderstand(ctx, await core.understandRequest({ caller, text: rest }), fallback))];
      }
      case '/sessions':
        return [draw(present.presentSessions(ctx, await core.listSessions({ caller })))];
      case '/fees':
        return [draw(present.presentFees(ctx, await core.feeSchedule({ caller })))];
      case '/support-code':
        return rest ? [draw(present.presentLink(ctx, await core.linkCompany({ caller, ...readCodeText(rest) }), zone))] : [draw(present.presentProfile(ctx, await core.showProfile({ caller }), zone))];
      case '/emergency':
        if (!rest) return [draw(present.presentEmergency(ctx, { kind: 'invalid_input', problems: [] }, zone))];
        return [draw(present.presentEmergency(ctx, await core.requestEmergency({ caller, description: rest }), zone, rest))];
      case '/timezone':
        return [draw(present.presentZone(ctx, await core.setZone({ caller, zone: rest })))];
      case '/language': {
        // Core keeps the choice on the member; the console draws in it from now on.
        const r = await core.setLanguage({ caller, language: rest });
        if (r.kind === 'language_saved') this.setLanguage(who, resolveLang(r.locale, resolveLang(config.vendor.locale)));
        return [draw(present.presentLanguage(ctx, r))];
      }
      case '/email':
        return [draw(presentEmailSettings(ctx, await core.setEmail({ caller, ...parseEmailArgs(rest) })))];
      case '/sk-calendar': {
        const action = rest.toLowerCase() === 'rotate' || rest.toLowerCase() === 'revoke' ? (rest.toLowerCase() as 'rotate' | 'revoke') : 'show';
        return [draw(presentCalendarFeed(ctx, await core.staffCalendarFeed({ caller, action })))];
      }
      case '/today':
      case '/sk-today':
        return [draw(present.presentStaffDay(ctx, await core.staffDay({ caller, ...(/^\d{4}-\d{2}-\d{2}$/.test(rest) ? { date: rest } : {}) }), { buttons: true }))];
      case '/sk-company':
        return [await this.companyCommand(who, caller, rest, zone)];
      case '/sk-reverse': {
        // "<booking reference> <why>": core removes the strike, lifts the suspension once below the limit, tells the customer and audits it.
        const [reference = '', ...why] = rest.split(/\s+/).filter(Boolean);
        if (!reference || !why.length) return [draw(present.presentReverseUsage(ctx, '/sk-reverse SK-7KQ4M called the phone line, our mistake'))];
        return [draw(present.presentReverseNoShow(ctx, await core.reverseNoShow({ caller, bookingId: reference, reason: why.join(' ') })))];
      }
      case '/help':
      case '':
        return [draw(present.presentHelp(ctx, COMMANDS, core.isStaff(caller)))];
      default:
        // A plain sentence ("can I get a call Friday morning?") is a booking request, read as /book reads it.
        if (!head.startsWith('/')) return [draw(present.presentUnderstand(ctx, await core.understandRequest({ caller, text: line }), fallback))];
        return [draw({ message: { visibility: 'person', sections: [[{ text: [unknownCommand(head, ctx.lang)] }]], buttons: [], summary: [unknownCommand(head, ctx.lang)], locale: ctx.lang } }), draw(present.presentHelp(ctx, COMMANDS, core.isStaff(caller)))];
    }
  }

  private async companyCommand(who: Who, caller: Caller, rest: string, zone: string): Promise<Answer> {
    const { core } = this.deps;
    const ctx = this.ctxOf(who);
    // The same reading as Slack's, with the console's `code CODE` (and `add`) for create.
    const c = parseCompanyCommand(rest, { withCode: true });
    const show = (r: present.R<'createCompany'>) => this.draw(who, present.presentCompanyAdmin(ctx, r, zone));
    switch (c.kind) {
      case 'usage':
        return this.draw(who, presentCompanyUsage(ctx, c.problem, { withCode: true }));
      case 'create':
        return show(await core.createCompany({ caller, name: c.name, planUntil: c.planUntil, ...(c.code ? { code: c.code } : {}) }));
      case 'plan':
        return show(await core.setPlan({ caller, name: c.name, planUntil: c.planUntil }));
      case 'rotate':
        return show(await core.rotateCode({ caller, name: c.name }));
      case 'reinstate':
        return show(await core.recordReinstatement({ caller, name: c.name }));
      case 'members':
        return this.draw(who, present.presentCompanyMembers(ctx, await core.listCompanyMembers({ caller, name: c.name })));
      case 'unlink':
        return this.draw(who, present.presentCompanyMembers(ctx, await core.unlinkMember({ caller, name: c.name, memberId: c.person })));
    }
  }

  /** A pressed button. `itemId` is the message it was on: a reply's buttons are used up once pressed. */
  async action(who: Who, a: Press): Promise<FeedItem[]> {
    const caller = this.caller(who);
    const messages = await this.runAction(who, caller, a);
    const intent = decodeIntent(a.id);
    if (a.itemId && intent && intent.do !== 'move' && intent.do !== 'calendar' && intent.do !== 'history') {
      const item = this.replies.get(this.key(who))?.find((i) => i.id === a.itemId);
      if (item) {
        item.buttons = [];
        item.html = item.html.replace(/<div class="buttons">.*?<\/div>/g, '');
      }
      void this.save();
    }
    return this.answer(who, messages);
  }

  private async runAction(who: Who, caller: Caller, a: Press): Promise<Answer[]> {
    const { core } = this.deps;
    const zone = this.zoneOf(who);
    const ctx = this.ctxOf(who);
    const draw = (p: present.Presentation | Message) => this.draw(who, p);
    const intent = decodeIntent(a.id);
    const stale = () => [typedMessage(noLongerAvailable(ctx.lang))];
    if (!intent) return stale();
    switch (intent.do) {
      case 'book':
        return [draw(present.presentBook(ctx, await core.bookSession({ caller, ...intent.slot }), intent.slot, zone, { confirmationHere: true }))];
      case 'cancel':
        return [draw(present.presentCancelStep(ctx, await core.viewBooking({ caller, bookingId: intent.bookingId })))];
      case 'cancel-yes':
        return [draw(present.presentCancel(ctx, await core.cancelBooking({ caller, bookingId: intent.bookingId, ...(intent.sequence !== undefined ? { expectedSequence: intent.sequence } : {}) })))];
      case 'keep':
        return [draw(present.presentKept(ctx))];
      case 'move':
        return [draw(present.presentMoveStep(ctx, await core.viewBooking({ caller, bookingId: intent.bookingId })))];
      case 'move-to': {
        const p = present.presentReschedule(ctx, await core.rescheduleBooking({ caller, bookingId: intent.bookingId, startsAt: new Date(intent.startsAt) }), zone);
        return [p.message ? draw(p.message) : typedMessage(p.error ?? '')];
      }
      case 'calendar':
        return [draw(present.presentView(ctx, await core.viewBooking({ caller, bookingId: intent.bookingId })))];
      case 'approve':
        return [draw(present.presentDecision(ctx, await core.approveBooking({ caller, bookingId: intent.bookingId, ...(intent.sequence !== undefined ? { expectedSequence: intent.sequence } : {}) }), zone))];
      case 'decline':
        return [draw(present.presentDecision(ctx, await core.declineBooking({ caller, bookingId: intent.bookingId, reason: a.reason ?? '', ...(intent.sequence !== undefined ? { expectedSequence: intent.sequence } : {}) }), zone))];
      case 'squeeze':
        return [draw(present.presentSqueeze(ctx, await core.squeezeIn({ caller, bookingId: intent.bookingId, staffId: intent.staffId, startsAt: new Date(intent.startsAt), ...(intent.outsideHours ? { outsideHours: true } : {}) }), zone))];
      case 'joined':
        return [draw(present.presentMarkJoined(ctx, await core.markJoined({ caller, bookingId: intent.bookingId, via: intent.via })))];
      case 'staff-cancel':
        return [draw(present.presentStaffCancel(ctx, await core.staffCancelBooking({ caller, bookingId: intent.bookingId, ...(a.reason ? { reason: a.reason } : {}), ...(intent.sequence !== undefined ? { expectedSequence: intent.sequence } : {}) })))];
      case 'history':
        return [draw(present.presentHistory(ctx, await core.bookingHistory({ caller, bookingId: intent.bookingId }), zone))];
      case 'reinstate': {
        // bookingHistory is staff-only and names the booking's company.
        const h = await core.bookingHistory({ caller, bookingId: intent.bookingId });
        if (h.kind !== 'history') return [draw(present.presentHistory(ctx, h, zone))];
        if (!h.booking.companyName) return [typedMessage(ts(ctx.lang, 'company.noCompany'))];
        return [draw(present.presentCompanyAdmin(ctx, await core.recordReinstatement({ caller, name: h.booking.companyName }), zone))];
      }
      case 'emergency-pay': {
        const description = a.value ?? intent.description ?? '';
        return [draw(present.presentEmergency(ctx, await core.requestEmergency({ caller, description, payStandardFee: true }), zone, description))];
      }
      case 'pay-reinstatement':
        return [draw(present.presentPayReinstatement(ctx, await core.payReinstatement({ caller })))];
      case 'more':
        return [draw(present.presentOpenings(ctx, await core.otherTimes({ caller, kind: intent.slot.kind, lengthMinutes: intent.slot.lengthMinutes, after: new Date(intent.slot.startsAt), payStandardFee: intent.slot.payStandardFee ?? false }), intent.slot, this.deps.config.policy.otherTimesDays))];
      default:
        return stale();
    }
  }

  /**
   * What a person typed into a reply's field: a new time for a booking (core reads it for that
   * booking, its own time not counting as taken), or a maintenance code, then the booking.
   */
  async respond(who: Who, itemId: string, text: string): Promise<FeedItem[]> {
    const caller = this.caller(who);
    const item = this.replies.get(this.key(who))?.find((i) => i.id === itemId);
    const prompt = item?.prompt;
    const ctx = this.ctxOf(who);
    const zone = this.zoneOf(who);
    this.emit({ kind: 'typed', who, at: this.now(), text });
    this.remember(who, 'typed', typedMessage(text));
    if (!item || !prompt) return this.answer(who, [typedMessage(noLongerAvailable(ctx.lang))]);
    const { core } = this.deps;
    let out: Answer;
    let done = true;
    if (prompt.kind === 'move') {
      const u = await core.understandMove({ caller, bookingId: prompt.bookingId, text });
      if (u.kind !== 'proposal') {
        out = typedMessage(present.understandMoveError(ctx, u) ?? ts(ctx.lang, 'field.exactTime'));
        done = false;
      } else {
        const p = present.presentReschedule(ctx, await core.rescheduleBooking({ caller, bookingId: prompt.bookingId, startsAt: new Date(u.startsAt) }), zone);
        out = p.message ? this.draw(who, p.message) : typedMessage(p.error ?? '');
        done = !!p.message;
      }
    } else {
      const r = await core.bookSession({ caller, ...prompt.slot, code: text.trim() });
      out = this.draw(who, present.presentBook(ctx, r, prompt.slot, zone, { confirmationHere: true }));
      done = r.kind !== 'code_invalid';
    }
    // The field stays for another try while the answer is an error about what was typed.
    if (done) delete item.prompt;
    return this.answer(who, [out]);
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
        const caller = who.pane === "customer" ? this.caller(who) : null;
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
    const fee = money('en', toCents(this.deps.config.policy.reinstatementFee, this.deps.config.vendor.currency), this.deps.config.vendor.currency);
    if (f.suspended) return `${f.companyName}: free sessions suspended after ${f.strikes} no-shows until ${this.deps.onlinePayment ? `the ${fee} reinstatement is paid (simulated checkout) or staff record it` : `staff record the ${fee} reinstatement`}; paid sessions only. ${zone}`;
    if (f.planActive) return `${f.companyName}: maintenance plan, sessions are free${strikes}. ${zone}`;
    return `${f.companyName}: no plan, ${this.deps.onlinePayment ? 'paid sessions paid online (simulated checkout)' : 'paid sessions approved by staff'}. ${zone}`;
  }

  /** A pane's messages, oldest first: delivered outbox rows for this person (or the staff channel) and their replies. */
  async feed(who: Who): Promise<FeedItem[]> {
    this.caller(who); // unknown people are refused
    const ctx = this.ctxOf(who);
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
      // suspension_ended rows go to the staff channel: read them for this person's suspension messages.
      const suspensions = [...new Set(mine.flatMap((r) => (r.type === 'suspended' && r.bookingId ? [r.bookingId] : [])))];
      const ended = (await Promise.all(suspensions.map((bookingId) => tx.outbox.list({ bookingId, status: 'sent' })))).flat().filter((r) => r.type === 'suspension_ended');
      return { rows: mine, all: [...mine, ...ended], audit: new Map<string, AuditEntry[]>() };
    });
    const settled = who.pane === 'staff' ? settledCards(all, audit, ctx.lang, ctx.config.fees.plan.kind) : new Map<string, Settled>();
    const notices: FeedItem[] = rows.flatMap((r, i) => {
      const n = r.notice;
      // actions_expired edits the earlier messages (as Slack and Discord do): it is not a message of its own.
      if (n.type === 'actions_expired') return [];
      let message: Message = presentNotice(n, ctx);
      if ('booking' in n && WITH_CUSTOMER_BUTTONS.has(n.type)) {
        const expired = rows.slice(i + 1).filter((x) => x.notice.type === 'actions_expired' && 'booking' in x.notice && x.notice.booking.bookingId === n.booking.bookingId).at(-1);
        if (expired) message = presentNotice(expired.notice, ctx);
      }
      // Nothing owed any more (as Slack and Discord edit them): the Pay / Record reinstatement buttons are gone.
      if (n.type === 'suspended' || (n.type === 'staff_no_show' && n.suspended)) {
        const ended = all.find((x) => x.notice.type === 'suspension_ended' && x.bookingId === r.bookingId)?.notice;
        if (ended?.type === 'suspension_ended') message = n.type === 'suspended' ? settledSuspension(ctx, ended) : settledNoShowCard(ctx, n.booking, ended);
      }
      if ('booking' in n && STAFF_CARDS.has(n.type)) {
        const s = settled.get(n.booking.bookingId);
        if (s?.kind === 'closed') message = closedStaffCard(ctx, s.notice, s.at);
        else if (s?.kind === 'decided') message = decidedStaffCard(ctx, n.booking, s.decision, s.at);
      }
      const m = renderMessage(message);
      return [{ id: r.id, at: r.dueAt.toISOString(), atText: this.at(r.dueAt, who), from: 'slotkeeper' as const, kind: 'notice' as const, text: m.text, html: m.html, buttons: m.buttons }];
    });
    const mine = this.replies.get(this.key(who)) ?? [];
    // By simulated time; at the same instant, in the order things happened here (rows delivered by an
    // earlier run first, in their stored order).
    return [...mine.map((m) => ({ m, seq: Number(m.id.slice(1)) })), ...notices.map((m) => ({ m, seq: this.deliveredSeq.get(m.id) ?? 0 }))]
      .sort((a, b) => a.m.at.localeCompare(b.m.at) || a.seq - b.seq)
      .map((x) => x.m);
  }
}

type SentRow = { type: string; notice: Notice; dueAt: Date };

/** What became of a booking that had a staff card: decided by someone (and when), or closed. */
export type Settled = { kind: 'decided'; decision: Decision; at: string } | { kind: 'closed'; notice: Extract<Notice, { type: 'staff_booking_cancelled' }>; at: string };

/**
 * What became of each booking that had a staff card, from the later rows about it (oldest first) and
 * the audit trail (who decided, when). A cancel or close is final: the customer's decline notice that
 * follows a system close does not overwrite it.
 */
export function settledCards(rows: SentRow[], audit: Map<string, AuditEntry[]>, lang: Lang, planKind: 'free' | 'discount'): Map<string, Settled> {
  const out = new Map<string, Settled>();
  const final = new Set<string>();
  const decidedBy = (id: string, action: string, fallback: Date): { by: string; at: string } => {
    const e = [...(audit.get(id) ?? [])].reverse().find((a) => a.action === action && a.actor.kind === 'staff');
    return { by: typeof e?.details.staffName === 'string' ? e.details.staffName : e?.actor.kind === 'staff' ? e.actor.staffId : '', at: (e?.at ?? fallback).toISOString() };
  };
  for (const r of rows) {
    const n = r.notice;
    if (!('booking' in n) || !audit.has(n.booking.bookingId)) continue;
    const id = n.booking.bookingId;
    if (final.has(id)) continue;
    switch (n.type) {
      case 'booking_approved': {
        const d = decidedBy(id, 'approved', r.dueAt);
        out.set(id, { kind: 'decided', decision: { kind: 'approved', by: d.by }, at: d.at });
        break;
      }
      case 'emergency_scheduled': {
        const d = decidedBy(id, 'squeezed_in', r.dueAt);
        out.set(id, { kind: 'decided', decision: { kind: 'scheduled', by: d.by }, at: d.at });
        break;
      }
      case 'booking_declined':
      case 'emergency_declined': {
        const d = decidedBy(id, 'declined', r.dueAt);
        out.set(id, { kind: 'decided', decision: { kind: 'declined', by: d.by, reason: n.reasonCode ? ts(lang, 'reason.systemStaff', { planKind, code: n.reasonCode }) : (n.reason ?? '') }, at: d.at });
        break;
      }
      case 'staff_booking_cancelled':
        final.add(id);
        out.set(id, { kind: 'closed', notice: n, at: r.dueAt.toISOString() });
        break;
      default:
        break;
    }
  }
  return out;
}
