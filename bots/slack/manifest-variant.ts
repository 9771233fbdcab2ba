/**
 * manifest.yml as a deployment needs it: the public host filled in, the command prefix applied the
 * same way the listeners apply it (commands/index.ts commandName), and Socket Mode switched on for
 * the Socket Mode variant. `npm run slack:manifest -- --host slotkeeper.example.com [--prefix acme-] [--socket]`.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { commandName } from './listeners/commands/index.js';
import { defaultManifestPath } from './manifest.js';

export interface ManifestVariant {
  host?: string;
  prefix?: string;
  socket?: boolean;
}

export function manifestVariant(opts: ManifestVariant, path = defaultManifestPath()): string {
  const doc = parseDocument(readFileSync(path, 'utf8'));
  const commands = doc.getIn(['features', 'slash_commands']) as { items: { get(k: string): unknown; set(k: string, v: unknown): void }[] };
  for (const c of commands.items) c.set('command', commandName(String(c.get('command')), opts.prefix ?? ''));
  doc.setIn(['settings', 'socket_mode_enabled'], opts.socket === true);
  let text = doc.toString();
  if (opts.host) text = text.replaceAll('YOUR-HOST', opts.host);
  return text;
}
