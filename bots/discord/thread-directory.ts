/**
 * Which thread a booking was made from, so a customer whose DMs are closed hears about it there.
 * In memory, per client: after a restart the thread is forgotten and a closed-DM confirmation is
 * only recorded as failed (documented in docs/discord-setup.md). The confirmation is normally sent
 * by the next sweep, seconds after the booking, so the window is small.
 */
import type { Client } from 'discord.js';

const byClient = new WeakMap<Client, Map<string, { threadId: string; userId: string }>>();

function mapFor(client: Client) {
  let m = byClient.get(client);
  if (!m) byClient.set(client, (m = new Map()));
  return m;
}

export function rememberThread(client: Client, bookingId: string, threadId: string, userId: string): void {
  const m = mapFor(client);
  m.set(bookingId, { threadId, userId });
  if (m.size > 10_000) m.delete(m.keys().next().value!);
}

/** The thread, once: after this the booking is forgotten (we say it once). */
export function takeThread(client: Client, bookingId: string): { threadId: string; userId: string } | null {
  const m = mapFor(client);
  const t = m.get(bookingId) ?? null;
  m.delete(bookingId);
  return t;
}
