import type { App } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestCommands, readManifest } from '../../bots/slack/manifest.js';
import { COMMANDS } from '../../bots/slack/listeners/commands/index.js';
import { registerSlack } from '../../bots/slack/register.js';
import { createSlackApp, stopSlackApp, type SlackApp } from '../../bots/slack/app.js';
import { harness } from '../support/core-harness.js';
import { sqliteTestDb, type TestDatabase } from '../support/test-database.js';
import { capturedLogger } from './log-capture.js';
import { slackWorld, type SlackWorld } from './slack-harness.js';

describe('manifest.yml ↔ registered command listeners', () => {
  let db: TestDatabase;
  let slack: SlackApp;
  const registered: string[] = [];
  beforeAll(async () => {
    db = await sqliteTestDb();
    const h = harness(db);
    const { logger } = capturedLogger();
    slack = createSlackApp({
      env: { botToken: 'xoxb-x', signingSecret: 's', mode: 'http', apiUrl: 'http://127.0.0.1:9/api/' },
      logger,
      tokenVerification: { botId: 'B1', botUserId: 'U1' },
      register: (app: App) => {
        // Record what registerSlack really registers.
        const command = app.command.bind(app);
        app.command = ((name: string | RegExp, ...rest: unknown[]) => {
          if (typeof name === 'string') registered.push(name); // the catch-all for unknown commands is a RegExp
          return (command as (...a: unknown[]) => void)(name, ...rest);
        }) as App['command'];
        registerSlack(app, { core: h.core, config: h.config, logger });
      },
    });
  });
  afterAll(async () => {
    await stopSlackApp(slack).catch(() => undefined);
    await db.close();
  });

  it('every manifest command has a listener, and every listener is in the manifest', () => {
    const manifest = manifestCommands();
    expect([...registered].sort()).toEqual([...manifest].sort());
    expect(Object.keys(COMMANDS).sort()).toEqual([...manifest].sort());
    for (const c of manifest) expect(registered, `${c} has no listener`).toContain(c);
    for (const c of registered) expect(manifest, `${c} is not in manifest.yml`).toContain(c);
  });

  it('the manifest asks for the scopes the adapter uses (users.info, DMs, posting)', () => {
    expect(readManifest().oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write', 'im:write', 'users:read']));
  });
});

describe('every manifest command answers through the real app', () => {
  let w: SlackWorld;
  beforeAll(async () => {
    w = await slackWorld();
  });
  afterAll(() => w.close());

  it.each(manifestCommands().filter((c) => c !== '/book'))('%s answers ephemerally', async (command) => {
    const answer = await w.command(command, command === '/emergency' ? '' : '', 'U0ANYONE');
    expect(answer.response_type).toBe('ephemeral');
    expect(String(answer.text).length).toBeGreaterThan(0);
  });
});
