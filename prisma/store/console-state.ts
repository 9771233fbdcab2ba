/**
 * The console's own rows (ConsoleState): the simulated clock and the replies only one person saw,
 * kept with the data so that the same database shows the same time and the same feed after a restart.
 */
import type { Db } from '../client.js';

export interface ConsoleStateStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
}

export function consoleStateStore(prisma: Db): ConsoleStateStore {
  return {
    async get(key) {
      return (await prisma.consoleState.findUnique({ where: { key } }))?.value ?? null;
    },
    async set(key, value) {
      await prisma.consoleState.upsert({ where: { key }, create: { key, value }, update: { value } });
    },
  };
}

/** For the scripted demo and tests that need no persistence. */
export function memoryConsoleState(): ConsoleStateStore {
  const m = new Map<string, string>();
  return {
    get: async (key) => m.get(key) ?? null,
    set: async (key, value) => void m.set(key, value),
  };
}
