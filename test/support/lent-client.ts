/**
 * A test's handle on a Prisma client the pool keeps between tests (test/support/test-database.ts).
 * It is the client while the test runs; once the test gave its database back, every use of it throws,
 * as a dropped database's client would fail, so work a test left running cannot reach the next test's
 * rows. `$disconnect` does nothing: the pool owns the connections. The store drives it as the client
 * itself (prisma/client.ts `driveAs`).
 */
import { driveAs, type Db } from '../../prisma/client.js';
import type { Store } from '../../core/ports/store.js';

const refuse = (what: string): never => {
  throw new Error(`test database used after it was given back (${what}): a test left work running after close()`);
};

export function lent(client: Db, given: () => boolean): Db {
  const delegates = new Map<PropertyKey, object>();
  const delegate = (key: PropertyKey, target: object) =>
    new Proxy(target, {
      get(t, p) {
        const v = Reflect.get(t, p, t) as unknown;
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => (given() ? refuse(`${String(key)}.${String(p)}`) : (v as (...a: unknown[]) => unknown).apply(t, args));
      },
    });
  const handle = new Proxy(client, {
    get(t, p) {
      if (given()) refuse(String(p));
      if (p === '$disconnect') return async () => undefined;
      const v = Reflect.get(t, p, t) as unknown;
      if (typeof v === 'function') return (v as (...a: unknown[]) => unknown).bind(t);
      if (v !== null && typeof v === 'object' && typeof p === 'string' && !p.startsWith('$') && !p.startsWith('_')) {
        let d = delegates.get(p);
        if (!d) delegates.set(p, (d = delegate(p, v)));
        return d;
      }
      return v;
    },
  });
  driveAs(handle, client);
  return handle;
}

/** The store on a lent client, refusing work as the handle does (its hot reads bypass Prisma). */
export function lentStore(store: Store, given: () => boolean): Store {
  return {
    transaction: async (fn) => (given() ? refuse('store.transaction') : store.transaction(fn)),
    read: async (fn) => (given() ? refuse('store.read') : store.read(fn)),
    close: async () => undefined,
  };
}
