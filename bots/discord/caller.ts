/** Who is asking, as core wants it: Discord gives roles and a locale but no zone (core uses the saved one, else the vendor's). */
import { personContext, type PresentContext } from '../shared/present/index.js';
import type { Interaction, Message } from 'discord.js';
import type { Caller, Core } from '../../core/index.js';
import type { Config } from '../../core/config/schema.js';

export function callerOf(interaction: Interaction): Caller {
  const m = interaction.member;
  const roles = !m ? [] : Array.isArray(m.roles) ? [...m.roles] : [...m.roles.cache.keys()];
  const fromMember = m && 'displayName' in m ? m.displayName : m && 'nick' in m ? m.nick : null;
  const displayName = fromMember || interaction.user.globalName || interaction.user.username;
  return { platform: 'discord', userId: interaction.user.id, displayName, roles, locale: interaction.locale };
}

export function callerOfMessage(message: Message): Caller {
  return {
    platform: 'discord',
    userId: message.author.id,
    displayName: message.member?.displayName ?? message.author.globalName ?? message.author.username,
    roles: message.member ? [...message.member.roles.cache.keys()] : [],
  };
}

/** What handlers get besides the interaction (the router adds a logger). */
export interface DiscordDeps {
  core: Core;
  config: Config;
  /** Acknowledge first when core has not answered after this long (default 2 s; Discord allows 3). */
  deferAfterMs?: number;
}

/** The zone the person's times are read in: the one they saved with /timezone, else the vendor's. */
export async function zoneOfCaller(core: Core, config: Config, caller: Caller): Promise<string> {
  const p = await core.showProfile({ caller });
  return (p.kind !== 'invalid_input' && p.zone) || config.vendor.zone;
}

/** What a presenter needs for this person: the language they chose (/language, kept by core), else their Discord locale's, else the vendor's. */
export async function contextOf(core: Core, config: Config, interaction: Interaction): Promise<PresentContext> {
  return contextOfCaller(core, config, callerOf(interaction));
}

/** A caller's language (chosen, else their platform's, else the one saved before), for a message as well as an interaction. */
export async function contextOfCaller(core: Core, config: Config, caller: Caller): Promise<PresentContext> {
  return personContext(config, await core.languageFor(caller));
}
