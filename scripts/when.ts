/**
 * Staff/debug command: how would the bot read this text?
 *   npm run when -- "can I get a call tomorow at 3 for an hour" --zone Europe/Berlin [--now 2026-12-01T10:00:00Z] [--locale de] [--vendor America/New_York]
 * Goes through the same core function as /book, the modal and booking messages (readRequest): prints
 * the session kind and length taken from the sentence, the time text left, any correction made
 * ("read 'tomorow' as tomorrow"), and the parseWhen result, as JSON.
 * Without --now it uses the current time (scripts may read the clock; core may not).
 */
import { readRequest } from '../core/booking/request-words.js';

const LENGTHS = [15, 30, 45, 60, 90, 120];

function main(argv: string[]): number {
  const flags: Record<string, string> = {};
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const [k, v] = a.includes('=') ? a.slice(2).split(/=(.*)/s) : [a.slice(2), argv[++i]];
      if (v === undefined) {
        process.stderr.write(`missing value for --${k}\n`);
        return 2;
      }
      flags[k!] = v;
    } else words.push(a);
  }
  const text = words.join(' ');
  if (!text) {
    process.stderr.write('usage: npm run when -- "<text>" [--zone Europe/Berlin] [--now ISO] [--locale de] [--vendor Zone]\n');
    return 2;
  }
  const now = flags.now ? new Date(flags.now) : new Date();
  if (Number.isNaN(now.getTime())) {
    process.stderr.write(`--now is not a date: ${flags.now}\n`);
    return 2;
  }
  const zone = flags.zone ?? 'UTC';
  const r = readRequest(text, LENGTHS, { now, zone, vendorZone: flags.vendor, locale: flags.locale });
  const result = r.when;
  const corrections = 'corrections' in result && result.corrections ? result.corrections : [];
  process.stdout.write(
    JSON.stringify(
      {
        input: text,
        now: now.toISOString(),
        zone,
        locale: flags.locale ?? 'en',
        sessionKind: r.kind ?? '(not said)',
        lengthMinutes: r.lengthMinutes ?? ('lengthMinutes' in result ? result.lengthMinutes : undefined) ?? '(not said)',
        timeText: r.timeText,
        corrections,
        result,
      },
      null,
      2,
    ) + '\n',
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
