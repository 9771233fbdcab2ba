/**
 * npm run bench:time — phrases per second for parseWhen against bare chrono-node on the same corpus.
 * "Bare chrono" is the locale's casual parser given the reference instant, i.e. what you would call
 * without this module. Aim: parseWhen costs no more than 1.5× chrono.
 */
import * as chrono from 'chrono-node';
import { performance } from 'node:perf_hooks';
import { CORPUS } from '../core/time/corpus.js';
import { languageOf, parseWhen } from '../core/time/index.js';

const PARSERS = { en: chrono.en.casual, de: chrono.de.casual, fr: chrono.fr.casual, es: chrono.es.casual, pt: chrono.pt.casual, nl: chrono.nl.casual };
const cases = CORPUS.map((c) => ({ ...c, nowDate: new Date(c.now), parser: PARSERS[languageOf(c.locale)] }));
const minMs = Number(process.env.BENCH_MS ?? 2000);

function measure(name: string, fn: () => void): number {
  for (let i = 0; i < 3; i++) fn(); // warm-up (JIT, luxon and Intl caches)
  let rounds = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    fn();
    rounds++;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  const perSecond = (rounds * cases.length) / (elapsed / 1000);
  console.log(`${name.padEnd(12)} ${Math.round(perSecond).toString().padStart(8)} phrases/s  (${rounds} rounds × ${cases.length} phrases, ${elapsed.toFixed(0)} ms)`);
  return perSecond;
}

let sink = 0;
const bare = measure('chrono-node', () => {
  for (const c of cases) sink += c.parser.parse(c.text, { instant: c.nowDate }).length;
});
const ours = measure('parseWhen', () => {
  for (const c of cases) sink += parseWhen(c.text, { now: c.nowDate, zone: c.zone, locale: c.locale, workingHours: c.workingHours }).kind.length;
});
const ratio = bare / ours;
console.log(`cost ratio parseWhen / chrono: ${ratio.toFixed(2)}× (target ≤ 1.50×) ${ratio <= 1.5 ? 'OK' : 'OVER TARGET'}`);
if (sink < 0) console.log(sink);
