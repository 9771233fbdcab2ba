import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GatewayIntentBits, IntentsBitField, type Client } from 'discord.js';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createDiscordClient } from '../../bots/discord/client.js';
import type { FakeDiscord } from '../fakes/discord-server.js';
import { connectedClient, recordingLogger, startDefaultFake, TOKEN } from './helpers.js';

describe('createDiscordClient against the fake gateway', () => {
  let fake: FakeDiscord;
  let client: Client | undefined;
  beforeEach(async () => {
    fake = await startDefaultFake();
  });
  afterEach(async () => {
    await client?.destroy();
    client = undefined;
    await fake.close();
  });

  it('logs in, identifies with the four intents and caches the guild, channels and roles', async () => {
    const logger = recordingLogger();
    client = await connectedClient(fake, logger);

    expect(client.user?.id).toBe(fake.applicationId);
    const identify = fake.identifyPayloads[0]!;
    expect(identify.token).toBe(TOKEN);
    expect(new IntentsBitField(identify.intents).toArray().sort()).toEqual(
      ['Guilds', 'GuildMessages', 'MessageContent', 'DirectMessages'].sort(),
    );
    expect(identify.intents).toBe(
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.MessageContent | GatewayIntentBits.DirectMessages,
    );
    const guild = client.guilds.cache.get(fake.guildId)!;
    expect(guild.available).toBe(true);
    expect(guild.channels.cache.map((c) => c.name).sort()).toEqual(['booking', 'staff']);
    expect(guild.roles.cache.find((r) => r.name === 'Staff')?.id).toBe('444444444444444401');
    expect(fake.callsTo('GET', '/gateway/bot')).toHaveLength(1);

    const ready = logger.entries.find((e) => e.msg === 'discord client ready');
    expect(ready?.bindings).toMatchObject({ platform: 'discord', component: 'discord.js' });
    expect(ready?.obj).toMatchObject({ botUserId: fake.applicationId, guilds: 1 });
    expect(logger.entries.some((e) => e.level === 'debug')).toBe(true);
    expect(JSON.stringify(logger.entries)).not.toContain(TOKEN);
  });

  it('logs through a real pino root as a child bound to platform discord, never printing the token', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const root = pino({ level: 'debug' }, sink);
    client = createDiscordClient({ token: TOKEN, apiUrl: fake.apiUrl, logger: root, waitGuildTimeout: 500 });
    const ready = new Promise((resolve) => client!.once('clientReady', resolve));
    await client.login();
    await ready;
    await new Promise((r) => setImmediate(r));
    const readyLine = lines.find((l) => l.msg === 'discord client ready');
    expect(readyLine).toMatchObject({ level: 30, platform: 'discord', component: 'discord.js', botUserId: fake.applicationId, guilds: 1 });
    expect(lines.some((l) => l.level === 20 && String(l.msg).includes('Fetched Gateway Information'))).toBe(true);
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
  });
});
