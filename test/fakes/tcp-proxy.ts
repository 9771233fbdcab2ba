/**
 * A TCP proxy in front of a real server (PostgreSQL in the tests) that can stop forwarding without
 * closing anything: `hang()` keeps every connection open and lets no byte through in either
 * direction, as a stuck network path or a frozen server would; `resume()` forwards again what was held.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Connections accepted so far. */
  readonly connections: number;
  hang(): void;
  resume(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let hung = false;
  let accepted = 0;
  const pairs = new Set<[Socket, Socket]>();
  const held = new Map<Socket, Buffer[]>();
  const forward = (from: Socket, to: Socket) => {
    from.on('data', (chunk: Buffer) => {
      if (hung) held.get(to)!.push(chunk);
      else to.write(chunk);
    });
    from.on('close', () => to.destroy());
    from.on('error', () => to.destroy());
  };
  const server: Server = createServer((client) => {
    accepted++;
    const upstream = connect(target.port, target.host);
    held.set(client, []);
    held.set(upstream, []);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    forward(client, upstream);
    forward(upstream, client);
    client.on('close', () => pairs.delete(pair));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get connections() {
      return accepted;
    },
    hang() {
      hung = true;
    },
    resume() {
      hung = false;
      for (const [socket, chunks] of held) {
        for (const c of chunks.splice(0)) if (!socket.destroyed) socket.write(c);
      }
    },
    close() {
      for (const [a, b] of pairs) {
        a.destroy();
        b.destroy();
      }
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
