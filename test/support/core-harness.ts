/** A core wired to a real test database, a manual clock, predictable ids and a recording notifier. */
import { createCore, type Core } from '../../core/index.js';
import { ManualClock } from '../../core/ports/clock.js';
import { sequentialIds } from '../../core/ports/ids.js';
import type { Config } from '../../core/config/schema.js';
import type { Caller } from '../../core/policy/staff.js';
import { RecordingNotifier } from '../fakes/recording-notifier.js';
import { exampleConfig } from './config.js';
import type { TestDatabase } from './test-database.js';

export interface Harness {
  core: Core;
  clock: ManualClock;
  notifier: RecordingNotifier;
  db: TestDatabase;
  config: Config;
  sweep(): ReturnType<Core['runSweep']>;
}

/** Monday 30 Nov 2026, 09:00 in New York (14:00 UTC). */
export const MONDAY_9AM_NY = '2026-11-30T14:00:00Z';

let harnessCount = 0;

export function harness(db: TestDatabase, opts: { config?: Config; now?: string } = {}): Harness {
  const clock = new ManualClock(opts.now ?? MONDAY_9AM_NY);
  const config = opts.config ?? exampleConfig();
  const core = createCore({ store: db.store, clock, ids: sequentialIds(`h${++harnessCount}`), config });
  const notifier = new RecordingNotifier();
  return { core, clock, notifier, db, config, sweep: () => core.runSweep({ notifier }) };
}

export const staffAlice: Caller = { platform: 'slack', userId: 'U0ALICE', displayName: 'Alice Moreno' };
export const staffBen: Caller = { platform: 'slack', userId: 'U0BEN', displayName: 'Ben Okafor' };

export function customer(userId: string, zone = 'America/New_York', platform: Caller['platform'] = 'slack'): Caller {
  return { platform, userId, displayName: `Customer ${userId}`, zone };
}

/** Creates a company with an active plan (until the end of 2027) and returns its code. */
export async function companyWithPlan(h: Harness, name = 'Acme Crating', code = 'ACME-2026'): Promise<string> {
  const r = await h.core.createCompany({ caller: staffAlice, name, planUntil: new Date('2028-01-01T05:00:00Z'), code });
  if (r.kind !== 'company') throw new Error(`could not create company: ${r.kind}`);
  return code;
}

export async function linkedCustomer(h: Harness, userId: string, code: string, zone?: string): Promise<Caller> {
  const c = customer(userId, zone);
  const r = await h.core.linkCompany({ caller: c, code });
  if (r.kind !== 'linked') throw new Error(`could not link: ${r.kind}`);
  return c;
}
