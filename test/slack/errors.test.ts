import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shown, slackWorld, type SlackWorld } from './slack-harness.js';

describe('the listener boundary', () => {
  let w: SlackWorld;
  beforeAll(async () => {
    w = await slackWorld();
  });
  afterAll(() => w.close());

  it('an unexpected failure is logged with context and an error reference, and the person gets a short apology with it', async () => {
    w.fake.failNext('views.open', { status: 500 });
    const res = await w.post('/book', '', 'U0ERR');
    expect(res.status).toBe(200);
    const [apology] = await w.fake.waitFor('response_url');
    const text = shown(apology!.body);
    const ref = /error reference ([0-9a-f]{8})/.exec(text)?.[1];
    expect(text).toContain('Sorry, something went wrong on our side.');
    expect(ref).toBeDefined();
    const line = w.lines.find((l) => l.msg === 'Slack listener failed');
    expect(line).toMatchObject({ level: 50, errorRef: ref, command: '/book', userId: 'U0ERR', platform: 'slack' });
  });

  it('a modal submission that fails is answered with the apology in place of the modal', async () => {
    const understand = w.h.core.understandMove;
    w.h.core.understandMove = async () => {
      throw new Error('database went away');
    };
    try {
      const res = await w.submit({ callback_id: 'move-modal', user_id: 'U0ERR', private_metadata: JSON.stringify({ bookingId: 'b1', kind: 'online', lengthMinutes: 30 }), values: { when: { when: { type: 'plain_text_input', value: 'tomorrow 3pm' } } } });
      expect(res.json).toMatchObject({ response_action: 'update', view: { type: 'modal' } });
      expect(shown((res.json as any).view)).toMatch(/Sorry, something went wrong on our side\. .*\(error reference [0-9a-f]{8}\)/);
      expect(w.lines.some((l) => l.msg === 'Slack listener failed' && l.view === 'move-modal')).toBe(true);
    } finally {
      w.h.core.understandMove = understand;
    }
  });

  it('a modal whose metadata this version never wrote is answered "no longer available", logged at debug at most', async () => {
    const before = w.lines.length;
    const res = await w.submit({ callback_id: 'move-modal', user_id: 'U0OLD', private_metadata: 'not json', values: {} });
    expect(shown((res.json as any).view)).toContain('This button is no longer available');
    expect(w.lines.slice(before).filter((l) => (l.level as number) >= 40)).toEqual([]);
  });

  it('forged metadata on the code modal (a number, a list, an impossible start) is "no longer available", never an error', async () => {
    const before = w.lines.length;
    const code = { code: { value: { type: 'plain_text_input', value: 'ACME-2026' } } };
    for (const meta of ['123', '[]', 'null', JSON.stringify({ startsAt: 'soon', kind: 'online', lengthMinutes: 30 }), JSON.stringify({ startsAt: 42, kind: 'online', lengthMinutes: 30 })]) {
      const res = await w.submit({ callback_id: 'code-modal', user_id: 'U0OLD', private_metadata: meta, values: code });
      expect([meta, shown((res.json as any).view)]).toEqual([meta, expect.stringContaining('This button is no longer available')]);
    }
    expect(w.lines.slice(before).filter((l) => (l.level as number) >= 40)).toEqual([]);
    expect(await w.h.db.prisma.booking.count()).toBe(0);
  });

  it('users.info failing does not stop the command: times fall back to the vendor zone', async () => {
    w.fake.failNext('users.info', { ok: false, error: 'user_not_found' });
    const answer = await w.command('/book', 'tomorrow 3pm', 'U0NOINFO');
    expect(shown(answer)).toContain('Tue 1 Dec, 15:00 New York');
    expect(w.lines.some((l) => l.msg === 'users.info failed; continuing without zone and locale')).toBe(true);
  });

  it('a forged request never reaches a listener', async () => {
    const { postToBolt, signedSlashCommand } = await import('../fakes/slack-sign.js');
    const res = await postToBolt(w.events, signedSlashCommand('wrong-secret', { command: '/sk-company', text: 'create Evil' }));
    expect(res.status).toBe(401);
    expect(await w.h.db.prisma.company.count()).toBe(0);
  });
});
