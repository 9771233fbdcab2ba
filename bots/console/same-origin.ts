/**
 * A write is accepted only from the console's own pages: the Origin (when the browser sends one, and
 * browsers do for every cross-site POST) must be this server, Sec-Fetch-Site (when sent) same-origin,
 * and the page's token must come with it (compared in constant time).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function sameOriginWrite(req: IncomingMessage, given: unknown, token: string, allowHost: (host: string) => boolean): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let o: URL;
    try {
      o = new URL(origin);
    } catch {
      return false;
    }
    if (o.host.toLowerCase() !== (req.headers.host ?? '').toLowerCase() || !allowHost(o.hostname.toLowerCase())) return false;
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  return typeof given === 'string' && given.length === token.length && timingSafeEqual(Buffer.from(given), Buffer.from(token));
}
