/**
 * createCore(deps) → the use cases: the only door into core. Adapters call these and present the
 * typed results; nothing else in core is meant for them (besides the types and time helpers).
 */
import type { CoreDeps } from './deps.js';
import { bookSession } from './booking/book-session.js';
import { cancelBooking, staffCancelBooking } from './booking/cancel-booking.js';
import { rescheduleBooking } from './booking/reschedule-booking.js';
import { approveBooking, declineBooking } from './booking/decide-booking.js';
import { requestEmergency } from './booking/request-emergency.js';
import { squeezeIn } from './booking/squeeze-in.js';
import { listSessions } from './booking/list-sessions.js';
import { viewBooking } from './booking/view-booking.js';
import { staffDay, bookingHistory } from './booking/staff-day.js';
import { findOpenings, otherTimes } from './booking/find-openings.js';
import { understandMove, understandRequest } from './booking/understand-request.js';
import { openJoinLink, markJoined } from './attendance/record-join.js';
import { reverseNoShow } from './attendance/reverse-no-show.js';
import { linkCompany, showProfile } from './companies/link-company.js';
import { createCompany, setPlan, rotateCode, recordReinstatement } from './companies/manage-companies.js';
import { importCompanies } from './companies/import-companies.js';
import { listCompanyMembers, unlinkMember } from './companies/company-members.js';
import { feeSchedule } from './companies/fee-schedule.js';
import { setZone } from './companies/set-zone.js';
import { languageFor, setLanguage } from './companies/set-language.js';
import { runSweep } from './reminders/run-sweep.js';
import { handlePaymentEvent } from './payments/handle-payment-event.js';
import { payReinstatement } from './payments/pay-reinstatement.js';
import { staffFor, type Caller } from './policy/staff.js';
import { withChannels } from './notifications/channels.js';
import { setEmail } from './companies/set-email.js';
import { openManageLink, staffCalendarFeed, readStaffFeed } from './booking/manage-link.js';

export function createCore(coreDeps: CoreDeps) {
  // Every message a use case queues also goes by email where the person (or the staff inbox) gets mail.
  const deps: CoreDeps = { ...coreDeps, store: withChannels(coreDeps.store, coreDeps.config) };
  return {
    config: deps.config,
    clock: deps.clock,
    // customers
    understandRequest: understandRequest(deps),
    findOpenings: findOpenings(deps),
    otherTimes: otherTimes(deps),
    understandMove: understandMove(deps),
    bookSession: bookSession(deps),
    cancelBooking: cancelBooking(deps),
    rescheduleBooking: rescheduleBooking(deps),
    requestEmergency: requestEmergency(deps),
    listSessions: listSessions(deps),
    viewBooking: viewBooking(deps),
    linkCompany: linkCompany(deps),
    showProfile: showProfile(deps),
    feeSchedule: feeSchedule(deps),
    setZone: setZone(deps),
    setLanguage: setLanguage(deps),
    /** The language to answer a caller in (their /language choice, else their platform's locale). */
    languageFor: languageFor(deps),
    openJoinLink: openJoinLink(deps),
    setEmail: setEmail(deps),
    openManageLink: openManageLink(deps),
    readStaffFeed: readStaffFeed(deps),
    payReinstatement: payReinstatement(deps),
    /** Whether paid sessions and reinstatements are paid online (Stripe keys set). */
    paymentsOnline: !!deps.payments,
    // staff
    approveBooking: approveBooking(deps),
    declineBooking: declineBooking(deps),
    staffCancelBooking: staffCancelBooking(deps),
    squeezeIn: squeezeIn(deps),
    markJoined: markJoined(deps),
    staffCalendarFeed: staffCalendarFeed(deps),
    reverseNoShow: reverseNoShow(deps),
    staffDay: staffDay(deps),
    bookingHistory: bookingHistory(deps),
    createCompany: createCompany(deps),
    setPlan: setPlan(deps),
    rotateCode: rotateCode(deps),
    recordReinstatement: recordReinstatement(deps),
    importCompanies: importCompanies(deps),
    listCompanyMembers: listCompanyMembers(deps),
    unlinkMember: unlinkMember(deps),
    isStaff: (caller: Caller) => staffFor(deps.config, caller) !== null,
    /**
     * The messages already delivered about a booking, oldest first, each with its delivery reference:
     * what a platform edits when the booking changes (buttons off, a card closed).
     */
    deliveredMessages: (bookingId: string) => deps.store.transaction((tx) => tx.outbox.delivered(bookingId)),
    // the sweeper
    runSweep: runSweep(deps),
    // the payment provider's webhook
    handlePaymentEvent: handlePaymentEvent(deps),
  };
}

export type Core = ReturnType<typeof createCore>;
export type { CoreDeps } from './deps.js';
export type { Caller } from './policy/staff.js';
export type * from './notifications/types.js';
export type { Config } from './config/schema.js';
