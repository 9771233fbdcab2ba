/**
 * Discord does not count interaction endpoints against a bot's global limit (50 requests per second);
 * discord.js does. Slotkeeper sends a deferred command's answer (PATCH @original, an interaction-token
 * webhook) outside that count, so a bot that has used up its global budget on DMs still answers.
 */
import { Routes, type Client } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeDiscord } from '../fakes/discord-server.js';
import { isInteractionWebhook } from '../../bots/discord/interaction-rest.js';
import { connectedClient, startDefaultFake } from './helpers.js';

const BOOKING = '333333333333333301';

describe('interaction webhooks and the global rate limit', () => {
  let fake: FakeDiscord;
  let client: Client<true>;
  beforeAll(async () => {
    fake = await startDefaultFake();
    client = await connectedClient(fake);
    client.on('interactionCreate', async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      await i.editReply({ content: 'Here is your answer.' });
    });
  });
  afterAll(async () => {
    await client?.destroy();
    await fake?.close();
  });

  it('with the global budget used up, a command is still answered at once while a channel post waits for the next second', async () => {
    client.rest.globalRemaining = 0;
    client.rest.globalReset = Date.now() + 1_500;
    const posted = client.rest.post(Routes.channelMessages(BOOKING), { body: { content: 'a staff-channel post' } });

    const i = fake.interaction({ kind: 'command', name: 'book' });
    const edit = await fake.waitForCall('PATCH', `/webhooks/${fake.applicationId}/${i.token}/messages/@original`, 1_000);
    expect(edit.body.content).toBe('Here is your answer.');
    expect(fake.callsTo('POST', `/channels/${BOOKING}/messages`)).toHaveLength(0); // still held by the global count

    await posted;
    const post = fake.callsTo('POST', `/channels/${BOOKING}/messages`);
    expect(post).toHaveLength(1);
    expect(post[0]!.at).toBeGreaterThan(edit.at);
  });

  it('only this application\'s token routes are sent apart', () => {
    expect(isInteractionWebhook('/webhooks/222222222222222222/tok/messages/@original', '222222222222222222')).toBe(true);
    expect(isInteractionWebhook('/webhooks/999999999999999999/tok', '222222222222222222')).toBe(false);
    expect(isInteractionWebhook('/channels/1/messages', '222222222222222222')).toBe(false);
    expect(isInteractionWebhook('/webhooks/222222222222222222/tok', undefined)).toBe(false);
  });
});
