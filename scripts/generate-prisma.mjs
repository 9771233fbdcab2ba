// Generates both Prisma clients (SQLite and PostgreSQL) at `npm install`. The Prisma CLI needs a
// DATABASE_URL of the provider's shape to stay on its WebAssembly engine (see prisma.config.ts),
// so each run gets one; no database is contacted.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

mkdirSync('data', { recursive: true });
const runs = [
  ['sqlite', 'file:./data/generate.db'],
  ['postgres', 'postgresql://localhost:5432/generate'],
];
for (const [name, url] of runs) {
  execFileSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
  console.log(`prisma client for ${name} generated`);
}
