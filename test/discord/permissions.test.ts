import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOT_PERMISSIONS, inviteUrl } from '../../bots/discord/permissions.js';

describe('bot permissions', () => {
  it('are exactly View Channels, Send Messages, Send Messages in Threads, Create Public Threads, Read Message History, Embed Links', () => {
    const expected = (1n << 10n) | (1n << 11n) | (1n << 38n) | (1n << 35n) | (1n << 16n) | (1n << 14n);
    expect(BOT_PERMISSIONS).toBe(expected);
    expect(BOT_PERMISSIONS).toBe(309237730304n);
  });

  it('build the invite URL with scopes bot and applications.commands', () => {
    expect(inviteUrl('123')).toBe('https://discord.com/oauth2/authorize?client_id=123&scope=bot+applications.commands&permissions=309237730304');
  });

  it('match the integer and URL quoted in docs/discord-setup.md', () => {
    const doc = readFileSync(new URL('../../docs/discord-setup.md', import.meta.url), 'utf8');
    expect(doc).toContain(`Permissions integer: **${BOT_PERMISSIONS}**`);
    expect(doc).toContain(inviteUrl('APPLICATION_ID'));
  });
});
