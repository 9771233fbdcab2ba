import {
  Events,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Client,
  type Interaction,
  type ModalSubmitInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { LoggerLike } from './logger.js';
import { interactionContext, refuse, replyWithError } from './reply-error.js';
import { optionProblems } from './command-options.js';
import { acknowledgeAtOnce } from './acknowledge.js';
import { expectedOptions } from '../shared/refusals.js';
import { resolveLang } from '../shared/present/i18n.js';

/** What every handler receives besides the interaction. */
export type HandlerContext<TDeps extends object = object> = TDeps & {
  /** child logger bound to platform, guild, user, interaction and command/custom id */
  logger: LoggerLike;
};

/**
 * One module per slash command (discord.js guide style): its registration JSON
 * and its handlers. The same list feeds `registerCommands` and the router.
 */
export interface CommandModule<TDeps extends object = object> {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, ctx: HandlerContext<TDeps>): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: HandlerContext<TDeps>): Promise<void>;
}

/**
 * A handler for buttons or modal submits whose custom_id starts with `prefix`.
 * The prefix must be followed by the end of the id or a non-alphanumeric
 * separator (`approve` matches `approve`, `approve:42`, `approve|42`, not
 * `approveAll`); the longest matching prefix wins.
 */
export type ComponentHandler<TDeps extends object = object> =
  | { kind: 'button'; prefix: string; handle(interaction: ButtonInteraction, ctx: HandlerContext<TDeps>): Promise<void> }
  | { kind: 'modal'; prefix: string; handle(interaction: ModalSubmitInteraction, ctx: HandlerContext<TDeps>): Promise<void> };

export interface InteractionRouterOptions<TDeps extends object> {
  commands: readonly CommandModule<TDeps>[];
  components?: readonly ComponentHandler<TDeps>[];
  deps: TDeps;
  logger: LoggerLike;
  /** Text for an unknown command or stale component (e.g. after a redeploy), or how to word it for this interaction (its person's language). */
  unknownText?: string | ((interaction: Interaction) => string | Promise<string>);
  /** Called once per command, button or modal with how long its handling took (metrics). */
  observe?: (kind: 'command' | 'button' | 'modal', seconds: number) => void;
  /**
   * Acknowledge every slash command at once with a deferred ephemeral reply (bots/discord/acknowledge.ts);
   * its handler then answers through `replyPrivately` or `refuse`, which edit the deferral. Off: the
   * handler answers the interaction itself.
   */
  acknowledgeCommands?: boolean;
}

export interface InteractionRouter {
  /** Routes one interaction; never throws. */
  handle(interaction: Interaction): Promise<void>;
  /** Subscribes `handle` to the client's interactionCreate event. */
  attach(client: Client): void;
}

export function matchesPrefix(customId: string, prefix: string): boolean {
  if (!customId.startsWith(prefix)) return false;
  const next = customId.charAt(prefix.length);
  return next === '' || !/[\p{L}\p{N}]/u.test(next);
}

export function createInteractionRouter<TDeps extends object>(options: InteractionRouterOptions<TDeps>): InteractionRouter {
  const log = options.logger.child({ platform: 'discord', component: 'interactions' });
  const commands = new Map<string, CommandModule<TDeps>>();
  for (const command of options.commands) {
    if (commands.has(command.data.name)) throw new Error(`Duplicate Discord command "${command.data.name}"`);
    commands.set(command.data.name, command);
  }
  const components = [...(options.components ?? [])].sort((a, b) => b.prefix.length - a.prefix.length);
  const unknownText = async (interaction: Interaction) => (typeof options.unknownText === 'function' ? options.unknownText(interaction) : (options.unknownText ?? 'This action is no longer available. Please start again.'));

  const findComponent = <K extends ComponentHandler<TDeps>['kind']>(kind: K, customId: string) =>
    components.find((c): c is Extract<ComponentHandler<TDeps>, { kind: K }> => c.kind === kind && matchesPrefix(customId, c.prefix));

  async function handle(interaction: Interaction): Promise<void> {
    const ctx = { ...options.deps, logger: log.child(interactionContext(interaction)) } as HandlerContext<TDeps>;
    const started = performance.now();
    try {
      if (interaction.isChatInputCommand()) {
        const command = commands.get(interaction.commandName);
        if (!command) return await refuse(interaction, await unknownText(interaction), ctx.logger);
        const problems = optionProblems(command.data.options as never, interaction.options.data);
        if (problems) {
          ctx.logger.debug({ given: interaction.options.data.map((o) => ({ name: o.name, type: o.type })) }, 'command options do not match its registration');
          return await refuse(interaction, expectedOptions(command.data.name, problems, resolveLang(interaction.locale)), ctx.logger);
        }
        if (options.acknowledgeCommands) acknowledgeAtOnce(interaction, ctx.logger);
        await command.execute(interaction, ctx);
      } else if (interaction.isAutocomplete()) {
        const command = commands.get(interaction.commandName);
        if (!command?.autocomplete) return await interaction.respond([]);
        await command.autocomplete(interaction, ctx);
      } else if (interaction.isButton()) {
        const handler = findComponent('button', interaction.customId);
        if (!handler) return await refuse(interaction, await unknownText(interaction), ctx.logger);
        await handler.handle(interaction, ctx);
      } else if (interaction.isModalSubmit()) {
        const handler = findComponent('modal', interaction.customId);
        if (!handler) return await refuse(interaction, await unknownText(interaction), ctx.logger);
        await handler.handle(interaction, ctx);
      } else {
        ctx.logger.debug('ignoring unsupported interaction type');
      }
    } catch (err) {
      await replyWithError(interaction, err, ctx.logger);
    } finally {
      const kind = interaction.isChatInputCommand() ? 'command' : interaction.isButton() ? 'button' : interaction.isModalSubmit() ? 'modal' : null;
      if (kind && options.observe) options.observe(kind, (performance.now() - started) / 1000);
    }
  }

  return {
    handle,
    attach(client) {
      client.on(Events.InteractionCreate, (interaction) => void handle(interaction));
    },
  };
}
