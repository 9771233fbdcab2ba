/** The demo people the console's picker offers: three customers (seeded) and the staff from the config. */
import type { Config } from '../../core/config/schema.js';
import type { Caller } from '../../core/policy/staff.js';

export interface CustomerPersona {
  /** The console user id (the member's platformUserId). */
  id: string;
  name: string;
  companyName: string;
  code: string;
  zone: string;
  /** What the picker says about the company. */
  situation: string;
  /** The language the persona reads (BCP 47); the page can switch it. Absent: the vendor's. */
  locale?: string;
}

export const CUSTOMERS: readonly CustomerPersona[] = [
  { id: 'ana', name: 'Ana Ruiz', companyName: 'Acme Crating', code: 'ACME-2026', zone: 'America/Chicago', locale: 'en-US', situation: 'maintenance plan: sessions are free' },
  { id: 'bo', name: 'Bo Lindqvist', companyName: 'Birch Boxes', code: 'BIRCH-2026', zone: 'Europe/London', locale: 'en-GB', situation: 'no plan: paid sessions, approved by staff' },
  { id: 'cy', name: 'Cy Tanaka', companyName: 'Cedar Pallets', code: 'CEDAR-2026', zone: 'America/Los_Angeles', locale: 'en-US', situation: 'plan, but suspended after two no-shows' },
];

export interface StaffPersona {
  id: string;
  name: string;
  zone: string;
}

/** Staff who have a console identity in the config (staff[].identities.console). */
export function staffPersonas(config: Config): StaffPersona[] {
  return config.staff.flatMap((s) => (s.identities.console ? [{ id: s.identities.console, name: s.name, zone: s.zone }] : []));
}

export function customerCaller(p: CustomerPersona): Caller {
  return { platform: 'console', userId: p.id, displayName: p.name, zone: p.zone };
}

export function staffCaller(p: StaffPersona): Caller {
  return { platform: 'console', userId: p.id, displayName: p.name };
}
