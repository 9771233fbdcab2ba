/**
 * README's command tables, one per platform, against the sources of truth: manifest.yml for Slack,
 * the Discord command list (the one registration and the runtime map use), and the console itself.
 * A command README names that a platform does not have (or one it has that README leaves out) fails.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest } from '../bots/slack/manifest.js';
import { commandsFor } from '../bots/discord/commands/index.js';
import { loadConfigFile } from '../bots/shared/config-file.js';
import { runConsole, type RunningConsole } from './console/console-support.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const loaded = loadConfigFile(path.join(root, 'slotkeeper.example.yml'));
if (!loaded.ok) throw new Error(loaded.problems.join('\n'));

/** The rows of the table that follows `**<platform>**` in README's Commands section: [usage, description]. */
function table(platform: string): Array<{ usage: string; name: string; description: string }> {
  const section = readme.slice(readme.indexOf('\n## Commands\n'), readme.indexOf('\n## Running it'));
  const from = section.indexOf(`**${platform}**`);
  expect(from, `README has a **${platform}** commands table`).toBeGreaterThan(0);
  const lines = section.slice(from).split('\n').slice(1);
  const start = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[] = [];
  for (const l of lines.slice(start + 2)) {
    if (!l.startsWith('|')) break;
    rows.push(l);
  }
  return rows.map((r) => {
    const cells = r.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
    const usage = /^`([^`]+)`/.exec(cells[0]!)?.[1] ?? '';
    return { usage, name: usage.split(' ')[0]!, description: cells[1] ?? '' };
  });
}

const sorted = (xs: string[]) => [...xs].sort();

describe("README's command tables", () => {
  it('Slack: exactly the commands of manifest.yml, with their usage hints; no /timezone or /today', () => {
    const manifest = readManifest().features.slash_commands;
    const rows = table('Slack');
    expect(sorted(rows.map((r) => r.name))).toEqual(sorted(manifest.map((c) => c.command)));
    for (const c of manifest) {
      const row = rows.find((r) => r.name === c.command)!;
      expect(row.usage, c.command).toBe(c.usage_hint ? `${c.command} ${c.usage_hint}` : c.command);
    }
    // The newcomer sections name no Slack-only or Discord-only command as if it were everywhere.
    const tryIt = readme.slice(readme.indexOf('## Try it in one minute'), readme.indexOf('\n## Commands\n'));
    expect(tryIt).not.toMatch(/`\/(timezone|today|sk-today)\b/);
  });

  it('Discord: exactly the command list that registration and the runtime map share, with their options', () => {
    const commands = commandsFor(loaded.config).map((c) => c.data as { name: string; options?: Array<{ name: string; required?: boolean; type: number; options?: Array<{ name: string }> }> });
    const rows = table('Discord');
    expect(sorted(rows.map((r) => r.name))).toEqual(sorted(commands.map((c) => `/${c.name}`)));
    for (const c of commands) {
      const row = rows.find((r) => r.name === `/${c.name}`)!;
      // Every option README shows exists on the command (subcommands for /sk-company).
      const shown = [...row.usage.matchAll(/\b([a-z_]+):/g)].map((m) => m[1]!);
      const known = (c.options ?? []).flatMap((o) => [o.name, ...(o.options ?? []).map((x) => x.name)]);
      for (const o of shown) expect(known, `/${c.name} ${o}:`).toContain(o);
      for (const o of c.options ?? []) if (o.required) expect(row.usage, `/${c.name} needs ${o.name}:`).toContain(`${o.name}:`);
    }
  });

  it('Slack and Discord describe /emergency as the policy does: requested, staff squeeze you in and tell you the exact time', () => {
    const slack = readManifest().features.slash_commands.find((c) => c.command === '/emergency')!;
    expect(slack.description).toBe('Request an emergency session: staff squeeze you in and tell you the exact time');
    expect(readFileSync(path.join(root, 'manifest.yml'), 'utf8')).not.toMatch(/on-call|Reach the/);
    for (const p of ['Slack', 'Discord', 'Console']) {
      const description = table(p).find((r) => r.name === '/emergency')!.description;
      expect(description).toMatch(/^Request an emergency session.*staff squeeze you in.*tell you the exact time$/);
      // After hours an emergency waits for the next working period: never promised for "today".
      expect(description, p).not.toMatch(/today/i);
    }
    expect(readFileSync(path.join(root, 'manifest.yml'), 'utf8')).not.toMatch(/day's calendar/);
  });

  describe('Console', () => {
    let c: RunningConsole;
    beforeAll(async () => {
      c = await runConsole();
    });
    afterAll(async () => {
      await c.stop();
      c.remove();
    });

    it('every command in the table is one the console knows (staff commands typed as staff)', async () => {
      const rows = table('Console');
      expect(rows.map((r) => r.name)).toEqual(['/book', '/sessions', '/fees', '/support-code', '/emergency', '/timezone', '/email', '/language', '/help', '/today', '/sk-calendar', '/sk-company', '/sk-reverse']);
      for (const r of rows) {
        const who = r.description.startsWith('Staff:') ? { pane: 'staff' as const, user: 'alice' } : { pane: 'customer' as const, user: 'ana' };
        const answer = await c.console.engine.command(who, r.name === '/emergency' ? '/emergency' : r.name);
        expect(answer[0]!.text, r.name).not.toMatch(/does not know the command/);
      }
      // /help lists the commands the person may use: customers do not see the staff ones.
      const help = (await c.console.engine.command({ pane: 'customer', user: 'ana' }, '/help'))[0]!.text;
      const staffHelp = (await c.console.engine.command({ pane: 'staff', user: 'alice' }, '/help'))[0]!.text;
      const listed = rows.filter((r) => !['/email', '/sk-calendar', '/help'].includes(r.name));
      for (const r of listed) expect(r.description.startsWith('Staff:') ? staffHelp : help, r.name).toContain(`${r.name}:`);
      expect(help).toContain('/emergency: ask for an emergency session; staff squeeze you in and tell you the exact time');
      expect(help).not.toContain('/sk-company');
      expect(help).not.toContain('/sk-reverse');
    });
  });
});
