import { pathToFileURL } from 'node:url';
import { REST } from 'discord.js';
import { commandsFor } from './commands/index.js';
import { configPath, loadConfigFile } from '../shared/config-file.js';
import { registerCommands } from './deploy-commands.js';
import type { CommandModule } from './interaction-router.js';

const REQUIRED = ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID'] as const;

export interface RegisterCliIo {
  out(line: string): void;
  err(line: string): void;
}

/**
 * `npm run discord:register`: registers the command list on one guild when
 * DISCORD_GUILD_ID is set (instant), otherwise globally (can take up to an
 * hour to show). DISCORD_API_URL points it at another API base (tests).
 * Returns the process exit code; prints no stack trace for expected problems.
 */
export async function runRegisterCli(
  env: NodeJS.ProcessEnv,
  io: RegisterCliIo = { out: (l) => console.log(l), err: (l) => console.error(l) },
  commandList?: readonly Pick<CommandModule<any>, 'data'>[],
): Promise<number> {
  const missing = REQUIRED.filter((name) => !env[name]?.trim());
  if (missing.length > 0) {
    io.err(`Missing environment variable${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`);
    io.err('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID (Developer Portal → your application); DISCORD_GUILD_ID is optional (register on one server instantly), DISCORD_API_URL is optional.');
    return 1;
  }
  let commands = commandList;
  if (!commands) {
    // The same modules the bot runs, built from the same config (/book's length choices).
    const loaded = loadConfigFile(configPath(env));
    if (!loaded.ok) {
      io.err(`The config is invalid:\n${loaded.problems.join('\n')}`);
      return 1;
    }
    commands = commandsFor(loaded.config);
  }
  if (commands.length === 0) {
    io.err('No commands to register (bots/discord/commands/index.ts is empty); refusing to wipe the registered commands.');
    return 1;
  }
  const guildId = env.DISCORD_GUILD_ID?.trim() || undefined;
  const rest = new REST({ ...(env.DISCORD_API_URL ? { api: env.DISCORD_API_URL } : {}) }).setToken(env.DISCORD_TOKEN!.trim());
  try {
    const result = await registerCommands({ rest, applicationId: env.DISCORD_APPLICATION_ID!.trim(), ...(guildId ? { guildId } : {}), commands });
    const names = result.map((c) => `/${c.name}`).join(', ');
    io.out(`Registered ${result.length} command${result.length === 1 ? '' : 's'} ${guildId ? `on guild ${guildId}` : 'globally'}: ${names}`);
    return 0;
  } catch (err) {
    const e = err as { status?: number; code?: number | string; message?: string };
    io.err(`Registering commands failed${e.status ? ` (HTTP ${e.status}${e.code ? `, code ${e.code}` : ''})` : ''}: ${e.message ?? String(err)}`);
    if (e.status === 401) io.err('Check DISCORD_TOKEN: it must be the bot token from the Bot page.');
    if (e.status === 403 || e.code === 50001) io.err('Check that the bot was invited to that guild with the applications.commands scope.');
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runRegisterCli(process.env);
}
