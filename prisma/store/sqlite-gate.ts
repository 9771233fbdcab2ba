/**
 * SQLite has one connection, shared by Prisma and the hot reads (hot-reads.ts). Prisma's adapter runs
 * one transaction at a time on it, but a query outside a transaction does not wait for an open one: it
 * would run inside it and see its writes before they are committed (or rolled back). This gate keeps
 * the two apart, as a readers-writer lock, and keeps core's work behind the network's:
 * - Transactions run one at a time, each starting in a fresh turn of the event loop, once the reads
 *   already started or waiting have finished. better-sqlite3 never yields inside a statement; without
 *   the turn, twenty requests acknowledged together would run all their core work in one turn, and
 *   every acknowledgement still waiting (Slack and Discord allow 3 s) would wait for all of it.
 * - Reads (Store.read) start in the next turn too, after the network events of this one, but up to
 *   `readsPerTurn` of them together. A read that comes while a transaction runs or waits goes in the
 *   queue behind it.
 *
 * How many reads a turn: each turn costs the loop a round of its own (polling, timers, the HTTP
 * client's socket checks), and each read started in it delays the acknowledgements that arrive
 * meanwhile. Three kept Slack's ack p99 near 20 ms at 20 in flight and took Discord's /book from
 * 0.66-0.70 ms of main-thread time to 0.50-0.54 ms (README, Performance: the measurements).
 */
export interface SqliteGate {
  transaction<T>(run: () => Promise<T>): Promise<T>;
  read<T>(run: () => Promise<T>): Promise<T>;
}

export function sqliteGate(readsPerTurn = 3): SqliteGate {
  /** The queue: transactions, and the reads that came while one ran or waited. */
  let last: Promise<unknown> = Promise.resolve();
  /** Transactions running or waiting. */
  let transactions = 0;
  /** Reads waiting for their turn, and the turn that starts the next of them. */
  const waiting: Array<() => void> = [];
  let nextStart: Promise<void> = Promise.resolve();
  /** Reads started and not finished. */
  const reading = new Set<Promise<unknown>>();

  const nextTurn = () => new Promise<void>((r) => setImmediate(r));
  const queue = <T>(p: Promise<T>): Promise<T> => {
    last = p.catch(() => undefined);
    return p;
  };
  function startSome(): void {
    for (let i = 0; i < readsPerTurn && waiting.length > 0; i++) waiting.shift()!();
    if (waiting.length > 0) nextStart = nextTurn().then(startSome);
  }
  async function readsDone(): Promise<void> {
    while (waiting.length > 0) await nextStart;
    await Promise.allSettled([...reading]);
  }
  function start<T>(run: () => Promise<T>): Promise<T> {
    let mine: Promise<T>;
    try {
      mine = run();
    } catch (err) {
      return Promise.reject(err);
    }
    reading.add(mine);
    const forget = () => reading.delete(mine);
    mine.then(forget, forget);
    return mine;
  }

  return {
    transaction(run) {
      transactions++;
      const done = () => transactions--;
      return queue(last.then(nextTurn, nextTurn).then(readsDone).then(run).finally(done));
    },
    read<T>(run: () => Promise<T>): Promise<T> {
      if (transactions > 0) return queue(last.then(run, run));
      return new Promise<T>((resolve, reject) => {
        if (waiting.length === 0) nextStart = nextTurn().then(startSome);
        waiting.push(() => void start(run).then(resolve, reject));
      });
    },
  };
}
