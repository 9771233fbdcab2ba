import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp, startSlackApp, stopSlackApp, type SlackApp } from '../../bots/slack/app.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api.js';
import { blockActionsPayload, slashCommandBody } from '../fakes/slack-sign.js';
import { startFakeSocketMode, type FakeSocketMode } from '../fakes/slack-socket.js';
import { capturedLogger } from './log-capture.js';

describe('Slack app over Socket Mode (real Bolt, fake socket)', () => {
  let fake: FakeSlack;
  let socket: FakeSocketMode;
  let slack: SlackApp;
  const handled: string[] = [];

  beforeAll(async () => {
    fake = await startFakeSlack();
    socket = await startFakeSocketMode(fake);
    const { logger } = capturedLogger();
    slack = createSlackApp({
      env: { botToken: 'xoxb-socket-bot', appToken: 'xapp-1-A0-socket', apiUrl: fake.url, mode: 'socket' },
      logger,
      retryConfig: { retries: 0 },
      receiverOptions: { autoReconnectEnabled: false },
      register: (app) => {
        app.command('/sk-ping', async ({ ack, command, respond }) => {
          handled.push(command.text);
          await ack({ response_type: 'ephemeral', text: `pong ${command.text}` });
          await respond({ text: 'later via response_url' });
        });
        app.action('sk:cancel', async ({ ack, body, client }) => {
          await ack();
          await client.chat.postEphemeral({ channel: 'C0STAFF', user: body.user.id, text: 'cancelled' });
        });
      },
    });
    await startSlackApp(slack);
    await socket.connected();
  });

  afterAll(async () => {
    await stopSlackApp(slack);
    await socket.close();
    await fake.close();
  });

  it('opened the connection with the app-level token', () => {
    expect(fake.callsTo('apps.connections.open')).toMatchObject([{ authorization: 'Bearer xapp-1-A0-socket', status: 200 }]);
    expect(fake.callsTo('auth.test')).toMatchObject([{ authorization: 'Bearer xoxb-socket-bot' }]);
  });

  it('acks a slash command envelope with the response payload', async () => {
    const payload = slashCommandBody({ command: '/sk-ping', text: 'socket', user_id: 'U7', response_url: fake.responseUrl('sock-1') });
    const ack = await socket.send('slash_commands', payload);
    expect(ack.payload).toEqual({ response_type: 'ephemeral', text: 'pong socket' });
    expect(handled).toEqual(['socket']);
    const [later] = await fake.waitFor('response_url');
    expect(later).toMatchObject({ responseId: 'sock-1', body: { text: 'later via response_url' } });
  });

  it('acks an interactive button envelope with an empty payload and runs the listener', async () => {
    const ack = await socket.send('interactive', blockActionsPayload({ action_id: 'sk:cancel', value: 'bk_1', user_id: 'U8' }));
    expect(ack.payload).toEqual({});
    const [eph] = await fake.waitFor('chat.postEphemeral');
    expect(eph?.body).toMatchObject({ channel: 'C0STAFF', user: 'U8', text: 'cancelled' });
    expect(eph?.authorization).toBe('Bearer xoxb-socket-bot');
  });

  it('leaves a command with no listener unacknowledged (Slack would show the user a timeout)', async () => {
    const payload = slashCommandBody({ command: '/sk-unknown', text: 'x' });
    await expect(socket.send('slash_commands', payload, { timeoutMs: 300 })).rejects.toThrow(/no ack/);
  });
});
