import type { App, BlockAction } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SlackEnv } from '../../bots/shared/env.js';
import { createSlackApp, startSlackApp, stopSlackApp, type SlackApp } from '../../bots/slack/app.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api.js';
import { postToBolt, signedBlockActions, signedSlashCommand, signedViewSubmission } from '../fakes/slack-sign.js';
import { capturedLogger } from './log-capture.js';

const SECRET = 'test-signing-secret-0123456789abcdef';

describe('Slack app over HTTP (real Bolt, fake Web API)', () => {
  let fake: FakeSlack;
  let slack: SlackApp;
  let events: string;
  let base: string;
  const handled: string[] = [];
  let authAtStart: unknown[] = [];
  const { logger, lines } = capturedLogger();

  function register(app: App): void {
    app.command('/sk-ping', async ({ ack, command, respond, say }) => {
      handled.push(`command:${command.text}`);
      await ack({ response_type: 'ephemeral', text: `pong ${command.text}` });
      await respond({ response_type: 'ephemeral', text: 'pong via response_url' });
      await say({ text: 'pong via say', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*pong*' } }] });
    });
    app.command('/sk-boom', async ({ ack }) => {
      handled.push('boom');
      await ack();
      throw new Error('listener exploded');
    });
    app.action<BlockAction>('sk:approve', async ({ ack, action, client, body }) => {
      await ack();
      const value = action.type === 'button' ? action.value : undefined;
      handled.push(`action:${value}`);
      await client.chat.update({ channel: body.channel?.id ?? '', ts: body.message?.ts ?? '', text: `approved ${value}` });
    });
    app.view('book-modal', async ({ ack, view }) => {
      handled.push(`view:${view.private_metadata}`);
      await ack({ response_action: 'errors', errors: { when: 'That slot is taken' } });
    });
  }

  beforeAll(async () => {
    fake = await startFakeSlack();
    const env: SlackEnv = { botToken: 'xoxb-test-token', signingSecret: SECRET, apiUrl: fake.url, mode: 'http' };
    slack = createSlackApp({
      env,
      logger,
      register,
      retryConfig: { retries: 0 },
      customRoutes: [
        {
          path: '/healthz',
          method: ['GET'],
          handler: (_req, res) => {
            res.writeHead(200, { 'content-type': 'text/plain' });
            res.end('ok');
          },
        },
        {
          path: '/j/:token',
          method: ['GET'],
          handler: (req, res) => {
            res.writeHead(200, { 'content-type': 'text/plain' });
            res.end(`join ${req.params?.token}`);
          },
        },
      ],
    });
    const started = await startSlackApp(slack, { port: 0 });
    base = `http://127.0.0.1:${started.port}`;
    events = `${base}/slack/events`;
    authAtStart = [...fake.callsTo('auth.test')];
  });

  afterAll(async () => {
    await stopSlackApp(slack);
    await fake.close();
  });

  beforeEach(() => {
    handled.length = 0;
    fake.reset();
  });

  it('verified the bot token with auth.test at start, before listening', () => {
    expect(authAtStart).toMatchObject([{ method: 'auth.test', authorization: 'Bearer xoxb-test-token', status: 200 }]);
    expect(lines.find((l) => l.msg === 'Slack app listening')).toMatchObject({ platform: 'slack', mode: 'http' });
  });

  it('acks a signed slash command and its respond()/say() reach Slack', async () => {
    const res = await postToBolt(
      events,
      signedSlashCommand(SECRET, { command: '/sk-ping', text: 'hello', user_id: 'U1', channel_id: 'C1', response_url: fake.responseUrl('r-ping') }),
    );
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ response_type: 'ephemeral', text: 'pong hello' });

    const [response] = await fake.waitFor('response_url');
    expect(response).toMatchObject({ responseId: 'r-ping', body: { response_type: 'ephemeral', text: 'pong via response_url' } });

    const [post] = await fake.waitFor('chat.postMessage');
    expect(post?.authorization).toBe('Bearer xoxb-test-token');
    expect(post?.body).toMatchObject({ channel: 'C1', text: 'pong via say', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*pong*' } }] });
    expect(handled).toEqual(['command:hello']);
  });

  it('answers 401 to a forged signature and never runs the handler', async () => {
    const res = await postToBolt(events, signedSlashCommand(SECRET, { command: '/sk-ping', text: 'forged' }, { forged: true }));
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 50));
    expect(handled).toEqual([]);
    expect(fake.calls).toEqual([]);
  });

  it('answers 401 to a timestamp six minutes old', async () => {
    const res = await postToBolt(events, signedSlashCommand(SECRET, { command: '/sk-ping', text: 'stale' }, { ageSeconds: 6 * 60 }));
    expect(res.status).toBe(401);
    expect(handled).toEqual([]);
  });

  it('accepts a timestamp just under five minutes old', async () => {
    const res = await postToBolt(events, signedSlashCommand(SECRET, { command: '/sk-ping', text: 'old-ok', response_url: fake.responseUrl('r2') }, { ageSeconds: 290 }));
    expect(res.status).toBe(200);
    expect(handled).toEqual(['command:old-ok']);
  });

  it('routes a block_actions button and the listener updates the message', async () => {
    const res = await postToBolt(events, signedBlockActions(SECRET, { action_id: 'sk:approve', value: 'bk_42', channel_id: 'C0STAFF', message_ts: '1700000000.000123' }));
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const [update] = await fake.waitFor('chat.update');
    expect(update?.body).toMatchObject({ channel: 'C0STAFF', ts: '1700000000.000123', text: 'approved bk_42' });
  });

  it('returns view_submission errors in the ack body', async () => {
    const res = await postToBolt(events, signedViewSubmission(SECRET, { callback_id: 'book-modal', private_metadata: 'meta-1' }));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ response_action: 'errors', errors: { when: 'That slot is taken' } });
    expect(handled).toEqual(['view:meta-1']);
  });

  it('serves custom routes beside /slack/events', async () => {
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.text()).toBe('ok');
    const join = await fetch(`${base}/j/abc123`);
    expect(await join.text()).toBe('join abc123');
  });

  it('logs a listener exception once with request context and an error reference, without the command text', async () => {
    const res = await postToBolt(events, signedSlashCommand(SECRET, { command: '/sk-boom', text: 'MAINT-9999', user_id: 'U9', team_id: 'T9' }));
    expect(res.status).toBe(200);
    await expect.poll(() => lines.filter((l) => l.msg === 'unhandled error in a Slack listener').length).toBe(1);
    const line = lines.find((l) => l.msg === 'unhandled error in a Slack listener');
    expect(line).toMatchObject({ level: 50, platform: 'slack', command: '/sk-boom', userId: 'U9', teamId: 'T9', err: { message: 'listener exploded' } });
    expect(line?.errorRef).toMatch(/^[0-9a-f]{8}$/);
    // err.code is redacted with every other `*.code`, so Bolt's code is kept as errorCode.
    expect(line?.errorCode).toBe('slack_bolt_unknown_error');
    expect(JSON.stringify(lines)).not.toContain('MAINT-9999');
    expect(JSON.stringify(lines)).not.toContain('xoxb-test-token');
  });
});

describe('Slack app start-up', () => {
  it('fails start when auth.test rejects the token, instead of failing on the first request', async () => {
    const fake = await startFakeSlack();
    try {
      fake.failNext('auth.test', { ok: false, error: 'invalid_auth' });
      const { logger } = capturedLogger();
      const slack = createSlackApp({
        env: { botToken: 'xoxb-revoked', signingSecret: SECRET, apiUrl: fake.url, mode: 'http' },
        logger,
        register: () => {},
        retryConfig: { retries: 0 },
      });
      await expect(startSlackApp(slack, { port: 0 })).rejects.toThrow(/invalid_auth/);
      expect(fake.callsTo('auth.test')).toMatchObject([{ authorization: 'Bearer xoxb-revoked' }]);
    } finally {
      await fake.close();
    }
  });
});
