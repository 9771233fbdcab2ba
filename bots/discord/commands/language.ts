/** /language and /help, worded by the shared presenter in the person's language. */
import { SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from '../interaction-router.js';
import { callerOf, contextOf, type DiscordDeps } from '../caller.js';
import { LANGUAGE_NAMES, presentHelp, presentLanguage } from '../../shared/present/results.js';
import { renderMessage } from '../render/index.js';
import { replyPrivately } from './reply.js';

export const languageCommand: CommandModule<DiscordDeps> = {
  data: new SlashCommandBuilder()
    .setName('language')
    .setDescription('The language I write to you in (over your Discord language)')
    .addStringOption((o) =>
      o
        .setName('language')
        .setDescription('A language, or "auto" for your Discord language')
        .setRequired(true)
        .addChoices(...Object.entries(LANGUAGE_NAMES).map(([value, name]) => ({ name, value })), { name: 'Auto (Discord)', value: 'auto' }),
    )
    .toJSON(),
  async execute(interaction, { core, config }) {
    const caller = callerOf(interaction);
    const ctx = await contextOf(core, config, interaction);
    await replyPrivately(interaction, renderMessage(presentLanguage(ctx, await core.setLanguage({ caller, language: interaction.options.getString('language', true) })).message));
  },
};

/** /help lists the commands this person may use: staff commands only for staff (core says who is). */
export function helpCommand(names: () => string[]): CommandModule<DiscordDeps> {
  return {
    data: new SlashCommandBuilder().setName('help').setDescription('The commands you can use').toJSON(),
    async execute(interaction, { core, config }) {
      const ctx = await contextOf(core, config, interaction);
      const commands = names().map((name) => ({ name, typed: `/${name}` }));
      await replyPrivately(interaction, renderMessage(presentHelp(ctx, commands, core.isStaff(callerOf(interaction))).message));
    },
  };
}
