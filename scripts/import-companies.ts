/**
 * Staff command: import companies from a CSV file (header `name,plan_end,code`), all rows or none.
 *   DATABASE_URL=file:./data/slotkeeper.db npm run companies:import -- companies.csv
 * Prints each created company with its maintenance code (to hand to the customer), or every bad row
 * by line number (and exits 1, having imported nothing). Config problems are printed as a list.
 */
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { configPath, loadConfigFile } from '../bots/shared/config-file.js';
import { createCore } from '../core/index.js';
import { systemClock } from '../core/ports/clock.js';
import { randomIds } from '../core/ports/ids.js';
import { openDatabase } from '../prisma/client.js';
import { databaseTarget } from '../prisma/database-url.js';
import { migrate } from '../prisma/migrate.js';
import { createPrismaStore } from '../prisma/store/index.js';

const out = (line = '') => process.stdout.write(line + '\n');
const err = (line: string) => process.stderr.write(line + '\n');

async function main(argv: string[]): Promise<number> {
  const file = argv.find((a) => !a.startsWith('--'));
  if (!file || argv.includes('--help')) {
    err('usage: npm run companies:import -- <file.csv>   (header: name,plan_end,code; plan_end YYYY-MM-DD or empty; code optional)');
    return 2;
  }
  let csv: string;
  try {
    csv = readFileSync(file, 'utf8');
  } catch (e) {
    err(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    return 1;
  }
  const cfgPath = configPath();
  const loaded = loadConfigFile(cfgPath);
  if (!loaded.ok) {
    err(`The config ${cfgPath} has problems:`);
    for (const p of loaded.problems) err(`  - ${p}`);
    return 1;
  }
  const config = loaded.config;
  let target;
  try {
    target = databaseTarget();
  } catch (e) {
    err((e as Error).message);
    return 1;
  }
  await migrate(target);
  const db = await openDatabase(target);
  try {
    const core = createCore({ store: createPrismaStore(db.prisma), clock: systemClock, ids: randomIds, config });
    const r = await core.importCompanies(csv);
    if (r.kind === 'invalid') {
      err(`${file}: ${r.errors.length} problem${r.errors.length === 1 ? '' : 's'}; nothing was imported.`);
      for (const e of r.errors) err(`  line ${e.line}: ${e.message}`);
      return 1;
    }
    out(`Imported ${r.companies.length} compan${r.companies.length === 1 ? 'y' : 'ies'}:`);
    for (const c of r.companies) {
      const plan = c.planUntil
        ? `plan to ${DateTime.fromISO(c.planUntil, { zone: config.vendor.zone }).minus({ days: 1 }).toISODate()}`
        : 'no plan';
      out(`  ${c.name}  code ${c.code}  ${plan}`);
    }
    return 0;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    err(`import failed: ${(e as Error).message ?? String(e)}`);
    process.exitCode = 1;
  },
);
