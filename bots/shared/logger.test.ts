import { Writable } from 'node:stream';
import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { boltLogger, createLogger, platformLogger } from './logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, destination };
}

describe('logger', () => {
  it('writes JSON lines with platform bindings on children', () => {
    const { lines, destination } = capture();
    const root = createLogger({ level: 'info', destination });
    platformLogger(root, 'slack', { team: 'T1' }).info({ userId: 'U1' }, 'booked');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, service: 'slotkeeper', platform: 'slack', team: 'T1', userId: 'U1', msg: 'booked' });
  });

  it('redacts tokens, authorization headers and maintenance codes at the top level and nested', () => {
    const { lines, destination } = capture();
    const log = createLogger({ destination });
    log.info(
      { maintenanceCode: 'MAINT-1234', token: 'xoxb-secret', authorization: 'Bearer xoxb-secret', company: { code: 'MAINT-5678', name: 'Acme' }, req: { headers: { authorization: 'Bearer z' } } },
      'support code used',
    );
    const text = JSON.stringify(lines);
    expect(text).not.toContain('MAINT-');
    expect(text).not.toContain('xoxb-secret');
    expect(lines[0]).toMatchObject({ maintenanceCode: '[redacted]', token: '[redacted]', authorization: '[redacted]', company: { code: '[redacted]', name: 'Acme' }, req: { headers: { authorization: '[redacted]' } } });
  });

  it('keeps error codes visible (a bare `code` is how errors say what they are) while PINs and join tokens are hidden', () => {
    const { lines, destination } = capture();
    const log = createLogger({ destination });
    log.error({ code: 'slack_webapi_platform_error', err: { code: 'ECONNREFUSED' }, booking: { phonePin: '482913', reference: 'SK-1' }, joinToken: 'j-secret' }, 'delivery failed');
    expect(lines[0]).toMatchObject({ code: 'slack_webapi_platform_error', err: { code: 'ECONNREFUSED' }, booking: { phonePin: '[redacted]', reference: 'SK-1' }, joinToken: '[redacted]' });
    expect(JSON.stringify(lines)).not.toMatch(/482913|j-secret/);
  });

  it('respects the level', () => {
    const { lines, destination } = capture();
    const log = createLogger({ level: 'warn', destination });
    log.info('hidden');
    log.warn('shown');
    expect(lines.map((l) => l.msg)).toEqual(['shown']);
  });
});

describe('boltLogger', () => {
  it('implements the Bolt Logger interface on a pino child and scrubs tokens from messages', () => {
    const { lines, destination } = capture();
    const root = createLogger({ level: 'debug', destination });
    const logger = boltLogger(platformLogger(root, 'slack'));
    logger.setName('bolt-app');
    logger.info('calling', 'chat.postMessage', 'with token xoxb-123-abc and', { a: 1 });
    logger.error('failed:', new Error('boom'));
    expect(lines[0]).toMatchObject({ platform: 'slack', component: 'bolt-app', level: 30, msg: 'calling chat.postMessage with token [redacted] and { a: 1 }' });
    expect(lines[1]).toMatchObject({ level: 50, msg: 'failed: boom', err: { message: 'boom', type: 'Error' } });
  });

  it('drops SDK debug output unless allowed, since Slack SDKs dump raw payloads at debug', () => {
    const { lines, destination } = capture();
    const root = createLogger({ level: 'debug', destination });
    const quiet = boltLogger(root);
    quiet.setLevel(LogLevel.DEBUG);
    quiet.debug('Received a message on the WebSocket: {"text":"MAINT-1"}');
    expect(quiet.getLevel()).toBe(LogLevel.INFO);
    const loud = boltLogger(root, { allowSdkDebug: true });
    loud.setLevel(LogLevel.DEBUG);
    loud.debug('payload dump');
    expect(loud.getLevel()).toBe(LogLevel.DEBUG);
    expect(lines.map((l) => l.msg)).toEqual(['payload dump']);
  });

  it('never logs below the parent pino level and maps setLevel both ways', () => {
    const { lines, destination } = capture();
    const root = createLogger({ level: 'warn', destination });
    const logger = boltLogger(root, { allowSdkDebug: true });
    logger.setLevel(LogLevel.DEBUG);
    expect(logger.getLevel()).toBe(LogLevel.WARN);
    logger.info('hidden');
    logger.setLevel(LogLevel.ERROR);
    logger.warn('hidden too');
    logger.error('shown');
    expect(logger.getLevel()).toBe(LogLevel.ERROR);
    expect(lines.map((l) => l.msg)).toEqual(['shown']);
  });
});
