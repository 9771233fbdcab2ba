/** A plain node:http server for the web routes when Bolt's receiver is not serving them. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { matchPath, type WebRoute } from './web-routes.js';
import type { Logger } from './logger.js';

export interface WebServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export async function startWebServer(routes: WebRoute[], opts: { port: number; host?: string; logger: Logger }): Promise<WebServer> {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    for (const r of routes) {
      if (r.method !== req.method) continue;
      const params = matchPath(r.path, path);
      if (!params) continue;
      try {
        await r.handler(Object.assign(req, { params }), res);
      } catch (e) {
        opts.logger.error({ err: (e as Error).message, path: r.path }, 'web route failed');
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('Something went wrong on our side. Please try again.');
      }
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
