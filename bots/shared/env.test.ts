import { describe, expect, it, vi } from 'vitest';
import { formatEnvProblems, readEnv } from './env.js';

const SLACK_HTTP = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5' };
const DISCORD = { DISCORD_TOKEN: 'MTIz.NDU2.Nzg5', DISCORD_APPLICATION_ID: '123456789012345678' };

describe('readEnv', () => {
  it('accepts an empty environment with defaults and no platform', () => {
    expect(readEnv({})).toEqual({ ok: true, env: { port: 3000, logLevel: 'info' } });
  });

  it('configures Slack in HTTP mode with a bot token and signing secret', () => {
    const result = readEnv({ ...SLACK_HTTP, PORT: '8080', LOG_LEVEL: 'DEBUG' });
    expect(result).toEqual({
      ok: true,
      env: {
        port: 8080,
        logLevel: 'debug',
        slack: { botToken: 'xoxb-1-2-abc', signingSecret: SLACK_HTTP.SLACK_SIGNING_SECRET, mode: 'http' },
      },
    });
  });

  it('uses Socket Mode when SLACK_APP_TOKEN is set, without needing a signing secret', () => {
    const result = readEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-A1-2-x', SLACK_API_URL: 'http://127.0.0.1:1234/api' });
    expect(result.ok && result.env.slack).toEqual({
      botToken: 'xoxb-1',
      appToken: 'xapp-1-A1-2-x',
      apiUrl: 'http://127.0.0.1:1234/api/',
      mode: 'socket',
    });
  });

  it('SLACK_SOCKET_PING_TIMEOUT_MS and SLACK_ACK_TIMEOUT_MS: whole milliseconds in range; unset leaves Bolt\'s defaults', () => {
    const socket = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-A1-2-x' };
    expect(readEnv({ ...socket, SLACK_SOCKET_PING_TIMEOUT_MS: '1000' })).toMatchObject({ ok: true, env: { slack: { mode: 'socket', socketPingTimeoutMs: 1000 } } });
    expect(readEnv({ ...SLACK_HTTP, SLACK_ACK_TIMEOUT_MS: '1500' })).toMatchObject({ ok: true, env: { slack: { mode: 'http', ackTimeoutMs: 1500 } } });
    const plain = readEnv(SLACK_HTTP);
    expect(plain.ok && plain.env.slack).not.toHaveProperty('ackTimeoutMs');
    expect(plain.ok && plain.env.slack).not.toHaveProperty('socketPingTimeoutMs');
    expect(readEnv({ ...socket, SLACK_SOCKET_PING_TIMEOUT_MS: '5s', SLACK_ACK_TIMEOUT_MS: '5000' })).toEqual({
      ok: false,
      problems: [
        'SLACK_SOCKET_PING_TIMEOUT_MS: must be a whole number of milliseconds between 100 and 60000',
        'SLACK_ACK_TIMEOUT_MS: must be a whole number of milliseconds between 100 and 3001',
      ],
    });
    expect(readEnv({ SLACK_ACK_TIMEOUT_MS: '1000' })).toEqual({ ok: false, problems: ['SLACK_BOT_TOKEN: required when SLACK_ACK_TIMEOUT_MS is set'] });
  });

  it('HEALTHZ_DB_TIMEOUT_MS: whole milliseconds from 50 to 30000; unset leaves /healthz its 500 ms', () => {
    expect(readEnv({ HEALTHZ_DB_TIMEOUT_MS: '250' })).toEqual({ ok: true, env: { port: 3000, logLevel: 'info', healthzDbTimeoutMs: 250 } });
    for (const bad of ['0', '40', '1.5', '2s', '30001']) {
      expect(readEnv({ HEALTHZ_DB_TIMEOUT_MS: bad })).toEqual({ ok: false, problems: ['HEALTHZ_DB_TIMEOUT_MS: must be a whole number of milliseconds between 50 and 30000'] });
    }
  });

  it('METRICS_TOKEN: kept when long enough, refused when short or spaced (without echoing it)', () => {
    const ok = readEnv({ METRICS_TOKEN: 'abcdef0123456789abcdef' });
    expect(ok.ok && ok.env.metricsToken).toBe('abcdef0123456789abcdef');
    for (const bad of ['short', 'has a space in it 0123']) {
      const r = readEnv({ METRICS_TOKEN: bad });
      expect(r).toEqual({ ok: false, problems: ['METRICS_TOKEN: must be at least 16 characters with no spaces (e.g. the output of: openssl rand -hex 24)'] });
    }
  });

  it('configures Discord with token and application id, optional guild and API url', () => {
    const result = readEnv({ ...DISCORD, DISCORD_GUILD_ID: '223456789012345678', DISCORD_API_URL: 'http://127.0.0.1:9/api' });
    expect(result.ok && result.env.discord).toEqual({
      token: 'MTIz.NDU2.Nzg5',
      applicationId: '123456789012345678',
      guildId: '223456789012345678',
      apiUrl: 'http://127.0.0.1:9/api',
    });
    expect(result.ok && result.env.slack).toBeUndefined();
  });

  it('passes DATABASE_URL and SLOTKEEPER_CONFIG through; empty strings count as unset', () => {
    const result = readEnv({ DATABASE_URL: 'file:./data/dev.db', SLOTKEEPER_CONFIG: './slotkeeper.yml', SLACK_BOT_TOKEN: '', PORT: '' });
    expect(result).toEqual({
      ok: true,
      env: { port: 3000, logLevel: 'info', databaseUrl: 'file:./data/dev.db', configPath: './slotkeeper.yml' },
    });
  });

  it('lists every problem of a partly configured Slack by variable name', () => {
    const result = readEnv({ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_APP_TOKEN: 'xoxb-wrong' });
    expect(result).toEqual({
      ok: false,
      problems: [
        'SLACK_BOT_TOKEN: must be a bot token starting with xoxb-',
        'SLACK_APP_TOKEN: must be an app-level token starting with xapp- (needed for Socket Mode)',
      ],
    });
  });

  it('requires a signing secret in HTTP mode', () => {
    expect(readEnv({ SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual({
      ok: false,
      problems: ['SLACK_SIGNING_SECRET: required in HTTP mode (or set SLACK_APP_TOKEN to use Socket Mode)'],
    });
  });

  it('reports Slack settings without a bot token', () => {
    const result = readEnv({ SLACK_SIGNING_SECRET: 'abc', SLACK_APP_TOKEN: 'xapp-1' });
    expect(result).toEqual({
      ok: false,
      problems: ['SLACK_BOT_TOKEN: required when SLACK_SIGNING_SECRET is set', 'SLACK_BOT_TOKEN: required when SLACK_APP_TOKEN is set'],
    });
  });

  it('collects problems across platforms and general settings at once, never echoing values', () => {
    const secret = 'xoxp-very-secret-value';
    const result = readEnv({
      SLACK_BOT_TOKEN: secret,
      SLACK_SIGNING_SECRET: 's',
      SLACK_API_URL: 'not a url',
      DISCORD_TOKEN: 'Bot MTIz.NDU2.Nzg5',
      DISCORD_GUILD_ID: 'my-guild',
      PORT: '80a',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://x',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'PORT: must be a whole number between 0 and 65535',
      'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent',
      'DATABASE_URL: must start with file: (SQLite) or postgresql:// (PostgreSQL)',
      'SLACK_API_URL: must be an http(s) URL such as http://127.0.0.1:1234/api/',
      'SLACK_BOT_TOKEN: must be a bot token starting with xoxb-',
      'DISCORD_TOKEN: must be the bare bot token (no spaces, no "Bot " prefix)',
      'DISCORD_APPLICATION_ID: required when DISCORD_TOKEN is set',
      'DISCORD_GUILD_ID: must be a numeric Discord id',
    ]);
    const printed = formatEnvProblems(result.problems);
    expect(printed).not.toContain(secret);
    expect(printed.split('\n')[1]).toBe('  - PORT: must be a whole number between 0 and 65535');
  });

  it('rejects an out-of-range port', () => {
    expect(readEnv({ PORT: '70000' })).toEqual({ ok: false, problems: ['PORT: must be a whole number between 0 and 65535'] });
  });

  it('reads process.env by default', () => {
    vi.stubEnv('PORT', '4567');
    vi.stubEnv('SLACK_BOT_TOKEN', 'xoxb-from-process');
    vi.stubEnv('SLACK_SIGNING_SECRET', '');
    vi.stubEnv('SLACK_APP_TOKEN', '');
    try {
      const result = readEnv();
      expect(result.ok ? result.env.port : result.problems).toEqual(['SLACK_SIGNING_SECRET: required in HTTP mode (or set SLACK_APP_TOKEN to use Socket Mode)']);
    } finally {
      vi.unstubAllEnvs();
    }
    vi.stubEnv('PORT', '4567');
    try {
      const result = readEnv();
      expect(result.ok && result.env.port).toBe(4567);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
