/**
 * Every result `kind` of every use case the Slack adapter calls, turned into what the person sees
 * (an ephemeral message, sometimes a modal to open). Each switch is exhaustive: a new kind in core
 * breaks the build here until it is presented.
 */
import type { Config, Core } from '../../core/index.js';
import type { SessionKind } from '../../core/config/schema.js';
import { UNPARSEABLE_HINT } from '../../core/time/index.js';
import { ACTIONS, encodeSlot, type SlotChoice } from './action-ids.js';
import { at, money, when } from './blocks/format.js';
import { actions, button, esc, section, type ButtonElement, type SlackMessage } from './blocks/kit.js';
import { payButton, proposalMessage, slotsMessage, textMessage } from './blocks/proposal.js';
import { sessionsMessage } from './blocks/sessions.js';
import { feesMessage } from './blocks/fees.js';
import { linkedMessage, notLinkedMessage, profileMessage } from './blocks/profile.js';
import { codeModal, moveModal, type ModalView } from './blocks/modals.js';
import { historyMessage, staffDayMessage } from './blocks/staff-day.js';
import { calendarMessage } from './blocks/calendar.js';

type R<K extends keyof Core> = Core[K] extends (...a: any[]) => Promise<infer X> ? X : never;

export interface Presentation {
  message: SlackMessage;
  /** A modal to open instead of (or before) the message, when there is a trigger_id. */
  modal?: ModalView;
}

const say = (text: string): Presentation => ({ message: textMessage(text) });

function assertNever(x: never): never {
  throw new Error(`unpresented result: ${JSON.stringify(x)}`);
}

export const NOT_ALLOWED = 'Sorry, only our support staff can do that.';
export const NOT_FOUND = 'That booking no longer exists.';

function invalid(problems: string[]): Presentation {
  return say(`That did not work: ${problems.map(esc).join('; ')}`);
}

function statusText(status: string): string {
  return status.replace(/_/g, ' ');
}

/** /book <text> and the modal's first step. `ctx` fills in kind/length for results that lack them. */
export function presentUnderstand(r: R<'understandRequest'>, config: Config, ctx: { kind: SessionKind; lengthMinutes: number }): Presentation {
  switch (r.kind) {
    case 'proposal':
      return { message: proposalMessage(r, config.sessionKinds[r.sessionKind].label) };
    case 'unavailable': {
      const why = {
        slot_taken: 'is already taken',
        outside_hours: 'is outside our working hours',
        too_soon: `is too soon (book at least ${config.policy.minNoticeMinutes} minutes ahead)`,
        too_far: `is too far ahead (up to ${config.policy.horizonDays} days)`,
      }[r.reason];
      return { message: slotsMessage(`${esc(r.readback)} ${why}. The nearest free times:`, r.alternatives, r.zone, r.sessionKind, r.lengthMinutes) };
    }
    case 'choose':
      return { message: slotsMessage(`Free times ${esc(r.readback)}:`, r.slots, r.zone, r.sessionKind, r.lengthMinutes) };
    case 'ambiguous':
      return {
        message: {
          text: 'Which time do you mean?',
          blocks: [
            section(`Which time do you mean? ${r.options.map((o) => `*${esc(o.label)}*: ${esc(o.readback)}`).join(' or ')}`),
            ...actions(r.options.map((o) => button(o.readback, { action: ACTIONS.book, arg: encodeSlot({ startsAt: o.startsAt, kind: r.sessionKind, lengthMinutes: r.lengthMinutes }) }))),
          ],
        },
      };
    case 'in_past':
      return say(`${esc(r.readback)} has already passed. Please pick a time in the future.`);
    case 'nonexistent_time':
      return { message: slotsMessage(`${esc(r.requested)} does not exist in ${esc(r.zone)} (the clocks change that day).`, r.nearest, r.zone, ctx.kind, ctx.lengthMinutes) };
    case 'unparseable':
      return say(`Sorry, I could not read that time. ${esc(r.hint)}`);
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return assertNever(r);
  }
}

/** bookSession, from a Confirm/slot button or a modal. `slot` is what was asked (to ask for a code). */
export function presentBook(r: R<'bookSession'>, config: Config, slot: SlotChoice, zone: string): Presentation {
  switch (r.kind) {
    case 'booked':
      return say(`:white_check_mark: Booked: ${r.booking.kindLabel} ${when(r.booking)}. The confirmation with the join link and phone number is in your direct messages.`);
    case 'pending_approval':
      return say(`:hourglass_flowing_sand: Requested: ${r.booking.kindLabel} ${when(r.booking)}. The time is held while staff approve it; you will get a message when they decide.`);
    case 'slot_taken':
    case 'outside_hours':
      return { message: slotsMessage(r.kind === 'slot_taken' ? 'Sorry, that time was just taken. The nearest free times:' : 'That time is outside our working hours. The nearest free times:', r.alternatives, r.zone, slot.kind, slot.lengthMinutes) };
    case 'in_past':
      return say('That time has already passed. Please pick another with `/book`.');
    case 'too_soon':
      return say(`That is too soon: the earliest you can book is ${at(r.earliest, zone)}.`);
    case 'too_far':
      return say(`That is too far ahead: the latest you can book is ${at(r.latest, zone)}.`);
    case 'invalid_input':
      return invalid(r.problems);
    case 'code_invalid':
      return say(`That maintenance code is not valid. ${r.attemptsLeft} attempt(s) left this hour.`);
    case 'code_locked':
      return say(`Too many wrong codes. You can try again at ${at(r.retryAt, zone)}.`);
    case 'suspended': {
      const text = `Free sessions for ${esc(r.companyName)} are suspended after repeated no-shows. A payment of ${money(r.reinstatementCents, r.currency)} reinstates them; until then you can book at the standard fee of ${money(r.feeCents, r.currency)}.`;
      return { message: { text, blocks: [section(text), ...actions([payButton(slot, r.feeCents, r.currency, 'primary')])] } };
    }
    case 'not_linked': {
      const text = `To book, enter your company's maintenance code, or book at the standard fee of ${money(r.feeCents, r.currency)}.`;
      return {
        message: { text, blocks: [section(text), ...actions([payButton(slot, r.feeCents, r.currency, 'primary')])] },
        modal: codeModal(config, r.feeCents, JSON.stringify(slot)),
      };
    }
    default:
      return assertNever(r);
  }
}

export function presentSessions(r: R<'listSessions'>): Presentation {
  switch (r.kind) {
    case 'sessions':
      return { message: sessionsMessage(r.sessions) };
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return assertNever(r);
  }
}

/** The cancel confirm step (from viewBooking). */
export function presentCancelStep(r: R<'viewBooking'>): Presentation {
  switch (r.kind) {
    case 'booking': {
      const b = r.booking;
      if (!r.canChange) return say(`This session can no longer be cancelled here (it is ${statusText(b.status)}${b.changeUntil && b.status === 'confirmed' ? `; changes were possible until ${at(b.changeUntil, b.zone)}` : ''}).`);
      const paid = b.priceCents > 0 ? `\n*This is a paid session (${money(b.priceCents, b.currency)}): paid sessions are not refunded.*` : '';
      return {
        message: {
          text: `Cancel ${b.kindLabel} ${when(b)}?`,
          blocks: [
            section(`Cancel your ${b.kindLabel} on ${when(b)}?${paid}`),
            ...actions([
              button('Yes, cancel it', { action: ACTIONS.cancelYes, bookingId: b.bookingId }, 'danger'),
              button('Keep it', { action: ACTIONS.keep, bookingId: b.bookingId }),
            ]),
          ],
        },
      };
    }
    case 'not_found':
      return say(NOT_FOUND);
    case 'not_allowed':
      return say('That booking belongs to someone else.');
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return assertNever(r);
  }
}

export function presentCancel(r: R<'cancelBooking'>): Presentation {
  switch (r.kind) {
    case 'cancelled':
      return say(`:wastebasket: Cancelled: ${r.booking.kindLabel} ${when(r.booking)}.${r.booking.priceCents > 0 ? ' Paid sessions are not refunded.' : ''} You will get a confirmation message.`);
    case 'too_late':
      return say(`Sorry, it is too late to cancel: you could cancel or reschedule until ${at(r.cutoff, r.zone)}.`);
    case 'not_active':
      return say(`This session is already ${statusText(r.status)}.`);
    case 'not_found':
      return say(NOT_FOUND);
    case 'not_allowed':
      return say('That booking belongs to someone else.');
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return assertNever(r);
  }
}

/** Reschedule: messages for the modal (an `error` for the when field, or a final message). */
export function presentReschedule(r: R<'rescheduleBooking'>, zone: string): { error?: string; message?: SlackMessage } {
  switch (r.kind) {
    case 'rescheduled':
      return { message: textMessage(`:arrows_counterclockwise: Moved to ${when(r.booking)}. The confirmation is in your direct messages.`) };
    case 'too_late':
      return { error: `It is too late to reschedule: changes were possible until ${at(r.cutoff, r.zone)}.` };
    case 'slot_taken':
    case 'outside_hours':
      return { error: `${r.kind === 'slot_taken' ? 'That time is taken' : 'That is outside working hours'}.${r.alternatives.length ? ` Free: ${r.alternatives.slice(0, 4).map((s) => at(s.startsAt, r.zone)).join('; ')}` : ''}` };
    case 'in_past':
      return { error: 'That time has already passed.' };
    case 'too_soon':
      return { error: `Too soon: the earliest is ${at(r.earliest, zone)}.` };
    case 'too_far':
      return { error: `Too far ahead: the latest is ${at(r.latest, zone)}.` };
    case 'invalid_input':
      return { error: r.problems.join('; ') };
    case 'not_active':
      return { error: `This session is already ${statusText(r.status)}.` };
    case 'not_found':
      return { error: NOT_FOUND };
    case 'not_allowed':
      return { error: 'That booking belongs to someone else.' };
    default:
      return assertNever(r);
  }
}

/** The reschedule modal's when-field error for a text that is not a bookable proposal. */
export function understandError(r: R<'understandRequest'>): string | null {
  switch (r.kind) {
    case 'proposal':
      return null;
    case 'unavailable':
      return `${r.readback} is not free.${r.alternatives.length ? ` Free: ${r.alternatives.slice(0, 4).map((s) => at(s.startsAt, r.zone)).join('; ')}` : ''}`;
    case 'choose':
      return `Please give an exact time.${r.slots.length ? ` Free: ${r.slots.slice(0, 4).map((s) => at(s.startsAt, r.zone)).join('; ')}` : ''}`;
    case 'ambiguous':
      return `Which one: ${r.options.map((o) => o.label).join(' or ')}?`;
    case 'in_past':
      return `${r.readback} has already passed.`;
    case 'nonexistent_time':
      return `${r.requested} does not exist in ${r.zone} (the clocks change).`;
    case 'unparseable':
      return `Sorry, I could not read that time. ${r.hint || UNPARSEABLE_HINT}`;
    case 'invalid_input':
      return r.problems.join('; ');
    default:
      return assertNever(r);
  }
}

export function presentView(r: R<'viewBooking'>, vendorName: string): Presentation {
  switch (r.kind) {
    case 'booking':
      return { message: calendarMessage(r.booking, vendorName) };
    case 'not_found':
      return say(NOT_FOUND);
    case 'not_allowed':
      return say('That booking belongs to someone else.');
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return assertNever(r);
  }
}

/** "Request at $125": asks for the emergency again at the standard fee; the value carries the description. */
function emergencyPayButton(description: string, feeCents: number, currency: string): ButtonElement {
  return { ...button(`Request at ${money(feeCents, currency)}`, { action: ACTIONS.emergency, arg: 'pay' }, 'primary'), value: description.slice(0, 1000) };
}

export function presentEmergency(r: R<'requestEmergency'>, zone: string, description = ''): Presentation {
  switch (r.kind) {
    case 'emergency_requested':
      return say(':rotating_light: Your emergency request is with our staff. They will squeeze you in and send you the exact time, join link and phone number by direct message.');
    case 'code_invalid':
      return say(`That maintenance code is not valid. ${r.attemptsLeft} attempt(s) left this hour.`);
    case 'code_locked':
      return say(`Too many wrong codes. You can try again at ${at(r.retryAt, zone)}.`);
    case 'suspended': {
      const text = `Free sessions for ${esc(r.companyName)} are suspended after repeated no-shows (a payment of ${money(r.reinstatementCents, r.currency)} reinstates them). You can request this emergency session at the standard fee of ${money(r.feeCents, r.currency)}.`;
      return { message: { text, blocks: [section(text), ...actions([emergencyPayButton(description, r.feeCents, r.currency)])] } };
    }
    case 'not_linked': {
      const text = `You are not linked to a company yet: with a maintenance plan, link with \`/support-code YOUR-CODE\` and send \`/emergency\` again. Without one, you can request this emergency session at the standard fee of ${money(r.feeCents, r.currency)}.`;
      return { message: { text, blocks: [section(text), ...actions([emergencyPayButton(description, r.feeCents, r.currency)])] } };
    }
    case 'invalid_input':
      return say(`Please say briefly what is wrong: \`/emergency <what is wrong>\`. (${r.problems.map(esc).join('; ')})`);
    default:
      return assertNever(r);
  }
}

export function presentLink(r: R<'linkCompany'>, zone: string): Presentation {
  switch (r.kind) {
    case 'linked':
      return { message: linkedMessage(r.profile, zone) };
    case 'code_invalid':
      return say(`That maintenance code is not valid. ${r.attemptsLeft} attempt(s) left this hour. If you forgot it, log into your support account and open your Profile page.`);
    case 'code_locked':
      return say(`Too many wrong codes. You can try again at ${at(r.retryAt, zone)}.`);
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return assertNever(r);
  }
}

export function presentProfile(r: R<'showProfile'>, zone: string): Presentation {
  switch (r.kind) {
    case 'profile':
      return { message: profileMessage(r.profile, r.zone ?? zone) };
    case 'not_linked':
      return { message: notLinkedMessage() };
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return assertNever(r);
  }
}

export function presentFees(r: R<'feeSchedule'>): Presentation {
  switch (r.kind) {
    case 'fees':
      return { message: feesMessage(r) };
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return assertNever(r);
  }
}

/** Approve / decline. A decision itself is shown by updating the staff card (see listeners). */
export function presentDecision(r: R<'approveBooking'> | R<'declineBooking'>, zone: string): Presentation {
  switch (r.kind) {
    case 'approved':
      return say(`Approved: ${r.booking.kindLabel} ${when(r.booking)}. The customer gets the confirmation.`);
    case 'declined':
      return say(`Declined: ${r.booking.kindLabel} ${when(r.booking)}. The customer was told why.`);
    case 'already_decided':
      return say(`Already decided${r.by ? ` by ${esc(r.by)}` : ''}${r.at ? ` at ${at(r.at, zone)}` : ''} (now ${statusText(r.status)}).`);
    case 'not_found':
      return say(NOT_FOUND);
    case 'not_allowed':
      return say(NOT_ALLOWED);
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return assertNever(r);
  }
}

export function presentSqueeze(r: R<'squeezeIn'>, zone: string): Presentation {
  switch (r.kind) {
    case 'scheduled':
      return say(`Scheduled: ${when(r.booking)} with ${esc(r.booking.staffName ?? 'staff')}. The customer gets the time, join link and phone number.`);
    case 'slot_taken':
      return say(`That time was just taken.${r.options.length ? ` Still free: ${r.options.slice(0, 4).map((o) => `${o.staffName} ${at(o.startsAt, zone)}`).join('; ')}` : ' No other free time today.'}`);
    case 'in_past':
      return say('That time has already passed; pick a later option.');
    case 'already_decided':
      return say(`Already decided${r.by ? ` by ${esc(r.by)}` : ''}${r.at ? ` at ${at(r.at, zone)}` : ''} (now ${statusText(r.status)}).`);
    case 'not_found':
      return say(NOT_FOUND);
    case 'not_allowed':
      return say(NOT_ALLOWED);
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return assertNever(r);
  }
}

export function presentStaffDay(r: R<'staffDay'>): Presentation {
  switch (r.kind) {
    case 'day':
      return { message: staffDayMessage(r) };
    case 'not_allowed':
      return say(NOT_ALLOWED);
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return assertNever(r);
  }
}

export function presentHistory(r: R<'bookingHistory'>, zone: string): Presentation {
  switch (r.kind) {
    case 'history':
      return { message: historyMessage(r, zone) };
    case 'not_found':
      return say(NOT_FOUND);
    case 'not_allowed':
      return say(NOT_ALLOWED);
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return assertNever(r);
  }
}

export function presentMarkJoined(r: R<'markJoined'>): Presentation {
  switch (r.kind) {
    case 'marked':
      return say(`Marked as joined: ${r.booking.kindLabel} ${when(r.booking)} (by ${esc(r.by)}). It will not be closed as a no-show.`);
    case 'closed':
      return say(`This session is already ${statusText(r.status)}.`);
    case 'not_found':
      return say(NOT_FOUND);
    case 'not_allowed':
      return say(NOT_ALLOWED);
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return assertNever(r);
  }
}

const ACTION_TEXT = { created: 'Created', plan_set: 'Plan updated for', code_rotated: 'New code for', reinstated: 'Reinstated' } as const;

export function presentCompanyAdmin(r: R<'createCompany'>, zone: string): Presentation {
  switch (r.kind) {
    case 'company': {
      const p = r.profile;
      const plan = p.planActive ? `plan active until ${p.planUntil ? at(p.planUntil, zone) : 'further notice'}` : 'no active plan';
      const code = p.code ? `; maintenance code \`${esc(p.code)}\`${r.action === 'code_rotated' ? ' (the old code no longer works)' : ''}` : '';
      const extra = r.action === 'reinstated' ? '; no-shows cleared, free sessions restored, members told' : '';
      return say(`${ACTION_TEXT[r.action]} *${esc(p.companyName)}*: ${plan}${code}${extra}.`);
    }
    case 'duplicate':
      return say(`A company with that ${esc(r.what)} already exists.`);
    case 'invalid_code':
      return say('That code is not a valid maintenance code.');
    case 'not_found':
      return say(`No company is called "${esc(r.name)}".`);
    case 'not_allowed':
      return say(NOT_ALLOWED);
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return assertNever(r);
  }
}


/** Reschedule button: the modal asking for the new time, or why it cannot move. */
export function presentMoveStep(r: R<'viewBooking'>): Presentation {
  switch (r.kind) {
    case 'booking': {
      const b = r.booking;
      if (!r.canChange) return say(`This session can no longer be rescheduled (it is ${statusText(b.status)}${b.changeUntil && b.status === 'confirmed' ? `; changes were possible until ${at(b.changeUntil, b.zone)}` : ''}).`);
      return { message: textMessage('Reschedule'), modal: moveModal(`${b.kindLabel} ${when(b)}`, JSON.stringify({ bookingId: b.bookingId, kind: b.kind, lengthMinutes: b.lengthMinutes })) };
    }
    case 'not_found':
      return say(NOT_FOUND);
    case 'not_allowed':
      return say('That booking belongs to someone else.');
    case 'invalid_input':
      return invalid(r.problems);
    default:
      return assertNever(r);
  }
}
