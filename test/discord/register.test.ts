import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REST, SlashCommandBuilder } from 'discord.js';
import { registerCommands } from '../../bots/discord/deploy-commands.js';
import { runRegisterCli } from '../../bots/discord/register-cli.js';
import type { FakeDiscord } from '../fakes/discord-server.js';
import { startDefaultFake, TOKEN } from './helpers.js';

const commands = [
  {
    data: new SlashCommandBuilder()
      .setName('book')
      .setDescription('Book a support session')
      .addStringOption((o) => o.setName('when').setDescription('When').setRequired(true).setAutocomplete(true))
      .toJSON(),
  },
  { data: new SlashCommandBuilder().setName('cancel').setDescription('Cancel a booking').toJSON() },
];
const expectedBody = [
  {
    name: 'book',
    description: 'Book a support session',
    type: 1,
    options: [{ type: 3, name: 'when', description: 'When', required: true, autocomplete: true }],
  },
  { name: 'cancel', description: 'Cancel a booking', type: 1, options: [] },
];

describe('registerCommands', () => {
  let fake: FakeDiscord;
  let rest: REST;
  beforeAll(async () => {
    fake = await startDefaultFake();
    rest = new REST({ api: fake.apiUrl, retries: 0 }).setToken(TOKEN);
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('(i) PUTs the command modules’ JSON to the guild route when a guild id is given', async () => {
    const result = await registerCommands({ rest, applicationId: fake.applicationId, guildId: fake.guildId, commands });
    const puts = fake.callsTo('PUT', `/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
    expect(puts).toHaveLength(1);
    expect(puts[0]!.body).toMatchObject(expectedBody);
    expect(puts[0]!.body).toEqual(commands.map((c) => c.data));
    expect(puts[0]!.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(result.map((c) => [c.name, c.guild_id, typeof c.id])).toEqual([
      ['book', fake.guildId, 'string'],
      ['cancel', fake.guildId, 'string'],
    ]);
  });

  it('PUTs to the global route without a guild id', async () => {
    await registerCommands({ rest, applicationId: fake.applicationId, commands });
    const puts = fake.callsTo('PUT', `/applications/${fake.applicationId}/commands`);
    expect(puts).toHaveLength(1);
    expect(puts[0]!.body).toEqual(commands.map((c) => c.data));
  });
});

describe('register CLI', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
  };

  it('lists every missing variable and exits 1 without a stack trace', async () => {
    const { out, err, io: sink } = io();
    expect(await runRegisterCli({}, sink, commands)).toBe(1);
    expect(err[0]).toBe('Missing environment variables: DISCORD_TOKEN, DISCORD_APPLICATION_ID');
    expect(err.join('\n')).not.toMatch(/\n\s+at /);
    expect(out).toEqual([]);
  });

  it('names the single missing variable', async () => {
    const { err, io: sink } = io();
    expect(await runRegisterCli({ DISCORD_TOKEN: 'x', DISCORD_APPLICATION_ID: '  ' }, sink, commands)).toBe(1);
    expect(err[0]).toBe('Missing environment variable: DISCORD_APPLICATION_ID');
  });

  it('refuses to register an empty command list (a bulk PUT would delete every command)', async () => {
    const { err, io: sink } = io();
    expect(await runRegisterCli({ DISCORD_TOKEN: 'x', DISCORD_APPLICATION_ID: '1' }, sink, [])).toBe(1);
    expect(err[0]).toMatch(/^No commands to register/);
  });

  it('registers on the guild from DISCORD_GUILD_ID through DISCORD_API_URL and says what it did', async () => {
    const fake = await startDefaultFake();
    try {
      const { out, err, io: sink } = io();
      const code = await runRegisterCli(
        { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_GUILD_ID: fake.guildId, DISCORD_API_URL: fake.apiUrl },
        sink,
        commands,
      );
      expect(err).toEqual([]);
      expect(code).toBe(0);
      expect(out).toEqual([`Registered 2 commands on guild ${fake.guildId}: /book, /cancel`]);
      expect(fake.callsTo('PUT', `/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`)[0]!.body).toEqual(
        commands.map((c) => c.data),
      );
    } finally {
      await fake.close();
    }
  });

  it('explains a rejected token in one line', async () => {
    const fake = await startDefaultFake();
    try {
      fake.failNext('PUT /applications/:app/commands', { status: 401, code: 0, message: '401: Unauthorized' });
      const { err, io: sink } = io();
      const code = await runRegisterCli(
        { DISCORD_TOKEN: 'bad', DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl },
        sink,
        commands,
      );
      expect(code).toBe(1);
      expect(err).toEqual([
        'Registering commands failed (HTTP 401): 401: Unauthorized',
        'Check DISCORD_TOKEN: it must be the bot token from the Bot page.',
      ]);
    } finally {
      await fake.close();
    }
  });
});
