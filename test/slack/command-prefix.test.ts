/**
 * SLACK_COMMAND_PREFIX: the manifest variant and the registered listeners agree, and a prefixed
 * command answers through the real Bolt app while the bare one is not Slotkeeper's any more.
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { manifestVariant } from '../../bots/slack/manifest-variant.js';
import { readEnv } from '../../bots/shared/env.js';
import { createSlackApp, startSlackApp, stopSlackApp } from '../../bots/slack/app.js';
import { registerSlack } from '../../bots/slack/register.js';
import { harness } from '../support/core-harness.js';
import { sqliteTestDb } from '../support/test-database.js';
import { FAKE_BOT_ID, FAKE_BOT_USER_ID, startFakeSlack } from '../fakes/slack-api.js';
import { postToBolt, signedSlashCommand } from '../fakes/slack-sign.js';
import { capturedLogger } from './log-capture.js';

describe('command prefix and the Socket Mode manifest', () => {
  it('the prefixed manifest renames the customer commands, keeps /sk-*, and the Socket Mode variant turns socket_mode_enabled on', () => {
    const m = parse(manifestVariant({ prefix: 'acme-', host: 'slotkeeper.example.com', socket: true }));
    expect(m.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(['/acme-book', '/acme-sessions', '/acme-fees', '/acme-support-code', '/acme-emergency', '/sk-company', '/sk-today', '/sk-reverse', '/acme-email', '/sk-calendar', '/acme-language', '/acme-help']);
    expect(m.settings.socket_mode_enabled).toBe(true);
    expect(m.settings.interactivity.request_url).toBe('https://slotkeeper.example.com/slack/events');
    expect(parse(manifestVariant({})).settings.socket_mode_enabled).toBe(false);
  });

  it('SLACK_COMMAND_PREFIX is validated with the bad value echoed', () => {
    const bad = readEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_COMMAND_PREFIX: 'Acme!' });
    expect(bad.ok === false && bad.problems[0]).toBe('SLACK_COMMAND_PREFIX: "Acme!" must be 1 to 16 lower-case letters, digits, - or _ (e.g. acme-, giving /acme-book)');
    const good = readEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_COMMAND_PREFIX: 'acme-' });
    expect(good.ok && good.env.slack?.commandPrefix).toBe('acme-');
  });

  it('with SLACK_COMMAND_PREFIX=acme- the real app answers /acme-fees, and /fees is not its command any more', async () => {
    const fake = await startFakeSlack();
    const db = await sqliteTestDb();
    const h = harness(db);
    const { logger } = capturedLogger();
    const slack = createSlackApp({
      env: { botToken: 'xoxb-x', signingSecret: 'prefix-secret', apiUrl: fake.url, mode: 'http', commandPrefix: 'acme-' },
      logger,
      retryConfig: { retries: 0 },
      tokenVerification: { botId: FAKE_BOT_ID, botUserId: FAKE_BOT_USER_ID },
      register: (app) => registerSlack(app, { core: h.core, config: h.config, logger, commandPrefix: 'acme-' }),
    });
    const { port } = await startSlackApp(slack, { port: 0 });
    try {
      const url = `http://127.0.0.1:${port}/slack/events`;
      expect((await postToBolt(url, signedSlashCommand('prefix-secret', { command: '/acme-fees', response_url: fake.responseUrl('pf') }))).status).toBe(200);
      await fake.waitFor('response_url', 1, 5000);
      expect(String(fake.responsesTo('pf')[0]!.body.text).length).toBeGreaterThan(0);
      const bare = await postToBolt(url, signedSlashCommand('prefix-secret', { command: '/fees', response_url: fake.responseUrl('bare') }));
      expect(bare.json).toMatchObject({ response_type: 'ephemeral', text: 'Slotkeeper does not know the command /fees.' });
      // /acme-help names the commands as they are typed here
      await postToBolt(url, signedSlashCommand('prefix-secret', { command: '/acme-help', response_url: fake.responseUrl('help') }));
      await fake.waitFor('response_url', 2, 5000);
      const help = JSON.stringify(fake.responsesTo('help')[0]!.body);
      expect(help).toContain('`/acme-book`');
      expect(help).not.toContain('`/book`');
    } finally {
      await stopSlackApp(slack);
      await fake.close();
      await db.close();
    }
  });
});
