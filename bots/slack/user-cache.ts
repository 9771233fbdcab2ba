/**
 * users.info (with locale) cached per user for about ten minutes: every interaction needs the
 * person's zone and locale, and Slack rate-limits users.info (tier 4).
 */
import type { webApi } from '@slack/bolt';

export interface SlackProfile {
  displayName?: string;
  zone?: string;
  locale?: string;
  /** The profile's address (needs the users:read.email scope; absent without it). */
  email?: string;
}

export interface UserCache {
  get(client: webApi.WebClient, userId: string): Promise<SlackProfile>;
  clear(): void;
}

export function createUserCache(opts: { ttlMs?: number; now?: () => number } = {}): UserCache {
  const ttl = opts.ttlMs ?? 10 * 60_000;
  const now = opts.now ?? Date.now;
  const entries = new Map<string, { at: number; value: Promise<SlackProfile> }>();
  return {
    get(client, userId) {
      const hit = entries.get(userId);
      if (hit && now() - hit.at < ttl) return hit.value;
      const value = client.users.info({ user: userId, include_locale: true }).then((r) => {
        const u = r.user;
        const displayName = u?.profile?.display_name || u?.real_name || u?.name;
        return {
          ...(displayName ? { displayName } : {}),
          ...(u?.tz ? { zone: u.tz } : {}),
          ...(u?.locale ? { locale: u.locale } : {}),
          ...(u?.profile?.email ? { email: u.profile.email } : {}),
        };
      });
      entries.set(userId, { at: now(), value });
      // A failed lookup is not cached: the next interaction asks again.
      value.catch(() => entries.delete(userId));
      if (entries.size > 5000) entries.delete(entries.keys().next().value!);
      return value;
    },
    clear: () => entries.clear(),
  };
}
