/**
 * A command's deferral and answer go to Discord with undici directly (bots/discord/interaction-http.ts),
 * keeping discord.js's rules for them: a 429 is waited out, a 5xx is sent again, anything else fails
 * with Discord's status and message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeDiscord } from '../fakes/discord-server.js';
import { interactionHttp, InteractionRequestError } from '../../bots/discord/interaction-http.js';
import { startDefaultFake } from './helpers.js';

const TOKEN = `aW50ZXJhY3Rpb246${'x'.repeat(70)}`;

describe('the interaction requests sent with undici', () => {
  let fake: FakeDiscord;
  let http: ReturnType<typeof interactionHttp>;
  beforeAll(async () => {
    fake = await startDefaultFake();
    http = interactionHttp({ api: fake.apiUrl, version: '10', userAgent: 'DiscordBot (test, 1)', timeoutMs: 5_000 });
  });
  afterAll(async () => {
    await http?.close();
    await fake?.close();
  });

  it('send the deferral and the answer as discord.js would: the route, the JSON body, a user agent, no bot token', async () => {
    await http.callback('111', TOKEN, { type: 5, data: { flags: 64 } });
    await http.editOriginal(fake.applicationId, TOKEN, { content: 'Here is your answer.', components: [] });
    const [deferral] = fake.callsTo('POST', `/interactions/111/${TOKEN}/callback`);
    expect(deferral!.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(deferral!.headers['user-agent']).toBe('DiscordBot (test, 1)');
    expect(deferral!.headers['content-type']).toBe('application/json');
    expect(deferral!.headers.authorization).toBeUndefined();
    const [edit] = fake.callsTo('PATCH', `/webhooks/${fake.applicationId}/${TOKEN}/messages/@original`);
    expect(edit!.body).toEqual({ content: 'Here is your answer.', components: [] });
  });

  it('wait out a 429 for its Retry-After, then send again', async () => {
    const token = `${TOKEN}429`;
    fake.failNext('PATCH /webhooks/:app/:token/messages/@original', { status: 429, retryAfter: 0.3 });
    const started = Date.now();
    await http.editOriginal(fake.applicationId, token, { content: 'late but there' });
    const calls = fake.callsTo('PATCH', `/webhooks/${fake.applicationId}/${token}/messages/@original`);
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('send again after a 5xx, three times at most, then fail with the status', async () => {
    fake.failNext('POST /interactions/:id/:token/callback', { status: 502 });
    await http.callback('222', TOKEN, { type: 5 });
    expect(fake.callsTo('POST', `/interactions/222/${TOKEN}/callback`).map((c) => c.status)).toEqual([502, 204]);

    for (let k = 0; k < 4; k++) fake.failNext('POST /interactions/:id/:token/callback', { status: 503, message: 'Service Unavailable' });
    const failed = await http.callback('333', TOKEN, { type: 5 }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(InteractionRequestError);
    expect((failed as InteractionRequestError).status).toBe(503);
    expect(fake.callsTo('POST', `/interactions/333/${TOKEN}/callback`)).toHaveLength(4);
  });

  it("fail at once on any other answer, with Discord's message, the token left out", async () => {
    fake.failNext('POST /interactions/:id/:token/callback', { status: 404, code: 10062, message: 'Unknown interaction' });
    const failed = (await http.callback('444', TOKEN, { type: 5 }).catch((e: unknown) => e)) as InteractionRequestError;
    expect(failed).toBeInstanceOf(InteractionRequestError);
    expect(failed.status).toBe(404);
    expect(failed.message).toBe('404 on POST /interactions/444/:token/callback: Unknown interaction');
    expect(failed.message).not.toContain(TOKEN);
    expect(fake.callsTo('POST', `/interactions/444/${TOKEN}/callback`)).toHaveLength(1);
  });
});
