import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake Slack Web API on 127.0.0.1 for adapter tests.
 *
 *   const fake = await startFakeSlack();
 *   new App({ ..., clientOptions: { slackApiUrl: fake.url } })
 *   await fake.waitFor('chat.postMessage');
 *   fake.callsTo('chat.postMessage')[0].body.blocks   // JSON-decoded
 *   fake.responseUrl('r1')  → a response_url whose posts land in fake.responses
 */

export interface RecordedCall {
  /** Web API method name, e.g. 'chat.postMessage', or 'response_url' for posts to a response URL. */
  method: string;
  /** Parsed form or JSON body; `blocks`, `view`, `attachments`… are JSON-decoded. */
  body: Record<string, unknown>;
  /** The Authorization header as sent ("Bearer xoxb-…"), if any. */
  authorization: string | undefined;
  /** For response_url posts: the id given to responseUrl(id). */
  responseId?: string;
  /** The HTTP status the fake answered with. */
  status: number;
}

export type FailureSpec =
  | { status: 429; retryAfter: number }
  | { status: number; body?: string }
  | { ok: false; error: string; [extra: string]: unknown };

export interface FakeUser {
  id?: string;
  name?: string;
  real_name?: string;
  tz?: string;
  locale?: string;
  is_bot?: boolean;
  deleted?: boolean;
}

export type MethodHandler = (body: Record<string, unknown>, call: RecordedCall) => Record<string, unknown> | Promise<Record<string, unknown>>;

export interface FakeSlack {
  /** Web API base for `slackApiUrl`, e.g. http://127.0.0.1:PORT/api/ */
  readonly url: string;
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  readonly calls: RecordedCall[];
  readonly responses: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  responseUrl(id: string): string;
  responsesTo(id: string): RecordedCall[];
  /** Resolves once `count` calls to `method` (or response posts, method 'response_url') have been recorded. */
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  /** The next call to `method` answers with this failure (queue several by calling again). */
  failNext(method: string, failure: FailureSpec): void;
  setUser(userId: string, user: FakeUser): void;
  /** Answer `method` with a custom handler (replaces the built-in one). */
  handle(method: string, handler: MethodHandler): void;
  reset(): void;
  close(): Promise<void>;
}

export const FAKE_TEAM_ID = 'T0FAKE';
export const FAKE_BOT_USER_ID = 'U0BOT';
export const FAKE_BOT_ID = 'B0BOT';

const JSON_FIELDS = new Set(['blocks', 'view', 'attachments', 'metadata', 'options', 'option_groups']);

function decodeFields(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (JSON_FIELDS.has(key) && typeof value === 'string') {
      try {
        out[key] = JSON.parse(value);
        continue;
      } catch {
        // keep the raw string: the test will see what was actually sent
      }
    }
    out[key] = value;
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return {};
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(text);
      return parsed !== null && typeof parsed === 'object' ? decodeFields(parsed as Record<string, unknown>) : { _raw: text };
    } catch {
      return { _raw: text };
    }
  }
  return decodeFields(Object.fromEntries(new URLSearchParams(text)));
}

function tzOffsetSeconds(tz: string): number {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' }).formatToParts(new Date());
    const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    if (!m) return 0;
    return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60);
  } catch {
    return 0;
  }
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const responses: RecordedCall[] = [];
  const failures = new Map<string, FailureSpec[]>();
  const users = new Map<string, FakeUser>();
  const handlers = new Map<string, MethodHandler>();
  const waiters = new Set<() => void>();
  let tsCounter = 0;
  let viewCounter = 0;

  const nextTs = (): string => `1700000000.${String(++tsCounter).padStart(6, '0')}`;
  const notify = (): void => {
    for (const w of [...waiters]) w();
  };

  const builtin: Record<string, MethodHandler> = {
    'auth.test': () => ({
      ok: true,
      url: 'https://fake.slack.com/',
      team: 'Fake Team',
      user: 'slotkeeper',
      team_id: FAKE_TEAM_ID,
      user_id: FAKE_BOT_USER_ID,
      bot_id: FAKE_BOT_ID,
      is_enterprise_install: false,
    }),
    'chat.postMessage': (body) => {
      const ts = nextTs();
      return { ok: true, channel: body.channel, ts, message: { type: 'message', text: body.text, blocks: body.blocks, ts, bot_id: FAKE_BOT_ID } };
    },
    'chat.update': (body) => ({ ok: true, channel: body.channel, ts: body.ts, text: body.text, message: { text: body.text, blocks: body.blocks } }),
    'chat.postEphemeral': () => ({ ok: true, message_ts: nextTs() }),
    'conversations.open': (body) => {
      const user = String(body.users ?? body.user ?? '').split(',')[0] ?? '';
      if (user === '') return { ok: false, error: 'users_list_not_supplied' };
      return { ok: true, channel: { id: `D${user.replace(/^[UW]/, '')}` } };
    },
    'views.open': (body) => ({ ok: true, view: { id: `V${String(++viewCounter).padStart(6, '0')}`, ...(body.view as object) } }),
    'views.update': (body) => ({ ok: true, view: { id: body.view_id ?? `V${String(++viewCounter).padStart(6, '0')}`, ...(body.view as object) } }),
    'views.publish': (body) => ({ ok: true, view: { id: `V${String(++viewCounter).padStart(6, '0')}`, type: 'home', ...(body.view as object) } }),
    'views.push': (body) => ({ ok: true, view: { id: `V${String(++viewCounter).padStart(6, '0')}`, ...(body.view as object) } }),
    'users.info': (body) => {
      const id = String(body.user ?? '');
      if (id === '') return { ok: false, error: 'user_not_found' };
      const known = users.get(id) ?? {};
      const tz = known.tz ?? 'America/New_York';
      const user: Record<string, unknown> = {
        id,
        team_id: FAKE_TEAM_ID,
        name: known.name ?? id.toLowerCase(),
        real_name: known.real_name ?? `User ${id}`,
        deleted: known.deleted ?? false,
        is_bot: known.is_bot ?? false,
        tz,
        tz_label: tz,
        tz_offset: tzOffsetSeconds(tz),
      };
      // Slack includes locale only when asked with include_locale=true.
      if (body.include_locale === 'true' || body.include_locale === true) user.locale = known.locale ?? 'en-US';
      return { ok: true, user };
    },
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = await readBody(req);
    const authorization = req.headers.authorization;

    const responseMatch = /^\/response\/([^/]+)$/.exec(path);
    const apiMatch = /^\/api\/([A-Za-z0-9_.]+)$/.exec(path);
    if (!responseMatch && !apiMatch) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const method = responseMatch ? 'response_url' : (apiMatch?.[1] ?? '');
    const call: RecordedCall = { method, body, authorization, status: 200 };
    if (responseMatch?.[1] !== undefined) call.responseId = decodeURIComponent(responseMatch[1]);

    const failure = failures.get(method)?.shift();
    let status = 200;
    let headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    let payload: string;
    if (failure !== undefined) {
      if ('ok' in failure) {
        payload = JSON.stringify(failure);
      } else {
        status = failure.status;
        if ('retryAfter' in failure) headers = { ...headers, 'retry-after': String(failure.retryAfter) };
        payload = 'body' in failure && failure.body !== undefined ? failure.body : JSON.stringify({ ok: false, error: status === 429 ? 'ratelimited' : 'fake_http_error' });
      }
    } else if (responseMatch) {
      payload = JSON.stringify({ ok: true });
    } else if (authorization === undefined && body.token === undefined) {
      payload = JSON.stringify({ ok: false, error: 'not_authed' });
    } else {
      const handler = handlers.get(method) ?? builtin[method];
      const result = handler ? await handler(body, call) : { ok: false, error: 'unknown_method' };
      payload = JSON.stringify(result);
    }
    call.status = status;
    (responseMatch ? responses : calls).push(call);
    res.writeHead(status, headers);
    res.end(payload);
    notify();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  const listFor = (method: string): RecordedCall[] => (method === 'response_url' ? responses : calls.filter((c) => c.method === method));

  return {
    url: `${origin}/api/`,
    origin,
    calls,
    responses,
    callsTo: (method) => calls.filter((c) => c.method === method),
    responseUrl: (id) => `${origin}/response/${encodeURIComponent(id)}`,
    responsesTo: (id) => responses.filter((r) => r.responseId === id),
    waitFor(method, count = 1, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const found = listFor(method);
          if (found.length >= count) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
            return true;
          }
          return false;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`fake Slack: waited ${timeoutMs} ms for ${count} call(s) to ${method}; saw ${calls.map((c) => c.method).join(', ') || 'none'}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    failNext(method, failure) {
      const queue = failures.get(method) ?? [];
      queue.push(failure);
      failures.set(method, queue);
    },
    setUser(userId, user) {
      users.set(userId, user);
    },
    handle(method, handler) {
      handlers.set(method, handler);
    },
    reset() {
      calls.length = 0;
      responses.length = 0;
      failures.clear();
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
    },
  };
}
