import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../bots/shared/logger.js';

/** A real pino root whose JSON lines the test can read back. */
export function capturedLogger(level: 'debug' | 'info' | 'warn' = 'info'): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ level, destination }), lines };
}
