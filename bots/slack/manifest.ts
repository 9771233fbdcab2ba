import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';

/** The part of manifest.yml the code relies on. */
const slashCommandSchema = z.object({
  command: z.string().regex(/^\/[a-z0-9_-]{1,31}$/),
  url: z.string(),
  description: z.string().min(1),
  usage_hint: z.string().optional(),
  should_escape: z.boolean().optional(),
});

const manifestSchema = z.object({
  display_information: z.object({ name: z.string() }),
  features: z.object({ slash_commands: z.array(slashCommandSchema).default([]) }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
});

export type SlackManifest = z.infer<typeof manifestSchema>;
export type ManifestSlashCommand = z.infer<typeof slashCommandSchema>;

/** manifest.yml at the repository root, found from both bots/slack/ (tsx) and dist/bots/slack/ (built). */
export function defaultManifestPath(): string {
  const candidates = ['../../manifest.yml', '../../../manifest.yml'].map((rel) => fileURLToPath(new URL(rel, import.meta.url)));
  return candidates.find((p) => existsSync(p)) ?? candidates[0]!;
}

export function readManifest(path: string = defaultManifestPath()): SlackManifest {
  return manifestSchema.parse(parse(readFileSync(path, 'utf8')));
}

/** The slash command names declared in the manifest, with their slash: ['/book', '/sessions', …]. */
export function manifestCommands(path?: string): string[] {
  return readManifest(path).features.slash_commands.map((c) => c.command);
}
