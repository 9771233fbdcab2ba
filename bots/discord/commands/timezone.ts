import { SlashCommandBuilder } from 'discord.js';
import { cityOf, ZONE_ABBREVIATIONS, isKnownZone } from '../../../core/time/index.js';
import type { CommandModule } from '../interaction-router.js';
import { callerOf, contextOf, type DiscordDeps } from '../caller.js';
import { presentZone } from '../../shared/present/results.js';
import { renderMessage } from '../render/index.js';
import { replyPrivately } from './reply.js';

const ZONES: readonly string[] = Intl.supportedValuesOf('timeZone');
const fold = (s: string) => s.toLowerCase().replace(/[_\s]+/g, ' ').trim();

/** IANA zones whose name or city matches what was typed ("berlin", "new york", "Europe/"); abbreviations too. */
export function matchZones(typed: string, limit = 25): string[] {
  const q = fold(typed);
  if (!q) return ['America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Europe/London', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney'];
  const abbr = ZONE_ABBREVIATIONS[typed.trim().toUpperCase()];
  const starts = ZONES.filter((z) => fold(cityOf(z)).startsWith(q) || fold(z).startsWith(q));
  const contains = ZONES.filter((z) => !starts.includes(z) && fold(z).includes(q));
  return [...new Set([...(abbr ? [abbr] : []), ...starts, ...contains])].slice(0, limit);
}

/** A saved zone must be an IANA name: a typed city or abbreviation becomes its zone. */
export function resolveZone(typed: string): string | null {
  const t = typed.trim();
  if (ZONES.includes(t) || (t.includes('/') && isKnownZone(t))) return t;
  const byCity = ZONES.find((z) => fold(cityOf(z)) === fold(t));
  return byCity ?? ZONE_ABBREVIATIONS[t.toUpperCase()] ?? null;
}

export const timezoneCommand: CommandModule<DiscordDeps> = {
  data: new SlashCommandBuilder()
    .setName('timezone')
    .setDescription('Save the time zone I read your times in')
    .addStringOption((o) => o.setName('zone').setDescription('A zone or city: Europe/Berlin, New York, Sydney').setRequired(true).setMaxLength(64).setAutocomplete(true))
    .toJSON(),
  async execute(interaction, { core, config }) {
    const typed = interaction.options.getString('zone', true);
    const zone = resolveZone(typed) ?? typed;
    const answer = async () => renderMessage(presentZone(await contextOf(core, config, interaction), await core.setZone({ caller: callerOf(interaction), zone })).message);
    await replyPrivately(interaction, answer());
  },
  async autocomplete(interaction) {
    const zones = matchZones(interaction.options.getFocused());
    await interaction.respond(zones.map((z) => ({ name: z === cityOf(z) ? z : `${cityOf(z)} (${z})`, value: z })));
  },
};
