import { z } from 'zod';
import { IANAZone } from 'luxon';
import { unknownKeys } from './unknown-keys.js';

/** "09:00-17:30" → minutes since local midnight. */
const TIME_RANGE = /^([01]\d|2[0-4]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

export const zoneName = z
  .string()
  .refine((z) => IANAZone.isValidZone(z), { message: 'is not an IANA time zone (e.g. "Europe/Berlin")' });

const timeRange = z.string().superRefine((value, ctx) => {
  const m = TIME_RANGE.exec(value);
  if (!m) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a time range like "09:00-17:00"` });
    return;
  }
  const from = Number(m[1]) * 60 + Number(m[2]);
  const to = Number(m[3]) * 60 + Number(m[4]);
  if (from >= 24 * 60 || to > 24 * 60) ctx.addIssue({ code: 'custom', message: `"${value}" is not a time range like "09:00-17:00"` });
  // A range that ends before it starts is a night shift: it runs past local midnight into the next day.
  else if (to === from) ctx.addIssue({ code: 'custom', message: `"${value}" is empty (a night shift reads "22:00-06:00")` });
});

/** "22:00-06:00" → [1320, 1800]: minutes from the local midnight of the day it is listed under; a night shift ends past 1440. */
export function parseTimeRange(range: string): [number, number] {
  const [a, b] = range.split('-') as [string, string];
  const min = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const from = min(a);
  const to = min(b);
  return [from, to <= from ? to + 24 * 60 : to];
}

/** A day's hours: one range, several ranges, or "off". */
const dayHours = z.union([z.literal('off'), timeRange, z.array(timeRange).min(1)]);

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a date like 2026-12-24');

const staffSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]+$/, 'must be lower-case letters, digits, _ or -'),
  name: z.string().min(1),
  zone: zoneName,
  identities: z
    .object({ slack: z.string().optional(), discord: z.string().optional(), console: z.string().optional() })
    .default({}),
  hours: z.object(Object.fromEntries(WEEKDAYS.map((d) => [d, dayHours.default('off')])) as Record<Weekday, z.ZodDefault<typeof dayHours>>),
  daysOff: z.array(isoDate).default([]),
  meetingRoom: z.string().url().optional(),
});

const kindSchema = z.object({
  /** The vendor's own name for the kind, in the vendor's language, shown as is in every language; unset: the catalogs' name. */
  label: z.string().min(1).optional(),
  lengths: z.array(z.number().int().positive().multipleOf(5)).min(1),
  bufferMinutes: z.number().int().min(0).multipleOf(5).default(0),
});

const money = z.number().min(0);

/** Prices keyed by session length in minutes ("30": 75). */
const priceTable = z.record(z.string().regex(/^\d+$/, 'must be a length in minutes'), money);

export const configSchema = z
  .object({
    vendor: z.object({
      name: z.string().min(1),
      zone: zoneName,
      currency: z.string().regex(/^[A-Z]{3}$/, 'is not a currency code like USD').default('USD'),
      locale: z.string().default('en'),
    }),
    staff: z.array(staffSchema).min(1, 'needs at least one staff member'),
    sessionKinds: z.object({ online: kindSchema, phone: kindSchema }),
    policy: z
      .object({
        cancelCutoffMinutes: z.number().int().min(0).default(65),
        noShowCloseMinutes: z.number().int().min(1).default(10),
        reminderMinutesBefore: z.array(z.number().int().positive()).default([24 * 60, 120]),
        strikesToSuspend: z.number().int().min(1).default(2),
        reinstatementFee: money.default(100),
        /** At or above cancelCutoffMinutes, so every booking can still be changed once (a warning says so otherwise). */
        minNoticeMinutes: z.number().int().min(0).default(65),
        horizonDays: z.number().int().min(1).default(60),
        slotStepMinutes: z.number().int().positive().multipleOf(5).default(30),
        /** "Other times" under an offer: free times in this many days after the time offered. */
        otherTimesDays: z.number().int().min(1).max(60).default(7),
        approval: z.enum(['never', 'paid_only', 'always']).default('paid_only'),
        codeAttemptsPerHour: z.number().int().min(1).default(5),
        /** Which no-shows earn a strike: free plan sessions only, or every session of a plan company. */
        noShowStrikes: z.enum(['free_sessions', 'plan_sessions']).default('free_sessions'),
      })
      .prefault({}),
    fees: z.object({
      /** Prices for customers without an active plan. */
      standard: z.object({ online: priceTable, phone: priceTable }),
      /** What a customer with an active maintenance plan pays. */
      plan: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('free') }),
        z.object({ kind: z.literal('discount'), percent: z.number().min(0).max(100) }),
      ]),
      emergencySurcharge: money.default(0),
      /** Whether plan customers pay the emergency surcharge too; by default a plan emergency is priced by the plan. */
      emergencySurchargeForPlan: z.boolean().default(false),
    }),
    /** Until online payment exists: how and where to pay, shown with every paid offer and booking. */
    payment: z
      .object({
        instructions: z.string().trim().min(1).max(1000).optional(),
        /** Online payment (when the Stripe keys are set): how long a paid slot is held while the customer pays. */
        holdMinutes: z.number().int().min(5).max(24 * 60).default(15),
        /** What a staff cancel of a paid session tells the customer: the fee is refunded (staff refund it), or not. */
        staffCancelPaid: z.enum(['refund', 'no_refund']).default('no_refund'),
      })
      .prefault({}),
    conference: z.object({
      online: z.discriminatedUnion('mode', [
        z.object({ mode: z.literal('per_staff') }),
        z.object({ mode: z.literal('template'), template: z.string().includes('{room}', { message: 'must contain {room}' }) }),
      ]),
      phone: z.object({ number: z.string().min(3), pinDigits: z.number().int().min(4).max(10).default(6) }),
    }),
    channels: z
      .object({
        slack: z.object({ staffChannel: z.string() }).optional(),
        discord: z
          .object({
            staffChannel: z.string(),
            staffRole: z.string().optional(),
            bookingChannels: z.array(z.string()).default([]),
          })
          .optional(),
      })
      .default({}),
    sweeper: z.object({ intervalSeconds: z.number().positive().default(15) }).prefault({}),
    publicBaseUrl: z
      .string()
      .refine((v) => /^https?:\/\/[^\s/?#]+/i.test(v) && URL.canParse(v), { message: 'must be a web address starting with http:// or https:// (join links are built from it), e.g. "https://slotkeeper.example.com"' })
      .default('http://localhost:3000'),
    /**
     * Email as a delivery channel (sent over SMTP_URL). Absent: nobody is emailed. A person's address
     * comes from their Slack profile, the /email command, or their company's contact.
     */
    mail: z
      .object({
        /** The From header, e.g. "Crate Pro Support <support@example.com>". */
        from: z.string().min(3),
        /** Reply-To, when replies should go elsewhere than `from`. */
        replyTo: z.string().min(3).optional(),
        /** Where people with an address get their messages unless they chose otherwise with /email. */
        defaultDelivery: z.enum(['chat', 'email', 'both']).default('both'),
        /** Staff notices are also emailed here (a shared staff inbox), besides the staff channels. */
        staffAddress: z.email().optional(),
        /** A company's contact address by company name: used for members with no address of their own. */
        companyContacts: z.record(z.string().min(1), z.email()).default({}),
      })
      .strict()
      .optional(),
  })
  .superRefine((cfg, ctx) => {
    const ids = new Set<string>();
    cfg.staff.forEach((s, i) => {
      if (ids.has(s.id)) ctx.addIssue({ code: 'custom', path: ['staff', i, 'id'], message: `"${s.id}" is used twice` });
      ids.add(s.id);
      if (cfg.conference.online.mode === 'per_staff' && !s.meetingRoom)
        ctx.addIssue({ code: 'custom', path: ['staff', i, 'meetingRoom'], message: 'is required when conference.online.mode is per_staff' });
    });
    for (const kind of ['online', 'phone'] as const) {
      for (const len of cfg.sessionKinds[kind].lengths) {
        if (cfg.fees.standard[kind][String(len)] === undefined)
          ctx.addIssue({ code: 'custom', path: ['fees', 'standard', kind, String(len)], message: `has no price for the ${len}-minute ${kind} session` });
      }
    }
  });

export type Config = z.output<typeof configSchema>;
export type StaffConfig = Config['staff'][number];
export type SessionKind = 'online' | 'phone';
export const SESSION_KINDS: readonly SessionKind[] = ['online', 'phone'];

/** Formats zod issues as `path: message` lines, e.g. `staff[1].hours.mon: "9-17:30" is not a time range`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((i) => {
    const path = i.path
      .map((p, n) => (typeof p === 'number' ? `[${p}]` : n === 0 ? String(p) : `.${String(p)}`))
      .join('');
    const message = /received undefined$/.test(i.message) ? 'is required' : i.message;
    return `${path || '(root)'}: ${message}`;
  });
}

/**
 * Choices that are valid but break a promise of the policy; start-up logs each one.
 * - minimum notice below the cancel cutoff: a session booked inside the gap can never be changed.
 */
export function configWarnings(config: Config): string[] {
  const out: string[] = [];
  const { minNoticeMinutes, cancelCutoffMinutes } = config.policy;
  if (minNoticeMinutes < cancelCutoffMinutes) {
    out.push(
      `policy.minNoticeMinutes (${minNoticeMinutes}) is below policy.cancelCutoffMinutes (${cancelCutoffMinutes}): a session booked ${minNoticeMinutes}-${cancelCutoffMinutes} minutes ahead can never be changed or cancelled (customers are told so before confirming)`,
    );
  }
  config.staff.forEach((s, i) => {
    for (const day of WEEKDAYS) {
      const h = s.hours[day];
      for (const range of h === 'off' ? [] : Array.isArray(h) ? h : [h]) {
        const [from, to] = parseTimeRange(range);
        // A night shift is read as running into the next day; a long one is more likely a typo for a day range.
        if (to > 24 * 60 && to - from > 12 * 60) {
          out.push(`staff[${i}].hours.${day}: "${range}" runs past midnight into the next day (${(to - from) / 60} hours); a day range reads "${range.split('-').reverse().join('-')}"`);
        }
      }
    }
  });
  return out;
}

export type ParsedConfig = { ok: true; config: Config } | { ok: false; problems: string[] };

/** The raw value at an issue's path, quoted, when it is a short plain value (config files hold no secrets). */
function echo(raw: unknown, path: readonly PropertyKey[]): string | undefined {
  let v: unknown = raw;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  if (typeof v === 'string') return JSON.stringify(v.length > 80 ? `${v.slice(0, 80)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export function parseConfig(raw: unknown): ParsedConfig {
  const unknown = unknownKeys(configSchema, raw);
  const r = configSchema.safeParse(raw);
  if (r.success && !unknown.length) return { ok: true, config: r.data };
  const issues = r.success ? [] : r.error.issues;
  const lines = formatIssues(issues).map((line, i) => {
    const value = echo(raw, issues[i]!.path);
    return value !== undefined && !line.includes(value) ? `${line} (got ${value})` : line;
  });
  return { ok: false, problems: [...unknown, ...lines] };
}
