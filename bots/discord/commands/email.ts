/** /email and /sk-calendar: email settings and the staff calendar feed, worded by the shared presenter. */
import { SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from '../interaction-router.js';
import { callerOf, type DiscordDeps } from '../caller.js';
import { parseEmailArgs, presentCalendarFeed, presentEmailSettings } from '../../shared/present/email-settings.js';
import { personContext, type Message, type Text } from '../../shared/present/index.js';
import { timeText } from '../../shared/present/time-text.js';
import { view, type View } from '../kit.js';
import { replyPrivately } from './reply.js';

const text = (t: Text) => t.map((p) => (typeof p === 'string' ? p : p.t === 'time' ? timeText(p) : p.t === 'code' ? `\`${p.text}\`` : p.t === 'link' ? p.url : p.name)).join('');

/** A text-only shared Message as a Discord reply (muted lines in italics). */
function draw(m: Message): View {
  return view(m.sections.flat().map((l) => (l.style === 'muted' ? `_${text(l.text)}_` : text(l.text))).join('\n'));
}

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
    await replyPrivately(interaction, draw(presentEmailSettings(personContext(config, caller.locale), await core.setEmail({ caller, ...args })).message));
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
    await replyPrivately(interaction, draw(presentCalendarFeed(personContext(config, caller.locale), await core.staffCalendarFeed({ caller, action })).message));
  },
};
