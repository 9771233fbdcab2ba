/** The one presentation layer: neutral messages from core results and notices, in the reader's language. */
export * from './model.js';
export * from './intents.js';
export { LANGUAGES, resolveLang, isLang, money, duration, t, ts, type Lang } from './i18n.js';
export { contextFor, type PresentContext } from './booking.js';
export { presentNotice, WITH_CUSTOMER_BUTTONS, STAFF_CARDS, expiredMessage, decidedStaffCard, closedStaffCard, reinstatedStaffNote, settledSuspension, settledNoShowCard, type Decision, type ExpiredWhy } from './notices.js';
export { timeText } from './time-text.js';

export { staffContext, personContext } from './context.js';
export { earlierMessageEdits, type EarlierMessage } from './edits.js';
