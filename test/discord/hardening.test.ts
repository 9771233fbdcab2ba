/**
 * The Discord adapter under forged and awkward input, through discord.js against the fake gateway:
 * interactions with missing or mistyped options, long booking-channel messages, booking by DM.
 */
import { ApplicationCommandOptionType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { answerOf, BOOKING, CUSTOMER, startSlotkeeper, type Slotkeeper } from './slotkeeper.js';


describe('Discord: forged interactions, long messages, DMs', () => {
  let s: Slotkeeper;
  beforeAll(async () => {
    s = await startSlotkeeper();
  });
  afterAll(() => s.close());

  const errors = () => s.entries.filter((e) => e.level === 'error');
  const answer = async (name: string, options: unknown[]) => {
    const i = s.fake.interaction({ kind: 'command', name, options, user: CUSTOMER });
    return (await answerOf(s.fake, i)).body as { type: number; data: { content: string; flags: number } };
  };

  it('a /book without its required option is answered with what was expected, not an apology', async () => {
    const body = await answer('book', []);
    expect(body.data.flags).toBe(64);
    expect(body.data.content).toBe('/book was sent without what it needs: when (text, up to 100 characters, required); kind (one of online, phone); length (one of 30, 60); code (text, up to 64 characters). Please try the command again from Discord\'s command list.');
    expect(body.data.content).not.toContain('something went wrong');
  });

  it('mistyped options (a number for text, text for a number, a value outside the choices) are answered the same way', async () => {
    const when = (value: unknown) => ({ name: 'when', type: ApplicationCommandOptionType.String, value });
    for (const options of [
      [{ name: 'when', type: ApplicationCommandOptionType.Integer, value: 3 }],
      [when('tomorrow 3pm'), { name: 'length', type: ApplicationCommandOptionType.Integer, value: 'sixty' }],
      [when('tomorrow 3pm'), { name: 'length', type: ApplicationCommandOptionType.Integer, value: 45 }],
      [when('tomorrow 3pm'), { name: 'kind', type: ApplicationCommandOptionType.String, value: 'carrier pigeon' }],
      [when('x'.repeat(500))],
    ]) {
      const body = await answer('book', options);
      expect(body.data.content, JSON.stringify(options).slice(0, 80)).toMatch(/^\/book was sent without what it needs: when \(text/);
    }
    const staff = await answer('sk-company', [{ name: 'teleport', type: ApplicationCommandOptionType.Subcommand, options: [] }]);
    expect(staff.data.content).toMatch(/^\/sk-company was sent without what it needs: one of the subcommands create, plan, rotate, reinstate/);
    expect(errors()).toEqual([]);
  });

  it('a well-formed /book still works', async () => {
    const body = await answer('book', [{ name: 'when', type: ApplicationCommandOptionType.String, value: 'tomorrow 3pm' }]);
    expect(body.data.content).toContain('**Online session, 30 minutes**\n**When:** Tue 1 Dec, 15:00 New York\n');
  });

  it('a 1,893-character booking-channel message with a time in it is understood, not refused', async () => {
    const filler = 'Our crate quotes come out with the wrong board widths since the last update, and the export to the shop floor stops half way. ';
    const ask = 'Could we book a phone session tomorrow at 3pm? Thanks a lot.';
    const content = `Hello support team. ${filler.repeat(20)}`.slice(0, 1_893 - ask.length - 1) + ` ${ask}`;
    expect(content.length).toBe(1_893);
    const msg = s.fake.messageCreate({ channel: 'booking', author: 'customer', content });
    const reply = await s.fake.waitForCall('POST', `/channels/${msg.id}/messages`, 6_000);
    expect(reply.body.content).toMatch(/^\*\*Phone session, 30 minutes\*\*\n\*\*When:\*\* Tue 1 Dec, 15:00 New York\n/);
  });

  it('a message over the limit (Nitro allows 4,000) is answered with the limit in plain words', async () => {
    const content = `book a session tomorrow at 3pm ${'please '.repeat(600)}`.slice(0, 4_000);
    const msg = s.fake.messageCreate({ channel: 'booking', author: 'customer', content });
    const reply = await s.fake.waitForCall('POST', `/channels/${msg.id}/messages`, 6_000);
    expect(reply.body.content).toBe(`That message is ${content.trim().length.toLocaleString('en-US')} characters long; Slotkeeper reads up to 2,000. Please say when you would like the session in a shorter message, e.g. "tomorrow at 3pm".`);
  });

  it('a booking request by DM is answered in the DM, with the price, like the booking channel', async () => {
    const msg = s.fake.messageCreate({ dm: true, author: 'customer', content: 'can I book a session tomorrow at 3pm?' });
    const reply = await vi.waitFor(() => {
      const r = s.fake.callsTo('POST', `/channels/${msg.channel_id}/messages`).find((c) => String(c.body.content).startsWith('**Online session'));
      if (!r) throw new Error('no answer in the DM yet');
      return r;
    }, { timeout: 6_000, interval: 20 });
    expect(reply.body.content).toContain('**Online session, 30 minutes**\n**When:** Tue 1 Dec, 15:00 New York\n');
    expect(reply.body.content).toContain('You are not linked to a company yet. Press Confirm to enter your maintenance code, or book now at the standard fee of $75.');
    expect(s.fake.callsTo('POST', /\/threads$/).filter((c) => c.path.includes(msg.id))).toHaveLength(0);
    expect(JSON.stringify(reply.body.components)).toContain('Book at $75'); // private: the price is shown, as in a slash command's reply
    expect(BOOKING).not.toBe(msg.channel_id);
  });
});
