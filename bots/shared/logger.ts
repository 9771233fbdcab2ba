import { inspect } from 'node:util';
import type { LogLevel as BoltLogLevel, Logger as BoltLogger } from '@slack/bolt';

/**
 * Bolt's LogLevel values (a string enum), without loading Bolt at run time: the console and Discord
 * never need it, and importing it costs about a second at start-up.
 */
const LogLevel = { DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as unknown as { DEBUG: BoltLogLevel; INFO: BoltLogLevel; WARN: BoltLogLevel; ERROR: BoltLogLevel };
type LogLevel = BoltLogLevel;
import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths pino replaces with '[redacted]': secrets named by what they are. Maintenance codes
 * (`maintenanceCode`, `supportCode`, a company's `code`), phone PINs, join-link tokens, platform
 * tokens and signing secrets never reach a log. A bare `code` is NOT redacted: it is how errors say
 * what they are (ECONNREFUSED, P2002, slack_webapi_platform_error) and must stay visible.
 * pino's `*` matches one level, so the common nestings are listed explicitly.
 */
const SECRET_KEYS = ['maintenanceCode', 'supportCode', 'phonePin', 'pin', 'joinToken', 'codeHash', 'token', 'botToken', 'appToken', 'signingSecret', 'authorization', 'password'];
export const REDACT_PATHS: readonly string[] = [
  ...SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
  'company.code',
  '*.company.code',
  'booking.phonePin',
  'headers.authorization',
  'req.headers.authorization',
];

export const REDACTED = '[redacted]';

export interface CreateLoggerOptions {
  level?: LevelWithSilent;
  /** Where lines go; defaults to stdout. Tests pass a stream to read the lines back. */
  destination?: DestinationStream;
  /** Root bindings, e.g. { service: 'slotkeeper' }. */
  base?: Record<string, unknown>;
}

/** The one root logger of the process. Everything else is a child of it. */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const opts = {
    level: options.level ?? 'info',
    base: options.base ?? { service: 'slotkeeper' },
    redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return options.destination ? pino(opts, options.destination) : pino(opts);
}

export type Platform = 'slack' | 'discord' | 'core' | 'sweeper';

/** A child logger per platform; add workspace/user bindings with `.child()` at the listener boundary. */
export function platformLogger(root: Logger, platform: Platform, bindings: Record<string, unknown> = {}): Logger {
  return root.child({ platform, ...bindings });
}

/** Token-looking strings the SDKs may put inside free-text log messages (URLs, dumps). */
const SECRET_PATTERNS: readonly RegExp[] = [/xox[abposr]-[A-Za-z0-9-]+/g, /xapp-[A-Za-z0-9-]+/g, /Bearer\s+[^\s"',]+/gi];

export function scrubSecrets(text: string): string {
  let out = text;
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, REDACTED);
  return out;
}

const TO_PINO: Record<string, LevelWithSilent> = { debug: 'debug', info: 'info', warn: 'warn', error: 'error' };

/** Bolt's level for a pino level. */
export const FROM_PINO: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

const RANK: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };

export interface BoltLoggerOptions {
  /**
   * The Slack SDKs log whole incoming payloads at debug level (slash command text can hold a
   * maintenance code). Their debug output is therefore dropped unless this is true.
   */
  allowSdkDebug?: boolean;
}

/**
 * Bolt's `logger` option (also used by @slack/web-api and @slack/socket-mode) backed by a pino child.
 * Bolt calls setLevel/setName itself; setLevel never lowers below the pino parent's level.
 */
export function boltLogger(parent: Logger, options: BoltLoggerOptions = {}): BoltLogger {
  let child = parent.child({ component: 'bolt' });
  const floor = options.allowSdkDebug ? 'trace' : 'info';
  const clamp = (level: string): LevelWithSilent => {
    const wanted = (RANK[level] ?? 30) >= (RANK[floor] ?? 30) ? level : floor;
    const parentRank = RANK[parent.level] ?? 30;
    return ((RANK[wanted] ?? 30) >= parentRank ? wanted : parent.level) as LevelWithSilent;
  };
  child.level = clamp(parent.level);

  const emit = (level: 'debug' | 'info' | 'warn' | 'error', msgs: unknown[]): void => {
    if (!child.isLevelEnabled(level)) return;
    const err = msgs.find((m): m is Error => m instanceof Error);
    const text = scrubSecrets(
      msgs
        .map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : inspect(m, { depth: 4, breakLength: Infinity })))
        .join(' '),
    );
    if (err) child[level]({ err }, text);
    else child[level](text);
  };

  return {
    debug: (...msgs: unknown[]) => emit('debug', msgs),
    info: (...msgs: unknown[]) => emit('info', msgs),
    warn: (...msgs: unknown[]) => emit('warn', msgs),
    error: (...msgs: unknown[]) => emit('error', msgs),
    setLevel: (level: LogLevel) => {
      child.level = clamp(TO_PINO[level] ?? 'info');
    },
    getLevel: () => FROM_PINO[child.level] ?? LogLevel.INFO,
    setName: (name: string) => {
      const level = child.level;
      child = parent.child({ component: name });
      child.level = level;
    },
  };
}
