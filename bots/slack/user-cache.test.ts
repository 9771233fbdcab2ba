import type { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createUserCache } from './user-cache.js';

function fakeClient(tz: () => string) {
  const calls: unknown[] = [];
  const client = {
    users: {
      info: async (args: unknown) => {
        calls.push(args);
        if (tz() === 'fail') throw new Error('ratelimited');
        return { ok: true, user: { id: 'U1', real_name: 'Kim', tz: tz(), locale: 'en-GB' } };
      },
    },
  } as unknown as webApi.WebClient;
  return { client, calls };
}

describe('user cache', () => {
  it('asks users.info with the locale once per user for ten minutes', async () => {
    let now = 0;
    let zone = 'Europe/Berlin';
    const { client, calls } = fakeClient(() => zone);
    const cache = createUserCache({ now: () => now });
    expect(await cache.get(client, 'U1')).toEqual({ displayName: 'Kim', zone: 'Europe/Berlin', locale: 'en-GB' });
    zone = 'Asia/Tokyo';
    now = 9 * 60_000;
    expect((await cache.get(client, 'U1')).zone).toBe('Europe/Berlin');
    now = 10 * 60_000;
    expect((await cache.get(client, 'U1')).zone).toBe('Asia/Tokyo');
    expect(calls).toEqual([
      { user: 'U1', include_locale: true },
      { user: 'U1', include_locale: true },
    ]);
  });

  it('does not cache a failed lookup', async () => {
    let mode = 'fail';
    const { client, calls } = fakeClient(() => mode);
    const cache = createUserCache({ now: () => 0 });
    await expect(cache.get(client, 'U1')).rejects.toThrow('ratelimited');
    await Promise.resolve();
    mode = 'UTC';
    expect((await cache.get(client, 'U1')).zone).toBe('UTC');
    expect(calls).toHaveLength(2);
  });
});
