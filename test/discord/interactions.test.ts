import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType, MessageFlags, SlashCommandBuilder, type Client } from 'discord.js';
import { refuse } from '../../bots/discord/reply-error.js';
import { createInteractionRouter, type CommandModule, type ComponentHandler } from '../../bots/discord/interaction-router.js';
import type { FakeDiscord } from '../fakes/discord-server.js';
import { connectedClient, recordingLogger, startDefaultFake, type LogEntry } from './helpers.js';

/** Test command modules, shaped like the real ones in bots/discord/commands/. */
const book: CommandModule<{ prefix: string }> = {
  data: new SlashCommandBuilder()
    .setName('book')
    .setDescription('Book a support session')
    .addStringOption((o) => o.setName('when').setDescription('When').setRequired(true).setAutocomplete(true))
    .toJSON(),
  async execute(interaction, ctx) {
    const when = interaction.options.getString('when', true);
    await interaction.reply({ content: `${ctx.prefix} Requested a session ${when}.`, flags: MessageFlags.Ephemeral });
  },
  async autocomplete(interaction) {
    const typed = interaction.options.getFocused().toLowerCase();
    const choices = ['today 15:00', 'tomorrow 10:00', 'tomorrow 14:00'].filter((c) => c.startsWith(typed));
    await interaction.respond(choices.map((c) => ({ name: c, value: c })));
  },
};
const staffOnly: CommandModule<{ prefix: string }> = {
  data: new SlashCommandBuilder().setName('approve-queue').setDescription('Staff only').toJSON(),
  async execute(interaction, ctx) {
    const isStaff = interaction.inCachedGuild() && interaction.member.roles.cache.some((r) => r.name === 'Staff');
    if (!isStaff) return refuse(interaction, 'Only staff can open the approval queue.', ctx.logger);
    const response = await interaction.reply({ content: 'Queue: 0 pending.', flags: MessageFlags.Ephemeral, withResponse: true });
    ctx.logger.info({ messageId: response.resource?.message?.id, channelId: response.resource?.message?.channelId }, 'queue shown');
  },
};
const explode: CommandModule<{ prefix: string }> = {
  data: new SlashCommandBuilder().setName('explode').setDescription('Throws').toJSON(),
  async execute() {
    throw new Error('database is on fire');
  },
};
const slowExplode: CommandModule<{ prefix: string }> = {
  data: new SlashCommandBuilder().setName('slow-explode').setDescription('Defers then throws').toJSON(),
  async execute(interaction) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    throw new Error('timeout talking to the store');
  },
};
const replyThenExplode: CommandModule<{ prefix: string }> = {
  data: new SlashCommandBuilder().setName('reply-explode').setDescription('Replies then throws').toJSON(),
  async execute(interaction) {
    await interaction.reply({ content: 'Working on it…', flags: MessageFlags.Ephemeral });
    throw new Error('later failure');
  },
};
const components: ComponentHandler<{ prefix: string }>[] = [
  {
    kind: 'button',
    prefix: 'approve',
    async handle(interaction) {
      const bookingId = interaction.customId.split(':')[1];
      await interaction.update({ content: `Approved booking ${bookingId} by <@${interaction.user.id}>.`, components: [] });
    },
  },
  {
    kind: 'button',
    prefix: 'approve-all',
    async handle(interaction) {
      await interaction.update({ content: 'Approved everything.', components: [] });
    },
  },
  {
    kind: 'modal',
    prefix: 'reschedule',
    async handle(interaction) {
      const bookingId = interaction.customId.split(':')[1];
      const when = interaction.fields.getTextInputValue('when');
      await interaction.reply({ content: `Booking ${bookingId} moved to ${when}.`, flags: MessageFlags.Ephemeral });
    },
  },
];

describe('interaction router with the real discord.js client', () => {
  let fake: FakeDiscord;
  let client: Client;
  const entries: LogEntry[] = [];

  beforeAll(async () => {
    fake = await startDefaultFake();
    const logger = recordingLogger(entries);
    client = await connectedClient(fake, logger);
    createInteractionRouter({
      commands: [book, staffOnly, explode, slowExplode, replyThenExplode],
      components,
      deps: { prefix: '✅' },
      logger,
    }).attach(client);
  });
  afterAll(async () => {
    await client?.destroy();
    await fake?.close();
  });

  const callback = (i: { id: string; token: string }) => fake.waitForCall('POST', `/interactions/${i.id}/${i.token}/callback`);

  const ephemeral = (content: string) => ({
    type: 4,
    data: { content, flags: 64, tts: false, enforce_nonce: false, allowed_mentions: { parse: [], replied_user: false } },
  });
  const apologyRe = /^Sorry, something went wrong on our side\. Please try again in a moment \(error reference (E-[A-Z2-9]{8})\)\.$/;

  it('(b) routes a slash command to its module, which replies ephemerally (callback type 4, flags 64)', async () => {
    const i = fake.interaction({
      kind: 'command',
      name: 'book',
      options: [{ name: 'when', type: ApplicationCommandOptionType.String, value: 'tomorrow 10:00' }],
    });
    const call = await callback(i);
    expect(call.status).toBe(204);
    expect(call.body).toEqual(ephemeral('✅ Requested a session tomorrow 10:00.'));
    expect(call.headers.authorization).toBeUndefined(); // interaction callbacks are authenticated by the token in the URL
  });

  it('(c) routes a button by custom_id prefix and updates the message (callback type 7)', async () => {
    const i = fake.interaction({ kind: 'button', customId: 'approve:42', user: 'staffer', channel: 'staff' });
    const call = await callback(i);
    expect(call.body).toEqual({
      type: 7,
      data: {
        content: 'Approved booking 42 by <@555555555555555502>.',
        components: [],
        tts: false,
        enforce_nonce: false,
        allowed_mentions: { parse: [], replied_user: false },
      },
    });
  });

  it('(c) picks the longest matching prefix and never matches a prefix inside a longer word', async () => {
    const i = fake.interaction({ kind: 'button', customId: 'approve-all', user: 'staffer', channel: 'staff' });
    expect((await callback(i)).body.data.content).toBe('Approved everything.');
    const stale = fake.interaction({ kind: 'button', customId: 'approvex:1', user: 'staffer', channel: 'staff' });
    expect((await callback(stale)).body).toEqual(ephemeral('This action is no longer available. Please start again.'));
  });

  it('(d) routes a modal submit and reads its text input', async () => {
    const i = fake.interaction({ kind: 'modal', customId: 'reschedule:42', fields: { when: 'Friday 09:30' } });
    expect((await callback(i)).body).toEqual(ephemeral('Booking 42 moved to Friday 09:30.'));
  });

  it('(e) answers autocomplete with choices (callback type 8)', async () => {
    const i = fake.interaction({
      kind: 'autocomplete',
      name: 'book',
      options: [{ name: 'when', type: ApplicationCommandOptionType.String, value: 'tom', focused: true }],
    });
    expect((await callback(i)).body).toEqual({
      type: 8,
      data: {
        choices: [
          { name: 'tomorrow 10:00', value: 'tomorrow 10:00' },
          { name: 'tomorrow 14:00', value: 'tomorrow 14:00' },
        ],
      },
    });
  });

  it('(f) a handler that throws: the user gets an ephemeral apology quoting the logged error reference', async () => {
    const i = fake.interaction({ kind: 'command', name: 'explode' });
    const call = await callback(i);
    expect(call.body).toMatchObject({ type: 4, data: { flags: 64 } });
    const ref = apologyRe.exec(call.body.data.content)?.[1];
    expect(ref).toBeDefined();
    expect(call.body).toEqual(ephemeral(call.body.data.content));

    const logged = entries.find((e) => e.level === 'error' && (e.obj as { errorRef?: string }).errorRef === ref)!;
    expect(logged.msg).toBe('interaction handler failed');
    expect(logged.obj).toMatchObject({
      errorRef: ref,
      interactionId: i.id,
      command: 'explode',
      userId: '555555555555555501',
      guildId: fake.guildId,
      channelId: '333333333333333301',
    });
    expect((logged.obj as { err: Error }).err.message).toBe('database is on fire');
    expect(logged.bindings).toMatchObject({ platform: 'discord', component: 'interactions', command: 'explode' });
  });

  it('(f) the apology is in the person\'s language (the interaction locale)', async () => {
    const i = fake.interaction({ kind: 'command', name: 'explode', locale: 'de' });
    const call = await callback(i);
    expect(call.body.data.content).toMatch(/^Entschuldigung, bei uns ist etwas schiefgegangen\. Bitte versuchen Sie es gleich noch einmal \(Fehlerreferenz E-[A-Z2-9]{8}\)\.$/);
  });

  it('(f) after deferReply the apology goes through editReply (PATCH @original)', async () => {
    const i = fake.interaction({ kind: 'command', name: 'slow-explode' });
    const deferred = await callback(i);
    expect(deferred.body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await fake.waitForCall('PATCH', `/webhooks/${fake.applicationId}/${i.token}/messages/@original`);
    expect(edit.body.content).toMatch(apologyRe);
    expect(edit.body).toEqual({
      content: edit.body.content,
      tts: false,
      enforce_nonce: false,
      allowed_mentions: { parse: [], replied_user: false },
    });
    expect(fake.callsTo('POST', `/interactions/${i.id}/${i.token}/callback`)).toHaveLength(1);
  });

  it('(f) after a reply the apology is an ephemeral follow-up', async () => {
    const i = fake.interaction({ kind: 'command', name: 'reply-explode' });
    expect((await callback(i)).body).toEqual(ephemeral('Working on it…'));
    const follow = await fake.waitForCall('POST', `/webhooks/${fake.applicationId}/${i.token}`);
    expect(follow.body.content).toMatch(apologyRe);
    expect(follow.body).toEqual({
      content: follow.body.content,
      flags: 64,
      tts: false,
      enforce_nonce: false,
      allowed_mentions: { parse: [], replied_user: false },
    });
  });

  it('refuses an unknown command ephemerally instead of leaving "The application did not respond"', async () => {
    const i = fake.interaction({ kind: 'command', name: 'gone' });
    expect((await callback(i)).body).toEqual(ephemeral('This action is no longer available. Please start again.'));
  });

  it('routes a slash command sent from a DM (user instead of member, no guild)', async () => {
    const i = fake.interaction({
      kind: 'command',
      name: 'book',
      dm: true,
      options: [{ name: 'when', type: ApplicationCommandOptionType.String, value: 'today 15:00' }],
    });
    expect(i.member).toBeUndefined();
    expect((await callback(i)).body).toEqual(ephemeral('✅ Requested a session today 15:00.'));
  });

  it('a refusal is presented ephemerally and logged as no error', async () => {
    const errorsBefore = entries.filter((e) => e.level === 'error').length;
    const i = fake.interaction({ kind: 'command', name: 'approve-queue', user: 'customer' });
    expect((await callback(i)).body).toEqual(ephemeral('Only staff can open the approval queue.'));
    expect(entries.filter((e) => e.level === 'error').length).toBe(errorsBefore);
  });

  it('reply withResponse: the fake answers 200 with the created message in the interaction’s channel', async () => {
    const i = fake.interaction({ kind: 'command', name: 'approve-queue', user: 'staffer', channel: 'staff' });
    const call = await callback(i);
    expect(call.query).toEqual({ with_response: 'true' });
    expect(call.status).toBe(200);
    expect(call.body).toEqual(ephemeral('Queue: 0 pending.'));
    const deadline = Date.now() + 2_000;
    let shown: LogEntry | undefined;
    while (!(shown = entries.find((e) => e.msg === 'queue shown' && e.bindings.interactionId === i.id)) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(shown?.obj).toMatchObject({ messageId: expect.any(String), channelId: fake.channelId('staff') });
  });
});
