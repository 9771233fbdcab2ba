/**
 * The HTTP routes every deployment serves, whatever the platform: the tracked join link and the
 * health check. They are mounted on Bolt's receiver in Slack HTTP mode, and on our own server
 * otherwise (see web-server.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../../core/index.js';
import { closedPage, earlyPage, notFoundPage, phonePage } from './join-page.js';

export interface WebRoute {
  method: 'GET' | 'POST';
  /** Express-style path; `:name` segments become params. */
  path: string;
  handler(req: IncomingMessage & { params?: Record<string, string> }, res: ServerResponse): void | Promise<void>;
}

function html(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

export function webRoutes(deps: { core: Core; healthy: () => Promise<boolean> }): WebRoute[] {
  return [
    {
      method: 'GET',
      path: '/healthz',
      async handler(_req, res) {
        const ok = await deps.healthy();
        res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: ok ? 'ok' : 'database unreachable' }));
      },
    },
    {
      method: 'GET',
      path: '/j/:token',
      async handler(req, res) {
        const token = req.params?.token ?? '';
        const r = await deps.core.openJoinLink({ token });
        switch (r.kind) {
          case 'joined':
            if (r.meetingUrl && r.booking.kind === 'online') {
              res.writeHead(302, { location: r.meetingUrl, 'cache-control': 'no-store' });
              res.end();
            } else html(res, 200, phonePage(r.booking, false));
            return;
          case 'too_early':
            return html(res, 200, r.booking.kind === 'online' ? earlyPage(r.booking) : phonePage(r.booking, true));
          case 'closed':
            return html(res, 410, closedPage(r.booking, r.status));
          case 'not_found':
          case 'invalid_input':
            return html(res, 404, notFoundPage());
        }
      },
    },
  ];
}

/** Matches a request path against a route path, returning its params or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const a = path.split('/');
  if (p.length !== a.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i]!.startsWith(':')) params[p[i]!.slice(1)] = decodeURIComponent(a[i]!);
    else if (p[i] !== a[i]) return null;
  }
  return params;
}
