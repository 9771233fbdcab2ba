/**
 * A fake Discord for adapter tests: one node:http server on 127.0.0.1 serving
 * the REST API under /api/v10 and, on the same port, the gateway (ws).
 *
 * Point the real discord.js client at it with `rest: { api: fake.apiUrl }`:
 * discord.js fetches GET /api/v10/gateway/bot and connects to the URL it
 * returns. Every REST request is recorded (method, decoded path, query, JSON
 * body or multipart payload_json) and answered with a Discord-shaped body.
 *
 * Payload shapes are kept complete on purpose: discord.js silently drops (or
 * crashes on, as an unhandled rejection) interactions missing fields such as
 * `entitlements`, `authorizing_integration_owners`, `member.user` or, for
 * components, `message`; and it only knows the interaction's channel from the
 * `channel` object (not `channel_id`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, WebSocket } from 'ws';

// ---------------------------------------------------------------------------
// Types

export interface FakeChannelSpec {
  id?: string;
  name: string;
  /** 0 text (default), 2 voice, 4 category, 5 announcement */
  type?: number;
  parentId?: string | null;
}

export interface FakeRoleSpec {
  id?: string;
  name: string;
  permissions?: string;
}

export interface FakeUserSpec {
  id?: string;
  username: string;
  bot?: boolean;
  globalName?: string | null;
}

export interface FakeMemberSpec extends FakeUserSpec {
  /** role names or ids */
  roles?: string[];
}

export interface FakeDiscordOptions {
  guildId?: string;
  guildName?: string;
  applicationId?: string;
  botUsername?: string;
  channels?: FakeChannelSpec[];
  roles?: FakeRoleSpec[];
  members?: FakeMemberSpec[];
  heartbeatIntervalMs?: number;
  /** Send GUILD_CREATE after READY (default true). */
  sendGuildCreate?: boolean;
}

export interface RecordedCall {
  method: string;
  /** Path below /api/v10, URL-decoded: `/webhooks/1/tok/messages/@original` */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body (or multipart `payload_json`), null when empty. */
  body: any;
  /** File parts of a multipart body. */
  files: { name: string; filename: string; size: number }[];
  /** Status the fake answered with. */
  status: number;
  at: number;
}

/** 429: Discord's rate-limit body and headers; any other status: `{ message, code }`. */
export interface FailureSpec {
  status: number;
  /** seconds (429 only; default 1) */
  retryAfter?: number;
  global?: boolean;
  /** Discord JSON error code, e.g. 50007 Cannot send messages to this user */
  code?: number;
  message?: string;
}

export type FakeUser = { id: string; username: string; discriminator: string; global_name: string | null; avatar: null; bot?: boolean };

export type InteractionSpec =
  | ({ kind: 'command'; name: string; options?: unknown[]; commandId?: string } & InteractionCommon)
  | ({ kind: 'autocomplete'; name: string; options: unknown[]; commandId?: string } & InteractionCommon)
  | ({ kind: 'button'; customId: string; message?: Record<string, unknown> } & InteractionCommon)
  | ({
      kind: 'modal';
      customId: string;
      /** text input values by custom_id; or raw `components` */
      fields?: Record<string, string>;
      components?: unknown[];
      message?: Record<string, unknown>;
    } & InteractionCommon);

export interface InteractionCommon {
  /** channel id or name (default: first text channel) */
  channel?: string;
  /** user id or username of a configured member (default: first non-bot member) */
  user?: string;
  locale?: string;
  /** member permissions bitfield string */
  permissions?: string;
  /** set to send the interaction from a DM instead of the guild */
  dm?: boolean;
}

export interface MessageCreateSpec {
  channel?: string;
  /** user id or username; or a raw author */
  author?: string | FakeUser;
  content: string;
  bot?: boolean;
  /** user ids mentioned (real Discord fills this from <@id> in content; so do we when omitted) */
  mentions?: string[];
  dm?: boolean;
}

/** A built INTERACTION_CREATE payload (the fields tests read are typed). */
export type InteractionPayload = Record<string, any> & { id: string; token: string; application_id: string; type: number };
/** A built MESSAGE_CREATE payload. */
export type MessagePayload = Record<string, any> & { id: string; channel_id: string; content: string };

export interface FakeDiscord {
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly port: number;
  readonly guildId: string;
  readonly applicationId: string;
  readonly botUser: FakeUser;
  readonly calls: RecordedCall[];
  channelId(name: string): string;
  roleId(name: string): string;
  user(idOrName: string): FakeUser;
  dispatch(event: string, data: unknown): void;
  buildInteraction(spec: InteractionSpec): InteractionPayload;
  /** Builds the payload, dispatches INTERACTION_CREATE and returns the payload. */
  interaction(spec: InteractionSpec): InteractionPayload;
  buildMessage(spec: MessageCreateSpec): MessagePayload;
  /** Builds the payload, dispatches MESSAGE_CREATE and returns the payload. */
  messageCreate(spec: MessageCreateSpec): MessagePayload;
  failNext(route: string, failure: FailureSpec): void;
  callsTo(method: string, pattern: RegExp | string): RecordedCall[];
  waitForCall(method: string, pattern: RegExp | string, timeoutMs?: number): Promise<RecordedCall>;
  /** Resolves once the client has identified (the gateway saw op 2). */
  waitForIdentify(timeoutMs?: number): Promise<Record<string, any>>;
  readonly identifyPayloads: Record<string, any>[];
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------
// Helpers

let snowflakeCounter = 0n;
/** Increasing, unique, realistic-looking snowflakes. */
export function snowflake(): string {
  snowflakeCounter += 1n;
  const ms = BigInt(Date.now()) - 1420070400000n;
  return ((ms << 22n) | (snowflakeCounter & 0x3fffffn)).toString();
}

function nowIso(): string {
  return new Date().toISOString();
}

function routeToRegExp(route: string): { method: string; re: RegExp } {
  const [method, path] = route.trim().split(/\s+/, 2);
  if (!method || !path) throw new Error(`failNext route must look like "POST /channels/:id/messages", got "${route}"`);
  const escaped = path
    .split('/')
    .map((seg) => (seg.startsWith(':') ? '([^/]+)' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return { method: method.toUpperCase(), re: new RegExp(`^${escaped}$`) };
}

function toRegExp(pattern: RegExp | string): RegExp {
  return typeof pattern === 'string' ? routeToRegExp(`X ${pattern}`).re : pattern;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseMultipart(raw: Buffer, contentType: string): { body: any; files: RecordedCall['files'] } {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const b = boundary?.[1] ?? boundary?.[2];
  if (!b) return { body: null, files: [] };
  const text = raw.toString('latin1');
  const parts = text.split(`--${b}`).slice(1, -1);
  let body: any = null;
  const files: RecordedCall['files'] = [];
  for (const part of parts) {
    const sep = part.indexOf('\r\n\r\n');
    const head = part.slice(0, sep);
    const content = part.slice(sep + 4, part.length - 2);
    const name = /name="([^"]*)"/i.exec(head)?.[1] ?? '';
    const filename = /filename="([^"]*)"/i.exec(head)?.[1];
    if (filename !== undefined) files.push({ name, filename, size: Buffer.byteLength(content, 'latin1') });
    else if (name === 'payload_json') body = JSON.parse(Buffer.from(content, 'latin1').toString('utf8'));
  }
  return { body, files };
}

// ---------------------------------------------------------------------------

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const guildId = options.guildId ?? snowflake();
  const applicationId = options.applicationId ?? snowflake();
  const heartbeatInterval = options.heartbeatIntervalMs ?? 41_250;
  const botUser: FakeUser = {
    id: applicationId,
    username: options.botUsername ?? 'Slotkeeper',
    discriminator: '0',
    global_name: null,
    avatar: null,
    bot: true,
  };

  const channelSpecs = options.channels ?? [{ name: 'booking' }, { name: 'staff' }];
  const channels = channelSpecs.map((c, position) => ({
    id: c.id ?? snowflake(),
    type: c.type ?? 0,
    guild_id: guildId,
    name: c.name,
    position,
    parent_id: c.parentId ?? null,
    permission_overwrites: [],
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0,
  }));
  const roleSpecs = options.roles ?? [{ name: 'Staff' }];
  const roles = [
    // @everyone has the guild's id
    { id: guildId, name: '@everyone', permissions: '1024' },
    ...roleSpecs.map((r) => ({ id: r.id ?? snowflake(), name: r.name, permissions: r.permissions ?? '0' })),
  ].map((r, position) => ({
    ...r,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    managed: false,
    mentionable: false,
    flags: 0,
  }));
  const roleId = (name: string): string => {
    const role = roles.find((r) => r.id === name || r.name === name);
    if (!role) throw new Error(`fake Discord: no role "${name}"`);
    return role.id;
  };
  const memberSpecs = options.members ?? [
    { username: 'customer' },
    { username: 'staffer', roles: ['Staff'] },
  ];
  const users = new Map<string, FakeUser>();
  users.set(botUser.id, botUser);
  const members = new Map<string, Record<string, any>>();
  const joinedAt = nowIso();
  const addMember = (user: FakeUser, roleIds: string[]) => {
    members.set(user.id, {
      user,
      roles: roleIds,
      nick: null,
      avatar: null,
      joined_at: joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      communication_disabled_until: null,
    });
  };
  addMember(botUser, []);
  for (const m of memberSpecs) {
    const user: FakeUser = {
      id: m.id ?? snowflake(),
      username: m.username,
      discriminator: '0',
      global_name: m.globalName ?? null,
      avatar: null,
      ...(m.bot ? { bot: true } : {}),
    };
    users.set(user.id, user);
    addMember(user, (m.roles ?? []).map(roleId));
  }

  const channelId = (name: string): string => {
    const ch = channels.find((c) => c.id === name || c.name === name);
    if (ch) return ch.id;
    if (threads.has(name) || dmChannels.has(name)) return name;
    throw new Error(`fake Discord: no channel "${name}"`);
  };
  const user = (idOrName: string): FakeUser => {
    const u = users.get(idOrName) ?? [...users.values()].find((x) => x.username === idOrName);
    if (!u) throw new Error(`fake Discord: no user "${idOrName}"`);
    return u;
  };
  const otherBot: FakeUser = { id: snowflake(), username: 'OtherBot', discriminator: '0', global_name: null, avatar: null, bot: true };
  users.set(otherBot.id, otherBot);
  const defaultUser = (): FakeUser => [...users.values()].find((u) => !u.bot) ?? botUser;
  const defaultChannel = (): string => channels.find((c) => c.type === 0)?.id ?? channels[0]!.id;

  const threads = new Map<string, Record<string, any>>();
  const dmChannels = new Map<string, Record<string, any>>();
  const messages = new Map<string, Record<string, any>>();
  const interactionsByToken = new Map<string, Record<string, any>>();

  const calls: RecordedCall[] = [];
  const failures: { method: string; re: RegExp; failure: FailureSpec }[] = [];
  const callWaiters: { method: string; re: RegExp; resolve: (c: RecordedCall) => void }[] = [];
  // For a literal path (no `:param`, as the bench asks with an interaction's own id and token), the
  // first recorded call and the waiters by "METHOD path": found without testing every recorded call.
  const firstCallByRoute = new Map<string, RecordedCall>();
  const exactWaiters = new Map<string, Array<(c: RecordedCall) => void>>();
  const identifyPayloads: Record<string, any>[] = [];
  const identifyWaiters: ((p: Record<string, any>) => void)[] = [];
  let seq = 0;
  const sockets = new Set<WebSocket>();

  // ---- HTTP ---------------------------------------------------------------
  const server: Server = createServer((req, res) => {
    handleHttp(req, res).catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `fake Discord crashed: ${String(err)}`, code: 0 }));
    });
  });
  const wss = new WebSocketServer({ server });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const apiUrl = `http://127.0.0.1:${port}/api`;
  const gatewayUrl = `ws://127.0.0.1:${port}`;

  const messageObject = (channel: string, body: any, author: FakeUser = botUser, id = snowflake()) => {
    const ch = channels.find((c) => c.id === channel) ?? threads.get(channel);
    const msg = {
      id,
      type: 0,
      channel_id: channel,
      ...(ch?.guild_id ? { guild_id: ch.guild_id } : {}),
      author,
      content: body?.content ?? '',
      timestamp: nowIso(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      pinned: false,
      flags: body?.flags ?? 0,
    };
    messages.set(id, msg);
    return msg;
  };

  function threadObject(parentId: string, body: any): Record<string, any> {
    const thread = {
      id: snowflake(),
      type: body?.type ?? 11,
      guild_id: guildId,
      parent_id: parentId,
      owner_id: botUser.id,
      name: body?.name ?? 'thread',
      last_message_id: null,
      rate_limit_per_user: body?.rate_limit_per_user ?? 0,
      message_count: 0,
      member_count: 1,
      total_message_sent: 0,
      flags: 0,
      thread_metadata: {
        archived: false,
        auto_archive_duration: body?.auto_archive_duration ?? 1440,
        archive_timestamp: nowIso(),
        locked: false,
        create_timestamp: nowIso(),
      },
      member: { id: snowflake(), user_id: botUser.id, join_timestamp: nowIso(), flags: 0 },
    };
    threads.set(thread.id, thread);
    return thread;
  }

  type Handler = (m: string[], call: RecordedCall) => { status: number; json?: unknown };
  const routes: { method: string; re: RegExp; handle: Handler }[] = [];
  const route = (method: string, path: string, handle: Handler) => routes.push({ method, re: routeToRegExp(`${method} ${path}`).re, handle });

  route('GET', '/gateway/bot', () => ({
    status: 200,
    json: { url: gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } },
  }));
  route('GET', '/gateway', () => ({ status: 200, json: { url: gatewayUrl } }));
  /** The channel an interaction (by token) happened in, so its responses land there. */
  const interactionChannel = (token: string | undefined): string =>
    (token ? interactionsByToken.get(token)?.channel_id : undefined) ?? defaultChannel();
  route('POST', '/interactions/:id/:token/callback', (m, call) => {
    if (call.query.with_response === 'true') {
      const type = call.body?.type as number | undefined;
      const original = interactionsByToken.get(m[1]!);
      const message = type === 4 || type === 7 ? messageObject(interactionChannel(m[1]), call.body?.data) : undefined;
      return {
        status: 200,
        json: {
          interaction: {
            id: m[0],
            type: original?.type ?? 2,
            response_message_id: message?.id,
            response_message_loading: type === 5,
            response_message_ephemeral: ((call.body?.data?.flags ?? 0) & 64) === 64,
          },
          resource: { type, ...(message ? { message } : {}) },
        },
      };
    }
    return { status: 204 };
  });
  route('GET', '/webhooks/:app/:token/messages/:mid', (m) => ({
    status: 200,
    json: messages.get(m[2]!) ?? messageObject(interactionChannel(m[1]), {}),
  }));
  route('PATCH', '/webhooks/:app/:token/messages/:mid', (m, call) => ({
    status: 200,
    json: messageObject(interactionChannel(m[1]), call.body, botUser, m[2] === '@original' ? snowflake() : m[2]!),
  }));
  route('DELETE', '/webhooks/:app/:token/messages/:mid', () => ({ status: 204 }));
  route('POST', '/webhooks/:app/:token', (m, call) => ({ status: 200, json: messageObject(interactionChannel(m[1]), call.body) }));
  route('POST', '/channels/:cid/messages', (m, call) => ({ status: 200, json: messageObject(m[0]!, call.body) }));
  route('PATCH', '/channels/:cid/messages/:mid', (m, call) => ({ status: 200, json: { ...messageObject(m[0]!, call.body, botUser, m[1]!), edited_timestamp: nowIso() } }));
  route('GET', '/channels/:cid/messages/:mid', (m) => {
    const msg = messages.get(m[1]!);
    return msg ? { status: 200, json: msg } : { status: 404, json: { message: 'Unknown Message', code: 10008 } };
  });
  route('POST', '/channels/:cid/threads', (m, call) => {
    const thread = threadObject(m[0]!, call.body);
    dispatch('THREAD_CREATE', { ...thread, newly_created: true });
    return { status: 201, json: thread };
  });
  route('POST', '/channels/:cid/messages/:mid/threads', (m, call) => {
    const thread = threadObject(m[0]!, { ...call.body, type: 11 });
    // a thread started from a message has the message's id
    threads.delete(thread.id);
    thread.id = m[1]!;
    threads.set(thread.id, thread);
    dispatch('THREAD_CREATE', { ...thread, newly_created: true });
    return { status: 201, json: thread };
  });
  route('POST', '/users/@me/channels', (_m, call) => {
    const recipient = users.get(call.body?.recipient_id) ?? { id: call.body?.recipient_id, username: 'unknown', discriminator: '0', global_name: null, avatar: null };
    const existing = [...dmChannels.values()].find((c) => c.recipients[0].id === recipient.id);
    if (existing) return { status: 200, json: existing };
    const dm = { id: snowflake(), type: 1, last_message_id: null, flags: 0, recipients: [recipient] };
    dmChannels.set(dm.id, dm);
    return { status: 200, json: dm };
  });
  const echoCommands: Handler = (m, call) => ({
    status: 200,
    json: (Array.isArray(call.body) ? call.body : []).map((cmd: any) => ({
      id: snowflake(),
      application_id: m[0],
      ...(m[1] ? { guild_id: m[1] } : {}),
      version: snowflake(),
      type: 1,
      default_member_permissions: null,
      nsfw: false,
      description_localizations: null,
      name_localizations: null,
      ...cmd,
    })),
  });
  route('PUT', '/applications/:app/commands', echoCommands);
  route('PUT', '/applications/:app/guilds/:guild/commands', echoCommands);
  route('GET', '/users/:uid', (m) => {
    const u = m[0] === '@me' ? botUser : users.get(m[0]!);
    return u ? { status: 200, json: u } : { status: 404, json: { message: 'Unknown User', code: 10013 } };
  });
  route('GET', '/guilds/:gid/members/:uid', (m) => {
    const member = m[0] === guildId ? members.get(m[1]!) : undefined;
    return member ? { status: 200, json: member } : { status: 404, json: { message: 'Unknown Member', code: 10007 } };
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', apiUrl);
    const raw = await readBody(req);
    const prefix = url.pathname.match(/^\/api(?:\/v\d+)?/)?.[0] ?? '';
    const path = decodeURIComponent(url.pathname.slice(prefix.length));
    const method = (req.method ?? 'GET').toUpperCase();
    const contentType = String(req.headers['content-type'] ?? '');
    let body: any = null;
    let files: RecordedCall['files'] = [];
    if (raw.length > 0) {
      if (contentType.startsWith('multipart/form-data')) ({ body, files } = parseMultipart(raw, contentType));
      else {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          body = raw.toString('utf8');
        }
      }
    }
    const call: RecordedCall = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
      files,
      status: 0,
      at: Date.now(),
    };

    const send = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      calls.push(call);
      const routeKey = `${method} ${path}`;
      if (!firstCallByRoute.has(routeKey)) firstCallByRoute.set(routeKey, call);
      if (json === undefined) {
        res.writeHead(status, headers);
        res.end();
      } else {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(json));
      }
      const exact = exactWaiters.get(routeKey);
      if (exact) {
        exactWaiters.delete(routeKey);
        for (const resolve of exact) resolve(call);
      }
      for (const w of [...callWaiters]) {
        if (w.method === method && w.re.test(path)) {
          callWaiters.splice(callWaiters.indexOf(w), 1);
          w.resolve(call);
        }
      }
    };

    const failureIndex = failures.findIndex((f) => f.method === method && f.re.test(path));
    if (failureIndex >= 0) {
      const { failure } = failures.splice(failureIndex, 1)[0]!;
      if (failure.status === 429) {
        const retryAfter = failure.retryAfter ?? 1;
        const headers: Record<string, string> = {
          'retry-after': String(retryAfter),
          'x-ratelimit-limit': '5',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Date.now() / 1000 + retryAfter),
          'x-ratelimit-reset-after': String(retryAfter),
          'x-ratelimit-bucket': 'fakebucket',
          'x-ratelimit-scope': failure.global ? 'global' : 'user',
        };
        if (failure.global) headers['x-ratelimit-global'] = 'true';
        send(429, { message: failure.message ?? 'You are being rate limited.', retry_after: retryAfter, global: failure.global ?? false }, headers);
      } else {
        send(failure.status, { message: failure.message ?? 'Scripted failure', code: failure.code ?? 0 });
      }
      return;
    }

    for (const r of routes) {
      if (r.method !== method) continue;
      const match = r.re.exec(path);
      if (!match) continue;
      const out = r.handle(match.slice(1), call);
      send(out.status, out.json);
      return;
    }
    send(404, { message: '404: Not Found', code: 0 });
  }

  // ---- Gateway -----------------------------------------------------------
  const guildCreatePayload = () => ({
    id: guildId,
    name: options.guildName ?? 'Slotkeeper Support',
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: [...users.values()].find((u) => !u.bot)?.id ?? botUser.id,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: 'en-US',
    features: [],
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    max_members: 500000,
    max_video_channel_users: 25,
    application_id: null,
    joined_at: joinedAt,
    large: false,
    unavailable: false,
    lazy: true,
    member_count: members.size,
    roles,
    emojis: [],
    stickers: [],
    channels: channels.map(({ guild_id: _g, ...c }) => c),
    threads: [],
    members: [...members.values()],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    incidents_data: null,
  });

  const sendOp = (ws: WebSocket, payload: unknown) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(payload));
  };

  function dispatch(event: string, data: unknown): void {
    const open = [...sockets].filter((s) => s.readyState === WebSocket.OPEN);
    if (open.length === 0) throw new Error(`fake Discord: cannot dispatch ${event}, no gateway connection`);
    seq += 1;
    for (const ws of open) sendOp(ws, { op: 0, t: event, s: seq, d: data });
  }

  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    sendOp(ws, { op: 10, d: { heartbeat_interval: heartbeatInterval, _trace: ['fake-discord'] }, s: null, t: null });
    ws.on('message', (raw) => {
      let packet: { op: number; d: any };
      try {
        packet = JSON.parse(raw.toString());
      } catch {
        ws.close(4002, 'Decode error');
        return;
      }
      switch (packet.op) {
        case 1: // heartbeat
          sendOp(ws, { op: 11, d: null, s: null, t: null });
          break;
        case 2: {
          // identify
          identifyPayloads.push(packet.d);
          seq += 1;
          sendOp(ws, {
            op: 0,
            t: 'READY',
            s: seq,
            d: {
              v: 10,
              user: { ...botUser, verified: true, mfa_enabled: false, flags: 0 },
              guilds: [{ id: guildId, unavailable: true }],
              private_channels: [],
              relationships: [],
              presences: [],
              guild_join_requests: [],
              application: { id: applicationId, flags: 0 },
              session_id: `fake-session-${seq}`,
              session_type: 'normal',
              resume_gateway_url: gatewayUrl,
              shard: [0, 1],
              _trace: ['fake-discord'],
            },
          });
          if (options.sendGuildCreate !== false) {
            seq += 1;
            sendOp(ws, { op: 0, t: 'GUILD_CREATE', s: seq, d: guildCreatePayload() });
          }
          for (const w of identifyWaiters.splice(0)) w(packet.d);
          break;
        }
        case 6: // resume
          seq += 1;
          sendOp(ws, { op: 0, t: 'RESUMED', s: seq, d: { _trace: ['fake-discord'] } });
          break;
        default:
          break; // presence updates, voice state, request guild members: ignored
      }
    });
  });

  // ---- Payload builders --------------------------------------------------
  const channelPayload = (id: string) => {
    const ch = channels.find((c) => c.id === id) ?? threads.get(id) ?? dmChannels.get(id);
    if (!ch) return { id, type: 0, guild_id: guildId, name: 'unknown' };
    return ch;
  };

  const appPermissions = '2251799813685247'; // everything: the test bot is never refused by permissions

  function buildInteraction(spec: InteractionSpec): InteractionPayload {
    const u = spec.user ? user(spec.user) : defaultUser();
    const member = members.get(u.id);
    const dm = spec.dm === true;
    let chId: string;
    if (dm) {
      const existing = [...dmChannels.values()].find((c) => c.recipients[0].id === u.id);
      chId = existing?.id ?? snowflake();
      if (!existing) dmChannels.set(chId, { id: chId, type: 1, last_message_id: null, flags: 0, recipients: [u] });
    } else chId = spec.channel ? channelId(spec.channel) : defaultChannel();
    const id = snowflake();
    const base: Record<string, any> = {
      id,
      application_id: applicationId,
      token: `fake-token-${id}`,
      version: 1,
      channel_id: chId,
      channel: channelPayload(chId),
      app_permissions: appPermissions,
      locale: spec.locale ?? 'en-US',
      entitlements: [],
      authorizing_integration_owners: dm ? { '1': u.id } : { '0': guildId },
      context: dm ? 1 : 0,
      attachment_size_limit: 10485760,
    };
    if (dm) base.user = u;
    else {
      base.guild_id = guildId;
      base.guild_locale = 'en-US';
      base.guild = { id: guildId, locale: 'en-US', features: [] };
      base.member = { ...(member ?? { roles: [], joined_at: joinedAt, deaf: false, mute: false, flags: 0 }), user: u, permissions: spec.permissions ?? '1024' };
    }
    const payload = withKind(spec, base, chId, dm) as InteractionPayload;
    interactionsByToken.set(payload.token, payload);
    return payload;
  }

  function withKind(spec: InteractionSpec, base: Record<string, any>, chId: string, dm: boolean): Record<string, any> {
    const componentMessage = (extra?: Record<string, unknown>) => ({
      ...messageObject(chId, { content: 'Original message', components: [] }),
      ...extra,
    });
    switch (spec.kind) {
      case 'command':
        return { ...base, type: 2, data: { id: spec.commandId ?? snowflake(), name: spec.name, type: 1, ...(dm ? {} : { guild_id: guildId }), ...(spec.options ? { options: spec.options } : {}) } };
      case 'autocomplete':
        return { ...base, type: 4, data: { id: spec.commandId ?? snowflake(), name: spec.name, type: 1, ...(dm ? {} : { guild_id: guildId }), options: spec.options } };
      case 'button':
        return { ...base, type: 3, data: { custom_id: spec.customId, component_type: 2 }, message: componentMessage(spec.message) };
      case 'modal': {
        const components =
          spec.components ??
          Object.entries(spec.fields ?? {}).map(([customId, value]) => ({ type: 1, components: [{ type: 4, custom_id: customId, value }] }));
        return { ...base, type: 5, data: { custom_id: spec.customId, components }, ...(spec.message ? { message: componentMessage(spec.message) } : {}) };
      }
    }
  }

  function buildMessage(spec: MessageCreateSpec): MessagePayload {
    let author: FakeUser;
    if (typeof spec.author === 'object') author = spec.author;
    else if (spec.author) author = user(spec.author);
    else if (spec.bot) author = otherBot;
    else author = defaultUser();
    if (spec.bot && !author.bot) {
      // discord.js caches users: flagging a human as a bot once would make it a bot for every later message.
      throw new Error(`fake Discord: "${author.username}" is not a bot; omit author (another bot is used) or configure a member with bot: true`);
    }
    const dm = spec.dm === true;
    let chId: string;
    if (dm) {
      const existing = [...dmChannels.values()].find((c) => c.recipients[0].id === author.id);
      chId = existing?.id ?? snowflake();
      if (!existing) dmChannels.set(chId, { id: chId, type: 1, last_message_id: null, flags: 0, recipients: [author] });
    } else chId = spec.channel ? channelId(spec.channel) : defaultChannel();
    const mentionIds = spec.mentions ?? [...spec.content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1]!);
    const msg: MessagePayload = {
      ...messageObject(chId, { content: spec.content }, author),
      mentions: mentionIds.map((id) => users.get(id) ?? { id, username: 'unknown', discriminator: '0', global_name: null, avatar: null }),
      nonce: snowflake(),
    };
    if (dm) msg.channel_type = 1;
    else {
      msg.guild_id = guildId;
      const member = members.get(author.id);
      if (member) {
        const { user: _u, ...rest } = member;
        msg.member = rest;
      }
    }
    return msg;
  }

  return {
    apiUrl,
    gatewayUrl,
    port,
    guildId,
    applicationId,
    botUser,
    calls,
    identifyPayloads,
    channelId,
    roleId,
    user,
    dispatch,
    buildInteraction,
    interaction(spec) {
      const payload = buildInteraction(spec);
      dispatch('INTERACTION_CREATE', payload);
      return payload;
    },
    buildMessage,
    messageCreate(spec) {
      const payload = buildMessage(spec);
      dispatch('MESSAGE_CREATE', payload);
      return payload;
    },
    failNext(routeSpec, failure) {
      const { method, re } = routeToRegExp(routeSpec);
      failures.push({ method, re, failure });
    },
    callsTo(method, pattern) {
      const re = toRegExp(pattern);
      return calls.filter((c) => c.method === method.toUpperCase() && re.test(c.path));
    },
    waitForCall(method, pattern, timeoutMs = 2_000) {
      const m = method.toUpperCase();
      if (typeof pattern === 'string' && !/[:\s]/.test(pattern)) {
        const routeKey = `${m} ${pattern}`;
        const existing = firstCallByRoute.get(routeKey);
        if (existing) return Promise.resolve(existing);
        return new Promise<RecordedCall>((resolve, reject) => {
          const waiter = (c: RecordedCall) => {
            clearTimeout(timer);
            resolve(c);
          };
          const timer = setTimeout(() => {
            const list = exactWaiters.get(routeKey) ?? [];
            list.splice(list.indexOf(waiter), 1);
            if (list.length === 0) exactWaiters.delete(routeKey);
            const seen = calls.map((c) => `${c.method} ${c.path} -> ${c.status}`).join('\n  ');
            reject(new Error(`fake Discord: no ${m} ${pattern} within ${timeoutMs} ms. Calls so far:\n  ${seen || '(none)'}`));
          }, timeoutMs);
          const list = exactWaiters.get(routeKey);
          if (list) list.push(waiter);
          else exactWaiters.set(routeKey, [waiter]);
        });
      }
      const re = toRegExp(pattern);
      const existing = calls.find((c) => c.method === m && re.test(c.path));
      if (existing) return Promise.resolve(existing);
      return new Promise<RecordedCall>((resolve, reject) => {
        const waiter = {
          method: m,
          re,
          resolve: (c: RecordedCall) => {
            clearTimeout(timer);
            resolve(c);
          },
        };
        const timer = setTimeout(() => {
          callWaiters.splice(callWaiters.indexOf(waiter), 1);
          const seen = calls.map((c) => `${c.method} ${c.path} -> ${c.status}`).join('\n  ');
          reject(new Error(`fake Discord: no ${m} ${re} within ${timeoutMs} ms. Calls so far:\n  ${seen || '(none)'}`));
        }, timeoutMs);
        callWaiters.push(waiter);
      });
    },
    waitForIdentify(timeoutMs = 5_000) {
      if (identifyPayloads.length > 0) return Promise.resolve(identifyPayloads[0]!);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`fake Discord: no IDENTIFY within ${timeoutMs} ms`)), timeoutMs);
        identifyWaiters.push((p) => {
          clearTimeout(timer);
          resolve(p);
        });
      });
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
