/** The one presentation layer: neutral messages from core results and notices, in the reader's language. */
export * from './model.js';
export * from './intents.js';
export { LANGUAGES, resolveLang, isLang, money, duration, t, ts, type Lang } from './i18n.js';
export { contextFor, type PresentContext } from './booking.js';
export { presentNotice, WITH_CUSTOMER_BUTTONS, STAFF_CARDS, expiredMessage, decidedStaffCard, closedStaffCard, reinstatedStaffNote, type Decision, type ExpiredWhy } from './notices.js';
export { timeText } from './time-text.js';

import type { Config } from '../../../core/config/schema.js';
import { contextFor, type PresentContext } from './booking.js';
import { resolveLang } from './i18n.js';

/** The staff channel reads the vendor's language (config `vendor.locale`). */
export const staffContext = (config: Config): PresentContext => contextFor(config, resolveLang(config.vendor.locale));

/** A person reads their own language, else the vendor's. */
export const personContext = (config: Config, locale: string | null | undefined): PresentContext => contextFor(config, resolveLang(locale, resolveLang(config.vendor.locale)));
