import { z } from 'zod';

/**
 * The process environment, validated once at boot.
 *
 * A platform counts as configured when its token is set (SLACK_BOT_TOKEN, DISCORD_TOKEN).
 * Every problem is reported by variable name and never includes the value, so the output
 * is safe to print even when a secret is wrong.
 */

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

export interface SlackEnv {
  botToken: string;
  /** Required in HTTP mode; optional in Socket Mode. */
  signingSecret?: string;
  /** When set, the app connects with Socket Mode instead of serving HTTP. */
  appToken?: string;
  /** Web API base, always ending in '/'. Undefined means Slack's own. */
  apiUrl?: string;
  mode: 'http' | 'socket';
  /** SLACK_COMMAND_PREFIX: `/book` becomes `/<prefix>book` (the manifest must match: npm run slack:manifest). */
  commandPrefix?: string;
  /**
   * SLACK_SOCKET_PING_TIMEOUT_MS (Socket Mode): how long to wait for Slack's pong before reconnecting,
   * and the step of the reconnect back-off (the n-th attempt in a row waits n times this). Unset:
   * Bolt's 5,000 ms.
   */
  socketPingTimeoutMs?: number;
  /**
   * SLACK_ACK_TIMEOUT_MS (HTTP mode): how long Bolt waits for a listener's ack() before answering the
   * request itself and logging it as not acknowledged. Unset: Bolt's 3,001 ms (Slack allows 3 s).
   */
  ackTimeoutMs?: number;
}

export interface DiscordEnv {
  token: string;
  applicationId: string;
  guildId?: string;
  apiUrl?: string;
}

/** Online payment: both keys set, or neither. */
export interface StripeEnv {
  secretKey: string;
  webhookSecret: string;
}

export interface Env {
  slack?: SlackEnv;
  stripe?: StripeEnv;
  discord?: DiscordEnv;
  port: number;
  databaseUrl?: string;
  configPath?: string;
  logLevel: LogLevelName;
  /** SMTP_URL: where email goes (smtp://user:pass@host:587, smtps://… for implicit TLS). Unset: no email. */
  smtpUrl?: string;
  /** METRICS_TOKEN: GET /metrics needs `Authorization: Bearer <it>`; unset: /metrics answers this machine only. */
  metricsToken?: string;
  /** HEALTHZ_DB_TIMEOUT_MS: how long /healthz waits for the database's answer before it says 503. Unset: 500 ms. */
  healthzDbTimeoutMs?: number;
}

export type ReadEnvResult = { ok: true; env: Env } | { ok: false; problems: string[] };

type RawEnv = Record<string, string | undefined>;

const SNOWFLAKE = /^\d{15,22}$/;

function httpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

// Each variable is validated on its own so that every problem is listed, not only the first.
const portSchema = z.coerce.number().int().min(0).max(65535);
const logLevelSchema = z.enum(LOG_LEVELS);

/** Empty strings count as unset: `FOO=` in a .env file should not be a value. */
function read(env: RawEnv, name: string): string | undefined {
  const value = env[name];
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function readEnv(env: RawEnv = process.env): ReadEnvResult {
  const problems: string[] = [];

  // --- general ---
  let port = 3000;
  const rawPort = read(env, 'PORT');
  if (rawPort !== undefined) {
    const parsed = portSchema.safeParse(rawPort);
    if (parsed.success && /^\d+$/.test(rawPort)) port = parsed.data;
    else problems.push('PORT: must be a whole number between 0 and 65535');
  }

  let logLevel: LogLevelName = 'info';
  const rawLevel = read(env, 'LOG_LEVEL');
  if (rawLevel !== undefined) {
    const parsed = logLevelSchema.safeParse(rawLevel.toLowerCase());
    if (parsed.success) logLevel = parsed.data;
    else problems.push(`LOG_LEVEL: must be one of ${LOG_LEVELS.join(', ')}`);
  }

  const databaseUrl = read(env, 'DATABASE_URL');
  if (databaseUrl !== undefined && !/^(file:|postgres(ql)?:\/\/)/.test(databaseUrl)) {
    problems.push('DATABASE_URL: must start with file: (SQLite) or postgresql:// (PostgreSQL)');
  } else if (databaseUrl !== undefined && /^postgres/.test(databaseUrl)) {
    let name = '';
    try {
      name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
    } catch {
      problems.push('DATABASE_URL: is not a valid postgresql:// URL');
    }
    if (name === '' && !problems.some((p) => p.startsWith('DATABASE_URL'))) {
      problems.push('DATABASE_URL: names no database, so the tables would go into the server\'s built-in "postgres" database; add one, e.g. postgresql://user@host:5432/slotkeeper');
    }
  }
  const configPath = read(env, 'SLOTKEEPER_CONFIG');
  const smtpUrl = read(env, 'SMTP_URL');
  if (smtpUrl !== undefined && !/^smtps?:\/\/[^/\s]+/.test(smtpUrl)) {
    problems.push('SMTP_URL: must look like smtp://user:password@host:587 or smtps://user:password@host:465');
  }

  /** A duration setting in whole milliseconds within [min, max]; a problem named after it otherwise. */
  const milliseconds = (name: string, min: number, max: number): number | undefined => {
    const raw = read(env, name);
    if (raw === undefined) return undefined;
    const ms = Number(raw);
    if (/^\d+$/.test(raw) && ms >= min && ms <= max) return ms;
    problems.push(`${name}: must be a whole number of milliseconds between ${min} and ${max}`);
    return undefined;
  };
  const healthzDbTimeoutMs = milliseconds('HEALTHZ_DB_TIMEOUT_MS', 50, 30_000);

  const metricsToken = read(env, 'METRICS_TOKEN');
  if (metricsToken !== undefined && (metricsToken.length < 16 || /\s/.test(metricsToken))) {
    problems.push('METRICS_TOKEN: must be at least 16 characters with no spaces (e.g. the output of: openssl rand -hex 24)');
  }

  // --- Slack ---
  let slack: SlackEnv | undefined;
  const botToken = read(env, 'SLACK_BOT_TOKEN');
  const signingSecret = read(env, 'SLACK_SIGNING_SECRET');
  const appToken = read(env, 'SLACK_APP_TOKEN');
  const commandPrefix = read(env, 'SLACK_COMMAND_PREFIX');
  if (commandPrefix !== undefined && !/^[a-z0-9_-]{1,16}$/.test(commandPrefix)) {
    problems.push(`SLACK_COMMAND_PREFIX: "${commandPrefix.slice(0, 40)}" must be 1 to 16 lower-case letters, digits, - or _ (e.g. acme-, giving /acme-book)`);
  }
  const socketPingTimeoutMs = milliseconds('SLACK_SOCKET_PING_TIMEOUT_MS', 100, 60_000);
  const ackTimeoutMs = milliseconds('SLACK_ACK_TIMEOUT_MS', 100, 3_001);
  let slackApiUrl = read(env, 'SLACK_API_URL');
  if (slackApiUrl !== undefined) {
    if (!httpUrl(slackApiUrl)) problems.push('SLACK_API_URL: must be an http(s) URL such as http://127.0.0.1:1234/api/');
    else if (!slackApiUrl.endsWith('/')) slackApiUrl = `${slackApiUrl}/`;
  }
  if (botToken === undefined) {
    for (const name of ['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_API_URL', 'SLACK_COMMAND_PREFIX', 'SLACK_SOCKET_PING_TIMEOUT_MS', 'SLACK_ACK_TIMEOUT_MS']) {
      if (read(env, name) !== undefined) problems.push(`SLACK_BOT_TOKEN: required when ${name} is set`);
    }
  } else {
    const before = problems.length;
    if (!botToken.startsWith('xoxb-')) problems.push('SLACK_BOT_TOKEN: must be a bot token starting with xoxb-');
    if (appToken !== undefined && !appToken.startsWith('xapp-')) {
      problems.push('SLACK_APP_TOKEN: must be an app-level token starting with xapp- (needed for Socket Mode)');
    }
    if (appToken === undefined && signingSecret === undefined) {
      problems.push('SLACK_SIGNING_SECRET: required in HTTP mode (or set SLACK_APP_TOKEN to use Socket Mode)');
    }
    if (problems.length === before) {
      slack = {
        botToken,
        mode: appToken !== undefined ? 'socket' : 'http',
        ...(signingSecret !== undefined ? { signingSecret } : {}),
        ...(appToken !== undefined ? { appToken } : {}),
        ...(slackApiUrl !== undefined ? { apiUrl: slackApiUrl } : {}),
        ...(commandPrefix !== undefined ? { commandPrefix } : {}),
        ...(socketPingTimeoutMs !== undefined ? { socketPingTimeoutMs } : {}),
        ...(ackTimeoutMs !== undefined ? { ackTimeoutMs } : {}),
      };
    }
  }

  // --- Discord ---
  let discord: DiscordEnv | undefined;
  const discordToken = read(env, 'DISCORD_TOKEN');
  const applicationId = read(env, 'DISCORD_APPLICATION_ID');
  const guildId = read(env, 'DISCORD_GUILD_ID');
  const discordApiUrl = read(env, 'DISCORD_API_URL');
  if (discordApiUrl !== undefined && !httpUrl(discordApiUrl)) {
    problems.push('DISCORD_API_URL: must be an http(s) URL such as http://127.0.0.1:1234/api');
  }
  if (discordToken === undefined) {
    for (const name of ['DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL']) {
      if (read(env, name) !== undefined) problems.push(`DISCORD_TOKEN: required when ${name} is set`);
    }
  } else {
    const before = problems.length;
    if (/\s/.test(discordToken)) {
      problems.push('DISCORD_TOKEN: must be the bare bot token (no spaces, no "Bot " prefix)');
    }
    if (applicationId === undefined) problems.push('DISCORD_APPLICATION_ID: required when DISCORD_TOKEN is set');
    else if (!SNOWFLAKE.test(applicationId)) problems.push('DISCORD_APPLICATION_ID: must be a numeric Discord id');
    if (guildId !== undefined && !SNOWFLAKE.test(guildId)) problems.push('DISCORD_GUILD_ID: must be a numeric Discord id');
    if (problems.length === before && applicationId !== undefined) {
      discord = {
        token: discordToken,
        applicationId,
        ...(guildId !== undefined ? { guildId } : {}),
        ...(discordApiUrl !== undefined ? { apiUrl: discordApiUrl } : {}),
      };
    }
  }

  // --- Stripe (optional: both keys or neither) ---
  let stripe: StripeEnv | undefined;
  const stripeKey = read(env, 'STRIPE_SECRET_KEY');
  const stripeWebhook = read(env, 'STRIPE_WEBHOOK_SECRET');
  if (stripeKey !== undefined || stripeWebhook !== undefined) {
    const before = problems.length;
    if (stripeKey === undefined) problems.push('STRIPE_SECRET_KEY: required when STRIPE_WEBHOOK_SECRET is set');
    else if (!/^(sk|rk)_(test|live)_\S+$/.test(stripeKey)) problems.push('STRIPE_SECRET_KEY: must be a Stripe secret key (sk_test_… or sk_live_…)');
    if (stripeWebhook === undefined) problems.push('STRIPE_WEBHOOK_SECRET: required when STRIPE_SECRET_KEY is set (the endpoint\'s signing secret, whsec_…)');
    else if (!/^whsec_\S+$/.test(stripeWebhook)) problems.push('STRIPE_WEBHOOK_SECRET: must be a webhook signing secret starting with whsec_');
    if (problems.length === before && stripeKey && stripeWebhook) stripe = { secretKey: stripeKey, webhookSecret: stripeWebhook };
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    env: {
      port,
      logLevel,
      ...(slack ? { slack } : {}),
      ...(discord ? { discord } : {}),
      ...(stripe ? { stripe } : {}),
      ...(databaseUrl !== undefined ? { databaseUrl } : {}),
      ...(configPath !== undefined ? { configPath } : {}),
      ...(smtpUrl !== undefined ? { smtpUrl } : {}),
      ...(metricsToken !== undefined ? { metricsToken } : {}),
      ...(healthzDbTimeoutMs !== undefined ? { healthzDbTimeoutMs } : {}),
    },
  };
}

/** For main(): print the problems one per line and exit, never a stack trace. */
export function formatEnvProblems(problems: readonly string[]): string {
  return ['Slotkeeper cannot start: the environment has problems:', ...problems.map((p) => `  - ${p}`)].join('\n');
}
