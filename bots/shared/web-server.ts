/**
 * The one HTTP server of the process: join links, /healthz, /metrics, the console, and in Slack HTTP
 * mode POST /slack/events (handed to Bolt after bots/slack/http-guard.ts has checked it). No request
 * can stop the process: a malformed address is a 400, a failing route a 500 with a plain answer.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BadPathError, matchPath, type WebRoute } from './web-routes.js';
import type { Logger } from './logger.js';
import { ts, type Lang } from './present/i18n.js';

export interface WebServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export interface WebServerOptions {
  port: number;
  host?: string;
  logger: Logger;
  /**
   * When set, a request whose Host header this refuses is answered 421 (DNS rebinding: a page on
   * another site that resolves its own name to 127.0.0.1 must not reach the console).
   */
  allowHost?: (host: string) => boolean;
  /**
   * The language of the server's own plain answers: a malformed address (400), no such page (404),
   * a method the page does not take (405), a failing route (500). No person is known there: the
   * vendor's language (`vendor.locale`); English when not given.
   */
  lang?: Lang;
}

function plain(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/** The Host header's name without the port, lower-cased; '' when missing. */
export function hostName(req: IncomingMessage): string {
  const raw = (req.headers.host ?? '').trim().toLowerCase();
  if (raw.startsWith('[')) return raw.slice(0, raw.indexOf(']') + 1);
  return raw.replace(/:\d*$/, '');
}

/** A friendlier message than EADDRINUSE for the most common start-up failure. */
export function listenProblem(e: NodeJS.ErrnoException, port: number, host: string): string {
  if (e.code === 'EADDRINUSE') return `port ${port} on ${host} is already in use (another Slotkeeper, or another program?). Stop it, or start on another port, e.g. PORT=${port === 3000 ? 3001 : port + 1} npm start`;
  if (e.code === 'EACCES') return `port ${port} on ${host} needs privileges this user does not have: use a port above 1023, e.g. PORT=3000`;
  if (e.code === 'EADDRNOTAVAIL') return `HOST=${host} is not an address of this machine: use 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)`;
  return `cannot listen on ${host}:${port}: ${e.message}`;
}

export async function startWebServer(routes: WebRoute[], opts: WebServerOptions): Promise<WebServer> {
  const host = opts.host ?? '127.0.0.1';
  const lang = opts.lang ?? 'en';
  const apology = ts(lang, 'page.serverError');
  const badAddress = ts(lang, 'page.badAddress');
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (opts.allowHost && !opts.allowHost(hostName(req))) {
      return plain(res, 421, `This server does not answer for the host name "${hostName(req).slice(0, 100)}". Open it as http://localhost:${(req.socket.localPort ?? '')}/ instead.`);
    }
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://localhost').pathname;
      decodeURIComponent(path);
    } catch {
      return plain(res, 400, badAddress);
    }
    let methodAllowed = false;
    for (const r of routes) {
      let params: Record<string, string> | null;
      try {
        params = matchPath(r.path, path);
      } catch (e) {
        if (e instanceof BadPathError) return plain(res, 400, badAddress);
        throw e;
      }
      if (!params) continue;
      if (r.method !== req.method && !(r.method === 'GET' && req.method === 'HEAD')) {
        methodAllowed = true;
        continue;
      }
      const started = performance.now();
      try {
        await r.handler(Object.assign(req, { params }), res);
        // The route pattern, never the path: a join link's path is its token.
        opts.logger.debug({ method: req.method, route: r.path, status: res.statusCode, ms: Math.round(performance.now() - started) }, 'web request');
      } catch (e) {
        opts.logger.error({ err: (e as Error).message, path: r.path }, 'web route failed');
        plain(res, 500, apology);
      }
      return;
    }
    if (methodAllowed) return plain(res, 405, ts(lang, 'page.methodNotAllowed'));
    plain(res, 404, ts(lang, 'page.notFound'));
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      opts.logger.error({ err: (e as Error)?.message }, 'web request failed');
      plain(res, 500, apology);
    });
  });
  // A request node cannot even parse (bad header, bad request line): 400, never an exception.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\nBad request.');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(Object.assign(new Error(listenProblem(e, opts.port, host)), { code: e.code })));
    server.listen(opts.port, host, () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections?.();
      }),
  };
}
