/** /email and /sk-calendar: email settings and the staff calendar feed, worded by the shared presenter. */
import { SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from '../interaction-router.js';
import { callerOf, contextOf, type DiscordDeps } from '../caller.js';
import { parseEmailArgs, presentCalendarFeed, presentEmailSettings } from '../../shared/present/email-settings.js';
import { renderMessage } from '../render/index.js';
import { replyPrivately } from './reply.js';

export const emailCommand: CommandModule<DiscordDeps> = {
  data: new SlashCommandBuilder()
    .setName('email')
    .setDescription('Get your messages by email too: your address, and chat, email or both')
    .addStringOption((o) => o.setName('address').setDescription('Your email address, or "remove"').setMaxLength(254))
    .addStringOption((o) => o.setName('send').setDescription('Where your messages go').addChoices({ name: 'chat', value: 'chat' }, { name: 'email', value: 'email' }, { name: 'both', value: 'both' }))
    .toJSON(),
  async execute(interaction, { core, config }) {
    const caller = callerOf(interaction);
    const args = parseEmailArgs(`${interaction.options.getString('address') ?? ''} ${interaction.options.getString('send') ?? ''}`);
    await replyPrivately(interaction, renderMessage(presentEmailSettings(await contextOf(core, config, interaction), await core.setEmail({ caller, ...args })).message));
  },
};

export const calendarFeedCommand: CommandModule<DiscordDeps> = {
  data: new SlashCommandBuilder()
    .setName('sk-calendar')
    .setDescription('Staff: your private calendar feed URL')
    .addStringOption((o) => o.setName('action').setDescription('rotate: a new URL; revoke: switch it off').addChoices({ name: 'rotate', value: 'rotate' }, { name: 'revoke', value: 'revoke' }))
    .toJSON(),
  async execute(interaction, { core, config }) {
    const caller = callerOf(interaction);
    const action = (interaction.options.getString('action') as 'rotate' | 'revoke' | null) ?? 'show';
    await replyPrivately(interaction, renderMessage(presentCalendarFeed(await contextOf(core, config, interaction), await core.staffCalendarFeed({ caller, action })).message));
  },
};
