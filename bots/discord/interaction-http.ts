import { Pool } from 'undici';
import { DefaultUserAgent, type Client } from 'discord.js';

/**
 * The two requests every acknowledged command makes with its interaction token: the deferral (POST
 * …/interactions/<id>/<token>/callback) and the answer that replaces it (PATCH
 * …/webhooks/<app>/<token>/messages/@original). They are sent with undici directly rather than through
 * discord.js's REST manager. Neither needs the bot token. Discord counts interaction endpoints against
 * no global limit, and each token is its own route, so there is no bucket to share. The manager's
 * queueing, per-route handler and header building cost about a sixth of a /book's main-thread time
 * (bench:discord). Its rules that matter here are kept:
 * - a 429 is waited out (Retry-After) and sent again (discord.js never gave up on these routes either);
 * - a 5xx or a network error is sent again, three times at most;
 * - a request gets 15 s;
 * - any other answer is an error carrying Discord's status and message.
 */
export interface InteractionHttpOptions {
  /** REST base, e.g. https://discord.com/api (the client's `rest.options.api`). */
  api: string;
  /** API version, e.g. "10". */
  version: string;
  userAgent: string;
  timeoutMs?: number;
  retries?: number;
}

export class InteractionRequestError extends Error {
  constructor(
    readonly status: number,
    readonly route: string,
    message: string,
  ) {
    super(`${status} on ${route}: ${message}`);
    this.name = 'InteractionRequestError';
  }
}

export interface InteractionHttp {
  /** POST …/interactions/<id>/<token>/callback */
  callback(interactionId: string, token: string, body: unknown): Promise<void>;
  /** PATCH …/webhooks/<applicationId>/<token>/messages/@original */
  editOriginal(applicationId: string, token: string, body: unknown): Promise<void>;
  /** Closes the kept-alive connections (at shutdown). */
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function interactionHttp(o: InteractionHttpOptions): InteractionHttp {
  const api = new URL(o.api);
  // One pool of kept-alive connections to the API's origin; requests name only their path.
  const pool = new Pool(api.origin);
  const base = `${api.pathname.replace(/\/$/, '')}/v${o.version}`;
  const headers = { 'content-type': 'application/json', 'user-agent': o.userAgent };
  const retries = o.retries ?? 3;
  const timeoutMs = o.timeoutMs ?? 15_000;

  async function send(method: 'POST' | 'PATCH', route: string, body: unknown): Promise<void> {
    const payload = JSON.stringify(body);
    for (let attempt = 0; ; attempt++) {
      let res: Awaited<ReturnType<Pool['request']>>;
      try {
        res = await pool.request({ path: base + route, method, headers, body: payload, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
      } catch (err) {
        if (attempt < retries) continue;
        throw err;
      }
      const status = res.statusCode;
      if (status < 300) {
        await res.body.dump();
        return;
      }
      const text = await res.body.text();
      if (status === 429) {
        const waitMs = retryAfterMs(res.headers['retry-after'], text);
        if (attempt < retries) {
          await sleep(waitMs);
          continue;
        }
      } else if (status >= 500 && attempt < retries) continue;
      throw new InteractionRequestError(status, `${method} ${route.replace(/\/[\w-]{60,}/, '/:token')}`, messageOf(text));
    }
  }

  return {
    callback: (interactionId, token, body) => send('POST', `/interactions/${interactionId}/${token}/callback`, body),
    editOriginal: (applicationId, token, body) => send('PATCH', `/webhooks/${applicationId}/${token}/messages/@original`, body),
    close: () => pool.close(),
  };
}

/** Retry-After in ms: the header (seconds, may be fractional), else the body's retry_after, else 1 s. */
function retryAfterMs(header: string | string[] | undefined, body: string): number {
  const h = Number(Array.isArray(header) ? header[0] : header);
  if (Number.isFinite(h) && h >= 0) return h * 1000;
  try {
    const b = JSON.parse(body) as { retry_after?: unknown };
    if (typeof b.retry_after === 'number' && b.retry_after >= 0) return b.retry_after * 1000;
  } catch {
    // not JSON
  }
  return 1000;
}

function messageOf(body: string): string {
  try {
    const b = JSON.parse(body) as { message?: unknown };
    if (typeof b.message === 'string') return b.message;
  } catch {
    // not JSON
  }
  return body.slice(0, 200) || 'no message';
}

const byClient = new WeakMap<Client, InteractionHttp>();

/** Closes the client's interaction connections, if it opened any. */
export async function closeInteractionHttp(client: Client): Promise<void> {
  const http = byClient.get(client);
  byClient.delete(client);
  await http?.close();
}

/** The client's interaction requests, on its REST options (base URL, version, user agent). */
export function interactionHttpOf(client: Client): InteractionHttp {
  let http = byClient.get(client);
  if (!http) {
    const r = client.rest.options;
    http = interactionHttp({
      api: r.api,
      version: r.version,
      userAgent: `${DefaultUserAgent} ${r.userAgentAppendix}`.trim(),
      timeoutMs: r.timeout,
      retries: r.retries,
    });
    byClient.set(client, http);
  }
  return http;
}
