/**
 * Everything a running Slotkeeper shares, whatever platforms it serves: the validated config, the
 * migrated database, the store and one core. Problems are returned as lines to print, never thrown
 * as stack traces.
 */
import { configPath as defaultConfigPath, loadConfigFile } from './config-file.js';
import { configWarnings, type Config } from '../../core/config/schema.js';
import { createCore, type Core } from '../../core/index.js';
import type { Clock } from '../../core/ports/clock.js';
import { randomIds, type Ids } from '../../core/ports/ids.js';
import type { Store } from '../../core/ports/store.js';
import type { PaymentGateway } from '../../core/ports/payments.js';
import { databaseTarget, type DatabaseTarget } from '../../prisma/database-url.js';
import { migrate } from '../../prisma/migrate.js';
import { openDatabase, type OpenDatabase } from '../../prisma/client.js';
import { createPrismaStore } from '../../prisma/store/index.js';
import type { Logger } from './logger.js';

export interface Runtime {
  config: Config;
  configPath: string;
  target: DatabaseTarget;
  db: OpenDatabase;
  store: Store;
  core: Core;
  clock: Clock;
  /** True when the database answers a trivial query. */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}

export type BootResult = { ok: true; runtime: Runtime } | { ok: false; problems: string[] };

export async function boot(opts: { configPath?: string; databaseUrl?: string; clock: Clock; ids?: Ids; logger: Logger; publicBaseUrl?: string; payments?: (config: Config) => PaymentGateway }): Promise<BootResult> {
  const path = opts.configPath ?? defaultConfigPath();
  const loaded = loadConfigFile(path);
  if (!loaded.ok) return { ok: false, problems: [`${path} has problems:`, ...loaded.problems.map((p) => `  ${p}`)] };
  if (opts.publicBaseUrl) loaded.config.publicBaseUrl = opts.publicBaseUrl;
  for (const warning of configWarnings(loaded.config)) opts.logger.warn({ configPath: path }, warning);
  let target: DatabaseTarget;
  try {
    target = databaseTarget(opts.databaseUrl);
  } catch (e) {
    return { ok: false, problems: [(e as Error).message] };
  }
  try {
    const applied = await migrate(target);
    if (applied.length) opts.logger.info({ applied, provider: target.provider }, 'database migrated');
  } catch (e) {
    return { ok: false, problems: [`the ${target.provider} database could not be migrated: ${(e as Error).message}`] };
  }
  const db = await openDatabase(target);
  const store = createPrismaStore(db.prisma, db.close);
  const payments = opts.payments?.(loaded.config);
  const core = createCore({ store, clock: opts.clock, ids: opts.ids ?? randomIds, config: loaded.config, log: opts.logger.child({ platform: 'core' }), ...(payments ? { payments } : {}) });
  return {
    ok: true,
    runtime: {
      config: loaded.config,
      configPath: path,
      target,
      db,
      store,
      core,
      clock: opts.clock,
      async healthy() {
        try {
          await db.prisma.$queryRawUnsafe('SELECT 1');
          return true;
        } catch {
          return false;
        }
      },
      close: () => db.close(),
    },
  };
}
