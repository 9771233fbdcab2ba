/** `npm run db:migrate`: brings the database named by DATABASE_URL up to date. */
import { migrate } from './migrate.js';
import { databaseTarget } from './database-url.js';

const target = databaseTarget();
try {
  const applied = await migrate(target);
  console.log(applied.length ? `applied ${applied.length} migration(s) to ${target.provider}: ${applied.join(', ')}` : `${target.provider} database is up to date`);
} catch (e) {
  console.error(`migration failed: ${(e as Error).message}`);
  process.exit(1);
}
