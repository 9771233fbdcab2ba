/**
 * npm run bench:time — phrases per second for parseWhen against bare chrono-node on the same corpus.
 * "Bare chrono" is the locale's casual parser given the reference instant, i.e. what you would call
 * without this module. Aim: parseWhen costs no more than 1.5× chrono.
 */
import * as chrono from 'chrono-node';
import { performance } from 'node:perf_hooks';
import { CORPUS } from '../core/time/corpus.js';
import { languageOf, parseWhen } from '../core/time/index.js';
import { readRequest } from '../core/booking/request-words.js';

const PARSERS = { en: chrono.en.casual, de: chrono.de.casual, fr: chrono.fr.casual, es: chrono.es.casual, pt: chrono.pt.casual, nl: chrono.nl.casual };
const cases = CORPUS.map((c) => ({ ...c, nowDate: new Date(c.now), parser: PARSERS[languageOf(c.locale)] }));
const trialMs = Number(process.env.BENCH_MS ?? 200);
const trials = Number(process.env.BENCH_TRIALS ?? 25);

/**
 * Phrases per CPU-second over one trial of about `trialMs` wall time. CPU time (user + system of this
 * process) rather than wall time, so other work on a shared machine does not count against either side.
 */
function trial(fn: () => void): number {
  let rounds = 0;
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  do {
    fn();
    rounds++;
  } while (performance.now() - start < trialMs);
  const cpu = process.cpuUsage(cpu0);
  return (rounds * cases.length) / ((cpu.user + cpu.system) / 1e6);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

let sink = 0;
const bareRun = () => {
  for (const c of cases) sink += c.parser.parse(c.text, { instant: c.nowDate }).length;
};
// A whole sentence ("can I get a call Friday morning?") goes through readRequest, as in production:
// the kind and length words are taken out first. Bare chrono is given the whole sentence.
const LENGTHS = [30, 45, 60, 90];
const oursRun = () => {
  for (const c of cases) {
    const options = { now: c.nowDate, zone: c.zone, locale: c.locale, workingHours: c.workingHours };
    sink += (c.sentence ? readRequest(c.text, LENGTHS, options).when : parseWhen(c.text, options)).kind.length;
  }
};
for (let i = 0; i < 5; i++) {
  bareRun(); // warm-up (JIT, zone surveys, name tables)
  oursRun();
}
// Alternate the two in adjacent pairs so machine load and JIT drift hit both alike; the ratio is
// the median of the per-pair ratios (robust to a busy machine), throughputs are medians too.
const bare: number[] = [];
const ours: number[] = [];
const ratios: number[] = [];
for (let i = 0; i < trials; i++) {
  const first = i % 2 === 0;
  const x = first ? trial(bareRun) : trial(oursRun);
  const y = first ? trial(oursRun) : trial(bareRun);
  const [b1, o1] = first ? [x, y] : [y, x];
  bare.push(b1);
  ours.push(o1);
  ratios.push(b1 / o1);
}
const b = median(bare);
const o = median(ours);
const ratio = median(ratios);
console.log(`corpus: ${cases.length} phrases (${cases.filter((c) => c.typed).length} typed the way customers type); ${trials} alternating pairs of ${trialMs} ms trials; medians:`);
console.log(`chrono-node  ${Math.round(b).toString().padStart(8)} phrases per CPU-second`);
console.log(`parseWhen    ${Math.round(o).toString().padStart(8)} phrases per CPU-second`);
console.log(`cost ratio parseWhen / chrono: ${ratio.toFixed(2)}x (target <= 1.50x) ${ratio <= 1.5 ? 'OK' : 'OVER TARGET'}`);
if (sink < 0) console.log(sink);
console.log(`RESULT bench=time ratio=${ratio.toFixed(2)} target=1.50 ok=${ratio <= 1.5} phrases=${cases.length} parsewhen_per_cpu_s=${Math.round(o)} chrono_per_cpu_s=${Math.round(b)}`);
