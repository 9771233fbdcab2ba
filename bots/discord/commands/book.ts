import { SlashCommandBuilder } from 'discord.js';
import type { Config } from '../../../core/config/schema.js';
import type { CommandModule } from '../interaction-router.js';
import { callerOf, contextOf, zoneOfCaller, type DiscordDeps } from '../caller.js';
import { presentLink, presentUnderstand } from '../../shared/present/results.js';
import { personContext } from '../../shared/present/index.js';
import { duration } from '../../shared/present/i18n.js';
import { renderMessage, renderPresentation } from '../render/index.js';
import { presentPreview, previewExamples } from '../../shared/present/preview.js';
import { replyPrivately } from './reply.js';

/** /book when:<text> [kind] [length] [code]: what core understood, priced, with Confirm / Other times. */
export function bookCommand(config: Config): CommandModule<DiscordDeps> {
  const lengths = [...new Set([...config.sessionKinds.online.lengths, ...config.sessionKinds.phone.lengths])].sort((a, b) => a - b);
  return {
    data: new SlashCommandBuilder()
      .setName('book')
      .setDescription('Book a live support session')
      .addStringOption((o) => o.setName('when').setDescription('When, in your words: "tomorrow 3pm", "Friday afternoon"').setRequired(true).setMaxLength(100).setAutocomplete(true))
      .addStringOption((o) => o.setName('kind').setDescription('Online or phone (default online)').addChoices({ name: 'Online session', value: 'online' }, { name: 'Phone session', value: 'phone' }))
      .addIntegerOption((o) => o.setName('length').setDescription('How long').addChoices(...lengths.map((l) => ({ name: duration('en', l), value: l }))))
      .addStringOption((o) => o.setName('code').setDescription('Your maintenance code (only needed once)').setMaxLength(64))
      .toJSON(),
    async execute(interaction, { core, config, deferAfterMs }) {
      const caller = callerOf(interaction);
      const code = interaction.options.getString('code');
      const kind = (interaction.options.getString('kind') as 'online' | 'phone' | null) ?? undefined;
      const lengthMinutes = interaction.options.getInteger('length') ?? undefined;
      const answer = async () => {
        if (code) {
          const linked = await core.linkCompany({ caller, code });
          if (linked.kind !== 'linked') return renderMessage(presentLink(await contextOf(core, config, interaction), linked, await zoneOfCaller(core, config, caller)).message);
        }
        const r = await core.understandRequest({ caller, text: interaction.options.getString('when', true), ...(kind ? { kind } : {}), ...(lengthMinutes ? { lengthMinutes } : {}) });
        // The language core read the text in is the one to answer in (one read of the person, not two).
        const ctx = r.kind === 'invalid_input' ? await contextOf(core, config, interaction) : personContext(config, r.language);
        const fallback = { kind: kind ?? 'online', lengthMinutes: lengthMinutes ?? config.sessionKinds[kind ?? 'online'].lengths[0]! } as const;
        // The answer is ephemeral: only the person sees it, so its buttons need no owner.
        return renderPresentation(presentUnderstand(ctx, r, fallback, { more: true, zoneCommand: '/timezone' }));
      };
      await replyPrivately(interaction, answer(), deferAfterMs);
    },
    async autocomplete(interaction, { core, config }) {
      const typed = interaction.options.getFocused().trim();
      const ctx = await contextOf(core, config, interaction);
      const choice = (name: string, value = typed) => ({ name: name.slice(0, 100), value: value.slice(0, 100) });
      if (!typed) return interaction.respond(previewExamples(ctx).map((s) => choice(s, s)));
      const r = await core.understandRequest({ caller: callerOf(interaction), text: typed });
      await interaction.respond(presentPreview(ctx, r).slice(0, 25).map((c) => choice(c.label, c.value)));
    },
  };
}
