import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultManifestPath, manifestCommands, readManifest } from '../../bots/slack/manifest.js';
import { runFolder } from '../support/run-folders.js';

describe('manifest.yml', () => {
  const raw = parse(readFileSync(defaultManifestPath(), 'utf8')) as Record<string, any>;

  it('declares exactly the product slash commands', () => {
    expect(manifestCommands()).toEqual(['/book', '/sessions', '/fees', '/support-code', '/emergency', '/sk-company', '/sk-today', '/sk-reverse', '/email', '/sk-calendar', '/language', '/help']);
  });

  it('gives each command a description, a usage hint, the events URL and no escaping', () => {
    for (const cmd of readManifest().features.slash_commands) {
      expect(cmd.description.length, cmd.command).toBeGreaterThan(0);
      expect(cmd.usage_hint, cmd.command).toBeTypeOf('string');
      expect(cmd.url, cmd.command).toBe('https://YOUR-HOST/slack/events');
      expect(cmd.should_escape, cmd.command).toBe(false);
    }
    const hints = Object.fromEntries(readManifest().features.slash_commands.map((c) => [c.command, c.usage_hint]));
    expect(hints['/book']).toBe('[when] [online|phone] [length]');
    expect(hints['/support-code']).toBe('[code]');
    expect(hints['/emergency']).toBe('<what is wrong>');
    expect(hints['/sk-company']).toBe('create <name> [plan-until YYYY-MM-DD] | plan <name> <YYYY-MM-DD|none> | rotate <name> | reinstate <name> | members <name> | unlink <person> <name>');
  });

  it('asks for the five bot scopes and nothing more (users:read.email: the address for email delivery)', () => {
    expect(raw.oauth_config.scopes).toEqual({ bot: ['commands', 'chat:write', 'im:write', 'users:read', 'users:read.email'] });
  });

  it('enables App Home, interactivity over HTTP and the app_home_opened event', () => {
    expect(raw.display_information.name).toBe('Slotkeeper');
    expect(raw.features.bot_user.display_name).toBe('Slotkeeper');
    expect(raw.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(raw.settings.interactivity).toEqual({ is_enabled: true, request_url: 'https://YOUR-HOST/slack/events' });
    expect(raw.settings.socket_mode_enabled).toBe(false);
    expect(raw.settings.event_subscriptions.bot_events).toEqual(['app_home_opened']);
  });

  it('reads another manifest path and rejects a malformed command', () => {
    const dir = runFolder('slotkeeper-test-');
    const good = join(dir, 'good.yml');
    writeFileSync(good, 'display_information: {name: X}\nfeatures:\n  slash_commands:\n    - {command: /x, url: u, description: d}\noauth_config: {scopes: {bot: []}}\n');
    expect(manifestCommands(good)).toEqual(['/x']);
    const bad = join(dir, 'bad.yml');
    writeFileSync(bad, 'display_information: {name: X}\nfeatures:\n  slash_commands:\n    - {command: "no slash", url: u, description: d}\noauth_config: {scopes: {bot: []}}\n');
    expect(() => manifestCommands(bad)).toThrow(/command/);
  });
});
