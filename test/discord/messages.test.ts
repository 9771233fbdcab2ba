import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelType, Events, type Client, type Message, type TextChannel } from 'discord.js';
import { sendDirectMessage } from '../../bots/discord/dm.js';
import { createMessageCreateHandler, type BookingRequest, type MessageCreateOptions } from '../../bots/discord/events/message-create.js';
import type { FakeDiscord } from '../fakes/discord-server.js';
import { connectedClient, recordingLogger, startDefaultFake, withTimeout, type LogEntry } from './helpers.js';

const BOOKING = '333333333333333301';
const STAFF = '333333333333333302';

describe('booking channel messages and outgoing messages', () => {
  let fake: FakeDiscord;
  let client: Client;
  const entries: LogEntry[] = [];
  const requests: BookingRequest[] = [];
  /** one promise per handled message, so a test can wait for the handler to finish */
  const handled: { messageId: string; done: Promise<void> }[] = [];

  /** The handler reads its options when it needs them: a test may change the apology's language. */
  const options: MessageCreateOptions = {
    bookingChannelIds: [BOOKING],
    logger: recordingLogger(entries),
    async onBookingRequest(request) {
      requests.push(request);
      if (request.text.includes('EXPLODE')) throw new Error('store unavailable');
      await request.thread.send(`Thanks! Looking for a slot: “${request.text}”`);
    },
  };

  beforeAll(async () => {
    fake = await startDefaultFake();
    const logger = options.logger;
    client = await connectedClient(fake, logger);
    const handler = createMessageCreateHandler(options);
    client.on(Events.MessageCreate, (message: Message) => {
      handled.push({ messageId: message.id, done: handler(message) });
    });
  });
  afterAll(async () => {
    await client?.destroy();
    await fake?.close();
  });

  async function handledMessage(id: string): Promise<void> {
    const deadline = Date.now() + 2_000;
    while (!handled.some((h) => h.messageId === id)) {
      if (Date.now() > deadline) throw new Error(`message ${id} never reached the messageCreate handler`);
      await new Promise((r) => setTimeout(r, 5));
    }
    await withTimeout(handled.find((h) => h.messageId === id)!.done, 2_000, 'handler');
  }

  it('(g) ignores a bot message in the booking channel without any REST call', async () => {
    const before = fake.calls.length;
    const msg = fake.messageCreate({ channel: 'booking', bot: true, content: 'book a session tomorrow at 10' });
    await handledMessage(msg.id);
    expect(fake.calls.length).toBe(before);
    expect(requests).toHaveLength(0);
  });

  it('(g) ignores chatter and messages outside booking channels without any REST call', async () => {
    const before = fake.calls.length;
    const chatter = fake.messageCreate({ channel: 'booking', author: 'customer', content: 'thanks, see you!' });
    const elsewhere = fake.messageCreate({ channel: 'staff', author: 'staffer', content: 'book a session tomorrow at 10' });
    await handledMessage(chatter.id);
    await handledMessage(elsewhere.id);
    expect(fake.calls.length).toBe(before);
    expect(requests).toHaveLength(0);
  });

  it("(g) a human's booking message starts a thread from it, and the conversation continues there", async () => {
    const msg = fake.messageCreate({ channel: 'booking', author: 'customer', content: `<@${fake.applicationId}> can I book tomorrow at 10?` });
    await handledMessage(msg.id);

    const start = fake.callsTo('POST', `/channels/${BOOKING}/messages/${msg.id}/threads`);
    expect(start).toHaveLength(1);
    expect(start[0]!.body).toEqual({ name: 'Booking · customer', auto_archive_duration: 1440, type: 11 });
    // Discord gives a thread started from a message the message's id
    const inThread = fake.callsTo('POST', `/channels/${msg.id}/messages`);
    expect(inThread).toHaveLength(1);
    expect(pickDefined(inThread[0]!.body)).toEqual({
      content: 'Thanks! Looking for a slot: “can I book tomorrow at 10?”',
      tts: false,
      enforce_nonce: false,
      allowed_mentions: { parse: [], replied_user: false },
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.text).toBe('can I book tomorrow at 10?');
    expect(requests[0]!.thread.id).toBe(msg.id);
    expect(client.channels.cache.get(msg.id)?.isThread()).toBe(true);
  });

  it('receives a DM (Partials.Channel: the DM channel was never cached) and answers it in the DM, like the booking channel', async () => {
    const received = withTimeout(
      new Promise<Message>((resolve) => client.once(Events.MessageCreate, resolve)),
      2_000,
      'DM messageCreate',
    );
    const msg = fake.messageCreate({ dm: true, author: 'customer', content: 'can I book a call tomorrow?' });
    const message = await received;
    expect(message.id).toBe(msg.id);
    expect(message.channel.type).toBe(ChannelType.DM);
    expect(message.content).toBe('can I book a call tomorrow?');
    await handledMessage(msg.id);
    expect(requests.at(-1)).toMatchObject({ text: 'can I book a call tomorrow?', private: true });
    expect(fake.callsTo('POST', `/channels/${msg.channel_id}/messages`).at(-1)!.body.content).toBe('Thanks! Looking for a slot: “can I book a call tomorrow?”');
    expect(fake.callsTo('POST', /\/threads$/).filter((c) => c.path.includes(msg.id))).toHaveLength(0);
  });

  it('a failing booking handler: error logged with a reference, the same reference apologised for in the thread', async () => {
    const msg = fake.messageCreate({ channel: 'booking', author: 'customer', content: 'book a slot on Monday EXPLODE' });
    await handledMessage(msg.id);
    const logged = entries.find((e) => e.msg === 'booking message handler failed')!;
    const ref = (logged.obj as { errorRef: string }).errorRef;
    expect(logged.bindings).toMatchObject({ platform: 'discord', component: 'messages', messageId: msg.id, userId: '555555555555555501' });
    const apology = fake.callsTo('POST', `/channels/${msg.id}/messages`);
    expect(apology.map((c) => c.body.content)).toEqual([
      `Sorry, something went wrong on our side. Please try again in a moment (error reference ${ref}).`,
    ]);
  });

  it('the apology is in the vendor\'s language (a message carries no locale)', async () => {
    options.lang = 'de';
    try {
      const msg = fake.messageCreate({ channel: 'booking', author: 'customer', content: 'Termin am Montag EXPLODE' });
      await handledMessage(msg.id);
      const ref = (entries.filter((e) => e.msg === 'booking message handler failed').at(-1)!.obj as { errorRef: string }).errorRef;
      expect(fake.callsTo('POST', `/channels/${msg.id}/messages`).map((c) => c.body.content)).toEqual([
        `Entschuldigung, bei uns ist etwas schiefgegangen. Bitte versuchen Sie es gleich noch einmal (Fehlerreferenz ${ref}).`,
      ]);
    } finally {
      delete options.lang;
    }
  });

  it('(h) a 429 on POST /channels/:id/messages is retried by discord.js and the message is sent once', async () => {
    const channel = client.channels.cache.get(STAFF) as TextChannel;
    fake.failNext('POST /channels/:id/messages', { status: 429, retryAfter: 0.2, global: false });
    const started = Date.now();
    const sent = await withTimeout(channel.send('New booking request: tomorrow 10:00'), 5_000, 'send after 429');
    const elapsed = Date.now() - started;

    const posts = fake.callsTo('POST', `/channels/${STAFF}/messages`);
    expect(posts.map((c) => c.status)).toEqual([429, 200]);
    expect(posts.filter((c) => c.status === 200)).toHaveLength(1);
    expect(posts[1]!.body).toEqual(posts[0]!.body);
    expect(posts[1]!.body.content).toBe('New booking request: tomorrow 10:00');
    expect(sent.content).toBe('New booking request: tomorrow 10:00');
    expect(elapsed).toBeGreaterThanOrEqual(200);
    const warn = entries.find((e) => e.msg === 'discord REST rate limited');
    expect(warn?.obj).toMatchObject({ method: 'POST', global: false, retryAfterMs: expect.any(Number) });
  });

  it('sends a DM through POST /users/@me/channels then POST /channels/:dm/messages', async () => {
    // (the staffer: the customer's DM channel is already cached by the DM test, so discord.js would not open it again)
    const result = await sendDirectMessage(client, '555555555555555502', 'Reminder: your session starts in 1 hour.');
    expect(result).toMatchObject({ ok: true });
    const open = fake.callsTo('POST', '/users/@me/channels');
    expect(open.map((c) => c.body)).toEqual([{ recipient_id: '555555555555555502' }]);
    const dmId = (result as { channelId: string }).channelId;
    expect(pickDefined(fake.callsTo('POST', `/channels/${dmId}/messages`)[0]!.body)).toMatchObject({
      content: 'Reminder: your session starts in 1 hour.',
    });
  });

  it('reports closed DMs (403, code 50007) as a value, not an exception', async () => {
    const dm = await client.users.createDM('555555555555555502');
    fake.failNext(`POST /channels/${dm.id}/messages`, { status: 403, code: 50007, message: 'Cannot send messages to this user' });
    await expect(sendDirectMessage(client, '555555555555555502', 'Your booking was approved.')).resolves.toEqual({
      ok: false,
      reason: 'dms_closed',
    });
    const attempts = fake.callsTo('POST', `/channels/${dm.id}/messages`).filter((c) => c.body?.content === 'Your booking was approved.');
    expect(attempts.map((c) => c.status)).toEqual([403]); // not retried
  });
});

/** JSON over the wire drops undefined; the recorded body never has them anyway. */
function pickDefined(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}
