/** A time value written as text in its zone and language: "Tue 1 Dec, 15:00 Berlin", "Di 1 Dez, 15:00–16:00 Berlin". */
import { cityOf, formatInstant, formatWindow } from '../../../core/time/index.js';
import type { TimeValue } from './model.js';

export function timeText(v: TimeValue): string {
  const opts = { locale: v.locale, ...(v.vendorZone ? { vendorZone: v.vendorZone } : {}) };
  const s = v.end ? formatWindow(new Date(v.at), new Date(v.end), v.zone, opts) : formatInstant(new Date(v.at), v.zone, opts);
  if (!v.noCity) return s;
  const city = ` ${cityOf(v.zone)}`;
  return s.endsWith(city) ? s.slice(0, -city.length) : s;
}
