/**
 * Checks a slash command's options against the command's own registration (its `data`, the same JSON
 * `npm run discord:register` sends): required options present, each of the declared type, within its
 * choices and limits. Discord itself never sends anything else; a forged or outdated interaction
 * does, and gets told what was expected instead of an apology for an error of ours.
 */
import { ApplicationCommandOptionType, type CommandInteractionOption, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';

type OptionDef = NonNullable<RESTPostAPIChatInputApplicationCommandsJSONBody['options']>[number] & {
  required?: boolean;
  choices?: { name: string; value: string | number }[];
  options?: OptionDef[];
  min_length?: number;
  max_length?: number;
  min_value?: number;
  max_value?: number;
};

const TYPE_WORD: Partial<Record<ApplicationCommandOptionType, string>> = {
  [ApplicationCommandOptionType.String]: 'text',
  [ApplicationCommandOptionType.Integer]: 'a whole number',
  [ApplicationCommandOptionType.Number]: 'a number',
  [ApplicationCommandOptionType.Boolean]: 'true or false',
  [ApplicationCommandOptionType.User]: 'a user',
  [ApplicationCommandOptionType.Channel]: 'a channel',
  [ApplicationCommandOptionType.Role]: 'a role',
};

function valueFits(def: OptionDef, value: unknown): boolean {
  switch (def.type) {
    case ApplicationCommandOptionType.String:
      return typeof value === 'string' && value.length <= (def.max_length ?? 6000) && value.length >= (def.min_length ?? 0);
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number:
      return typeof value === 'number' && Number.isFinite(value) && (def.type === ApplicationCommandOptionType.Number || Number.isInteger(value)) && value >= (def.min_value ?? -Infinity) && value <= (def.max_value ?? Infinity);
    case ApplicationCommandOptionType.Boolean:
      return typeof value === 'boolean';
    default:
      return typeof value === 'string' && /^\d{1,22}$/.test(value);
  }
}

/** "when (text, required)", "length (one of 30, 60)". */
export function describeOption(def: OptionDef): string {
  const what = def.choices?.length ? `one of ${def.choices.map((c) => c.value).join(', ')}` : (TYPE_WORD[def.type] ?? 'a value');
  const limit = def.type === ApplicationCommandOptionType.String && def.max_length ? `, up to ${def.max_length} characters` : '';
  return `${def.name} (${what}${limit}${def.required ? ', required' : ''})`;
}

/** The expected options, described, when the given ones do not fit; null when they do. */
export function optionProblems(defs: readonly OptionDef[] | undefined, given: readonly CommandInteractionOption[]): string[] | null {
  const declared = defs ?? [];
  const subs = declared.filter((d) => d.type === ApplicationCommandOptionType.Subcommand || d.type === ApplicationCommandOptionType.SubcommandGroup);
  if (subs.length) {
    const chosen = given.length === 1 ? subs.find((s) => s.name === given[0]!.name && s.type === given[0]!.type) : undefined;
    if (!chosen) return [`one of the subcommands ${subs.map((s) => s.name).join(', ')}`];
    const inner = optionProblems(chosen.options, given[0]!.options ?? []);
    return inner ? inner.map((p) => `${chosen.name}: ${p}`) : null;
  }
  const byName = new Map(given.map((o) => [o.name, o]));
  let bad = given.some((o) => !declared.some((d) => d.name === o.name));
  for (const def of declared) {
    const o = byName.get(def.name);
    if (!o) {
      if (def.required) bad = true;
      continue;
    }
    if (o.type !== def.type || !valueFits(def, o.value)) bad = true;
    else if (def.choices?.length && !def.choices.some((c) => c.value === o.value)) bad = true;
  }
  return bad ? declared.map(describeOption) : null;
}
