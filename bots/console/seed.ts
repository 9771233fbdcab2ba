/**
 * Demo data, made through core's use cases as a staff member would: three companies with their codes,
 * the three console customers linked to them, and Cedar Pallets' two no-shows (booked, reminded and
 * closed on a simulated clock two weeks back), which suspend its free sessions. Runs only on a
 * database without companies.
 */
import { createCore } from '../../core/index.js';
import type { Config } from '../../core/config/schema.js';
import { ManualClock } from '../../core/ports/clock.js';
import { randomIds, type Ids } from '../../core/ports/ids.js';
import type { PaymentGateway } from '../../core/ports/payments.js';
import type { Store } from '../../core/ports/store.js';
import type { Notifier } from '../../core/notifications/types.js';
import type { Caller } from '../../core/policy/staff.js';
import { CUSTOMERS, customerCaller } from './personas.js';

export type SeedResult =
  | { kind: 'seeded'; lines: string[] }
  | { kind: 'skipped'; companies: number };

const DAY = 86_400_000;

/** Marks every message as delivered (they show in the console's feed, which reads delivered rows). */
const deliveredNotifier: Notifier = { deliver: async (m) => ({ kind: 'sent', ref: `seed:${m.id}` }) };

function seedStaff(config: Config): Caller {
  const s = config.staff.find((st) => st.identities.console) ?? config.staff[0]!;
  const platform = s.identities.console ? 'console' : s.identities.slack ? 'slack' : 'discord';
  const userId = s.identities[platform];
  if (!userId) throw new Error(`seed: staff member "${s.id}" has no identity; add identities.console to the config`);
  return { platform, userId, displayName: s.name };
}

/** `payments`: the gateway the console's core pays with (the suspension notice then offers the online payment). */
export async function seedDemo(opts: { store: Store; config: Config; now: Date; notifier?: Notifier; ids?: Ids; payments?: PaymentGateway }): Promise<SeedResult> {
  const existing = await opts.store.transaction((tx) => tx.companies.list());
  if (existing.length > 0) return { kind: 'skipped', companies: existing.length };
  const clock = new ManualClock(new Date(opts.now.getTime() - 14 * DAY));
  const core = createCore({ store: opts.store, clock, ids: opts.ids ?? randomIds, config: opts.config, ...(opts.payments ? { payments: opts.payments } : {}) });
  const sweep = () => core.runSweep({ notifier: opts.notifier ?? deliveredNotifier });
  const staff = seedStaff(opts.config);
  const planUntil = new Date(opts.now.getTime() + 365 * DAY);
  const lines: string[] = [];

  for (const p of CUSTOMERS) {
    const withPlan = p.companyName !== 'Birch Boxes';
    const c = await core.createCompany({ caller: staff, name: p.companyName, planUntil: withPlan ? planUntil : null, code: p.code });
    if (c.kind !== 'company') throw new Error(`seed: could not create ${p.companyName}: ${c.kind}`);
    const link = await core.linkCompany({ caller: customerCaller(p), code: p.code });
    if (link.kind !== 'linked') throw new Error(`seed: could not link ${p.id}: ${link.kind}`);
    lines.push(`${p.companyName} (code ${p.code}, ${withPlan ? 'maintenance plan' : 'no plan'}): console customer "${p.id}" (${p.name}, ${p.zone})`);
  }

  // Cedar Pallets misses two free sessions: confirmed, reminded, closed 10 minutes after the start.
  const cy = customerCaller(CUSTOMERS.find((p) => p.id === 'cy')!);
  const length = opts.config.sessionKinds.online.lengths[0]!;
  for (let i = 0; i < opts.config.policy.strikesToSuspend; i++) {
    const from = new Date(clock.now().getTime() + DAY);
    const open = await core.findOpenings({ caller: cy, kind: 'online', lengthMinutes: length, from, to: new Date(from.getTime() + 5 * DAY), limit: 1 });
    const slot = open.kind === 'openings' ? open.slots[0] : undefined;
    if (!slot) throw new Error('seed: found no free time for the Cedar Pallets sessions');
    const b = await core.bookSession({ caller: cy, kind: 'online', lengthMinutes: length, startsAt: new Date(slot.startsAt) });
    if (b.kind !== 'booked') throw new Error(`seed: could not book for Cedar Pallets: ${b.kind}`);
    await sweep();
    const start = new Date(slot.startsAt).getTime();
    clock.set(new Date(start - 120 * 60_000));
    await sweep();
    // The end of the change window, at its own time (not stamped at the close).
    clock.set(new Date(start - opts.config.policy.cancelCutoffMinutes * 60_000 + 1000));
    await sweep();
    clock.set(new Date(start + opts.config.policy.noShowCloseMinutes * 60_000));
    await sweep();
  }
  lines.push(`Cedar Pallets missed ${opts.config.policy.strikesToSuspend} free sessions: free sessions are suspended until staff record the reinstatement`);
  lines.push(`Staff: ${opts.config.staff.map((s) => `${s.identities.console ?? s.id} (${s.name})`).join(', ')}`);
  return { kind: 'seeded', lines };
}
