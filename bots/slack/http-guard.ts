/**
 * What stands between the internet and Bolt's HTTP receiver on POST /slack/events.
 *
 * Bolt checks signatures, but accepts timestamps in the future, and reads fields of a signed payload
 * before any listener runs: `payload=null` throws outside every handler (the process exits), and
 * `actions: null` or `user: null` answer 500. So this reads the body itself, then:
 * - refuses a timestamp more than 5 minutes from this server's clock, either way (401);
 * - refuses a bad signature (401) and a body over 1 MB (413);
 * - refuses a signed body that is not the shape Slack sends (400, with what was wrong in plain words);
 * and only then hands the request to Bolt, with the body it already read (Bolt reuses `rawBody`).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { Logger } from '../shared/logger.js';
import type { WebRoute } from '../shared/web-routes.js';

export const SIGNATURE_WINDOW_SECONDS = 300;
export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface SlackEventsRouteOptions {
  /** Bolt's HTTPReceiver.requestListener */
  requestListener: (req: IncomingMessage, res: ServerResponse) => void;
  signingSecret: string;
  logger: Logger;
  path?: string;
  /** Unix milliseconds; the real clock by default (signatures are checked against real time). */
  now?: () => number;
}

type Check = { ok: true } | { ok: false; status: number; text: string; why: string };

const refuse = (status: number, text: string, why = text): Check => ({ ok: false, status, text, why });

class TooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new TooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
}

export function checkSignature(secret: string, timestampHeader: string | undefined, signature: string | undefined, body: string, nowMs: number): Check {
  if (!timestampHeader || !/^\d{1,12}$/.test(timestampHeader)) return refuse(401, 'Refused: the request has no valid x-slack-request-timestamp.');
  const skew = Math.abs(Math.floor(nowMs / 1000) - Number(timestampHeader));
  if (skew > SIGNATURE_WINDOW_SECONDS) {
    return refuse(401, `Refused: the request timestamp is more than ${SIGNATURE_WINDOW_SECONDS / 60} minutes away from this server's clock.`, `timestamp ${skew} s away from the clock`);
  }
  if (!signature || !signature.startsWith('v0=')) return refuse(401, 'Refused: the request has no valid x-slack-signature.');
  const expected = Buffer.from(`v0=${createHmac('sha256', secret).update(`v0:${timestampHeader}:${body}`).digest('hex')}`);
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return refuse(401, 'Refused: the request signature does not match.', 'signature mismatch');
  return { ok: true };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const optStr = (v: unknown) => v === undefined || typeof v === 'string';
const optUrl = (v: unknown) => v === undefined || (typeof v === 'string' && /^https?:\/\/[^\s]+$/.test(v));

/** Why a signed body cannot be a Slack request this app handles, or null when it is fine. */
export function shapeProblem(body: unknown): string | null {
  if (!isObject(body)) return 'the body is not a JSON object';
  // A slash command: form fields.
  if ('command' in body) {
    if (!isStr(body.command) || !body.command.startsWith('/')) return 'command is not a slash command name';
    if (!isStr(body.user_id) || body.user_id === '') return 'user_id is missing';
    for (const k of ['text', 'channel_id', 'team_id', 'trigger_id'] as const) if (!optStr(body[k])) return `${k} is not text`;
    if (!optUrl(body.response_url)) return 'response_url is not a URL';
    return null;
  }
  const type = body.type;
  if (!isStr(type)) return 'type is missing';
  const user = () => (isObject(body.user) && isStr(body.user.id) && body.user.id !== '' ? null : 'user is missing');
  const teamOk = () => body.team === undefined || body.team === null || (isObject(body.team) && optStr(body.team.id));
  switch (type) {
    case 'url_verification':
      return isStr(body.challenge) ? null : 'challenge is missing';
    case 'block_actions': {
      const u = user();
      if (u) return u;
      if (!teamOk()) return 'team is not an object';
      if (!Array.isArray(body.actions) || body.actions.length === 0) return 'actions is missing';
      for (const a of body.actions) {
        if (!isObject(a) || !isStr(a.action_id)) return 'an action has no action_id';
        if (!optStr(a.value) || !optStr(a.block_id) || !optStr(a.type)) return 'an action has a field of the wrong type';
      }
      if (!optUrl(body.response_url)) return 'response_url is not a URL';
      if (!optStr(body.trigger_id)) return 'trigger_id is not text';
      for (const k of ['channel', 'message', 'container', 'view'] as const) if (body[k] !== undefined && body[k] !== null && !isObject(body[k])) return `${k} is not an object`;
      if (isObject(body.channel) && !optStr(body.channel.id)) return 'channel.id is not text';
      if (isObject(body.message) && !optStr(body.message.ts)) return 'message.ts is not text';
      if (isObject(body.view) && (!optStr(body.view.id) || !optStr(body.view.private_metadata))) return 'view has a field of the wrong type';
      return null;
    }
    case 'view_submission':
    case 'view_closed': {
      const u = user();
      if (u) return u;
      if (!teamOk()) return 'team is not an object';
      const v = body.view;
      if (!isObject(v) || !isStr(v.callback_id)) return 'view.callback_id is missing';
      if (!optStr(v.id) || !optStr(v.private_metadata)) return 'view has a field of the wrong type';
      if (type === 'view_submission' && !(isObject(v.state) && isObject(v.state.values))) return 'view.state.values is missing';
      if (isObject(v.state) && isObject(v.state.values)) {
        for (const block of Object.values(v.state.values)) {
          if (!isObject(block)) return 'view.state.values has a block that is not an object';
          for (const el of Object.values(block)) if (!isObject(el)) return 'view.state.values has an element that is not an object';
        }
      }
      return null;
    }
    case 'block_suggestion':
      return user() ?? (isStr(body.action_id) ? null : 'action_id is missing');
    case 'shortcut':
    case 'message_action':
      return user() ?? (isStr(body.callback_id) ? null : 'callback_id is missing');
    case 'event_callback': {
      if (!isObject(body.event) || !isStr(body.event.type)) return 'event.type is missing';
      if (!optStr(body.team_id) || !optStr(body.event.user) || !optStr(body.event.channel)) return 'event has a field of the wrong type';
      if (body.authorizations !== undefined && !Array.isArray(body.authorizations)) return 'authorizations is not a list';
      return null;
    }
    default:
      return `requests of type "${type.slice(0, 40)}" are not handled`;
  }
}

function parseBody(raw: string, contentType: string): { ok: true; body: unknown; sslCheck: boolean } | { ok: false } {
  try {
    if (contentType === 'application/x-www-form-urlencoded') {
      const form = parseQuery(raw);
      if (form.ssl_check === '1') return { ok: true, body: form, sslCheck: true };
      if ('payload' in form) return typeof form.payload === 'string' ? { ok: true, body: JSON.parse(form.payload) as unknown, sslCheck: false } : { ok: false };
      for (const v of Object.values(form)) if (Array.isArray(v)) return { ok: true, body: null, sslCheck: false };
      return { ok: true, body: form, sslCheck: false };
    }
    return { ok: true, body: JSON.parse(raw) as unknown, sslCheck: false };
  } catch {
    return { ok: false };
  }
}

function answer(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

export function slackEventsRoute(opts: SlackEventsRouteOptions): WebRoute {
  const now = opts.now ?? Date.now;
  const log = opts.logger;
  return {
    method: 'POST',
    path: opts.path ?? '/slack/events',
    async handler(req, res) {
      let buf: Buffer;
      try {
        buf = await readBody(req, BODY_LIMIT_BYTES);
      } catch (e) {
        if (e instanceof TooLarge) return answer(res, 413, 'Refused: the request body is over 1 MB.');
        throw e;
      }
      const raw = buf.toString('utf8');
      const contentType = (header(req, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      const parsed = parseBody(raw, contentType);
      if (parsed.ok && parsed.sslCheck) return answer(res, 200, '');
      const sig = checkSignature(opts.signingSecret, header(req, 'x-slack-request-timestamp'), header(req, 'x-slack-signature'), raw, now());
      if (!sig.ok) {
        log.warn({ why: sig.why }, 'refused an unsigned or stale Slack request');
        return answer(res, sig.status, sig.text);
      }
      if (!parsed.ok) {
        log.warn({ contentType }, 'signed Slack request with a body that is not JSON or a form');
        return answer(res, 400, 'Slotkeeper could not read this request: the body is not valid JSON or form data.');
      }
      const problem = shapeProblem(parsed.body);
      if (problem) {
        log.warn({ problem }, 'signed Slack request that is not the shape Slack sends');
        return answer(res, 400, `Slotkeeper could not use this request: ${problem}.`);
      }
      // Bolt's own reader returns this buffer instead of reading the (already consumed) stream.
      Object.assign(req, { rawBody: buf });
      // Bolt wants the exact content type it compares against.
      req.headers['content-type'] = contentType;
      opts.requestListener(req, res);
    },
  };
}
