import { Routes, type REST, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import type { CommandModule } from './interaction-router.js';

export interface RegisterCommandsOptions {
  rest: REST;
  applicationId: string;
  /** Register on one guild (instant, for development); omit for global commands. */
  guildId?: string;
  commands: readonly Pick<CommandModule<any>, 'data'>[];
}

/**
 * Bulk-overwrites the application's commands with the JSON of the same
 * command modules the router serves (PUT replaces the whole set: commands not
 * in the list are deleted).
 */
export async function registerCommands(options: RegisterCommandsOptions): Promise<RESTPutAPIApplicationCommandsResult> {
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const body = options.commands.map((c) => c.data);
  return (await options.rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
}
