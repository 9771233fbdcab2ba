/**
 * npm run db:seed: puts the console's demo data (companies, codes, linked customers) into the database
 * DATABASE_URL names (SQLite at ./data/slotkeeper.db by default). Does nothing on a database that
 * already has companies.
 */
import { boot } from '../bots/shared/boot.js';
import { createLogger } from '../bots/shared/logger.js';
import { seedDemo } from '../bots/console/seed.js';
import { systemClock } from '../core/ports/clock.js';

const logger = createLogger({ level: (process.env.LOG_LEVEL as 'info' | undefined) ?? 'warn' });
const booted = await boot({ clock: systemClock, logger, ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}) });
if (!booted.ok) {
  console.error(booted.problems.join('\n'));
  process.exit(1);
}
const { runtime } = booted;
try {
  const r = await seedDemo({ store: runtime.store, config: runtime.config, now: new Date() });
  if (r.kind === 'skipped') console.log(`The database already has ${r.companies} compan${r.companies === 1 ? 'y' : 'ies'}: nothing seeded.`);
  else console.log(['Seeded the demo data:', ...r.lines.map((l) => `  - ${l}`)].join('\n'));
} finally {
  await runtime.close();
}
