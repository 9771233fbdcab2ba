// `npm run bench`: every bench in bench/, one after the other, each in its own process (so one's
// warm caches and open handles do not touch the next). Each prints its table and ends with its
// `RESULT bench=…` line; the load average is printed above each, because other work on the machine
// inflates every wall-clock figure. At the end the RESULT lines again, together, for copying.
// BENCH_POSTGRES_URL (or TEST_POSTGRES_URL) adds PostgreSQL to bench:core. BENCHES=core,slack picks some.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';

const all = ['core', 'time', 'slack', 'discord'];
const picked = (process.env.BENCHES ?? all.join(',')).split(',').map((x) => x.trim()).filter(Boolean);
const unknown = picked.filter((b) => !all.includes(b));
if (unknown.length) {
  console.error(`unknown bench: ${unknown.join(', ')} (known: ${all.join(', ')})`);
  process.exit(2);
}
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const results = [];
let failed = 0;
console.log(`# npm run bench: ${picked.join(', ')} on ${cpus().length} cores, Node ${process.versions.node}, ${new Date().toISOString()}`);
for (const name of picked) {
  const load1 = loadavg()[0].toFixed(1);
  console.log(`\n## bench:${name}   load average (1, 5, 15 min) at start: ${load()}`);
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${name}.bench.ts`], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(r.stdout ?? '');
  const line = (r.stdout ?? '').split('\n').filter((l) => l.startsWith('RESULT ')).pop();
  if (r.status !== 0 || !line) {
    failed++;
    console.log(`bench:${name} failed (exit ${r.status ?? r.signal}${line ? '' : ', no RESULT line'})`);
  } else results.push(`${line} load1_start=${load1}`);
  console.log(`(bench:${name} took ${((performance.now() - started) / 1000).toFixed(1)} s; load average now ${load()})`);
}
console.log(`\n## RESULT lines\n${results.join('\n')}`);
process.exitCode = failed ? 1 : 0;
