import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttachmentBuilder, DiscordAPIError, Events, REST, Routes, type Client, type TextChannel, type ThreadChannel } from 'discord.js';
import type { FakeDiscord } from '../fakes/discord-server.js';
import { connectedClient, startDefaultFake, TOKEN } from './helpers.js';

describe('the fake Discord itself, driven by discord.js', () => {
  let fake: FakeDiscord;
  let client: Client;
  let rest: REST;
  beforeAll(async () => {
    fake = await startDefaultFake();
    client = await connectedClient(fake);
    rest = new REST({ api: fake.apiUrl, retries: 0 }).setToken(TOKEN);
  });
  afterAll(async () => {
    await client?.destroy();
    await fake?.close();
  });

  it('records multipart bodies: payload_json as the body, file parts listed', async () => {
    const channel = client.channels.cache.get(fake.channelId('staff')) as TextChannel;
    await channel.send({ content: 'Bookings export', files: [new AttachmentBuilder(Buffer.from('a,b\n1,2\n'), { name: 'bookings.csv' })] });
    const call = fake.callsTo('POST', `/channels/${fake.channelId('staff')}/messages`).at(-1)!;
    expect(String(call.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
    expect(call.body).toMatchObject({ content: 'Bookings export', attachments: [{ id: '0' }] });
    expect(call.files).toEqual([{ name: 'files[0]', filename: 'bookings.csv', size: 8 }]);
  });

  it('starts a thread without a message: answers a type 11 channel and the client caches it via THREAD_CREATE (emitted once)', async () => {
    const channel = client.channels.cache.get(fake.channelId('booking')) as TextChannel;
    const created: ThreadChannel[] = [];
    const onCreate = (t: ThreadChannel) => created.push(t);
    client.on(Events.ThreadCreate, onCreate);
    const thread = await channel.threads.create({ name: 'Booking · walk-in' });
    client.off(Events.ThreadCreate, onCreate);
    expect(thread.type).toBe(11);
    expect(thread.parentId).toBe(fake.channelId('booking'));
    expect(client.channels.cache.get(thread.id)).toBe(thread);
    expect(created.map((t) => t.id)).toEqual([thread.id]);
    expect(fake.callsTo('POST', `/channels/${fake.channelId('booking')}/threads`).at(-1)!.body).toMatchObject({ name: 'Booking · walk-in' });
  });

  it('edits a message (PATCH /channels/:id/messages/:mid)', async () => {
    const channel = client.channels.cache.get(fake.channelId('staff')) as TextChannel;
    const sent = await channel.send('Pending approval');
    const edited = await sent.edit({ content: 'Approved', components: [] });
    expect(edited.content).toBe('Approved');
    expect(fake.callsTo('PATCH', `/channels/${fake.channelId('staff')}/messages/${sent.id}`)[0]!.body).toMatchObject({
      content: 'Approved',
      components: [],
    });
  });

  it('serves users and members, and Discord-shaped 404s', async () => {
    expect(await client.users.fetch('555555555555555502', { force: true })).toMatchObject({ username: 'staffer' });
    const member = await client.guilds.cache.get(fake.guildId)!.members.fetch({ user: '555555555555555502', force: true });
    expect(member.roles.cache.has('444444444444444401')).toBe(true);
    const missing = await rest.get(Routes.guildMember(fake.guildId, '1')).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(DiscordAPIError);
    expect((missing as DiscordAPIError).code).toBe(10007);
  });

  it('scripts a global 429 with the x-ratelimit-global header and Discord’s body', async () => {
    fake.failNext('GET /users/:id', { status: 429, retryAfter: 0.05, global: true });
    const res = await fetch(`${fake.apiUrl}/v10/users/555555555555555501`);
    expect(res.status).toBe(429);
    expect(res.headers.get('x-ratelimit-global')).toBe('true');
    expect(res.headers.get('retry-after')).toBe('0.05');
    expect(await res.json()).toEqual({ message: 'You are being rate limited.', retry_after: 0.05, global: true });
  });

  it('waitForCall is bounded and lists what it saw', async () => {
    await expect(fake.waitForCall('DELETE', /never/, 50)).rejects.toThrow(/no DELETE \/never\/ within 50 ms\. Calls so far:/);
  });

  it('answers heartbeats with op 11, so the client measures a ping', async () => {
    const quick = await startDefaultFake({ heartbeatIntervalMs: 50 });
    const hb = await connectedClient(quick);
    try {
      const deadline = Date.now() + 2_000;
      while (hb.ws.ping < 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(hb.ws.ping).toBeGreaterThanOrEqual(0);
    } finally {
      await hb.destroy();
      await quick.close();
    }
  });
});
