import type { Config } from '../../../core/config/schema.js';
import { contextFor, type PresentContext } from './booking.js';
import { resolveLang } from './i18n.js';

/** The staff channel reads the vendor's language (config `vendor.locale`). */
export const staffContext = (config: Config): PresentContext => contextFor(config, resolveLang(config.vendor.locale));

/** A person reads their own language, else the vendor's. */
export const personContext = (config: Config, locale: string | null | undefined): PresentContext => contextFor(config, resolveLang(locale, resolveLang(config.vendor.locale)));
