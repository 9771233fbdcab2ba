import { createHmac } from 'node:crypto';

/**
 * Signed requests for Bolt's HTTP receiver, as Slack would send them.
 * Signature: v0=HMAC_SHA256(secret, "v0:" + timestamp + ":" + rawBody).
 */

export interface SignOptions {
  /** Sign with a different secret than the one given (Bolt must answer 401). */
  forged?: boolean;
  /** How old the timestamp is, in seconds (Bolt rejects over 300 s). */
  ageSeconds?: number;
  /** Unix seconds "now"; defaults to the real clock (Bolt checks against it). */
  nowSeconds?: number;
}

export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

export function slackSignature(secret: string, timestamp: number | string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export function signRequest(secret: string, body: string, contentType: string, options: SignOptions = {}): SignedRequest {
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const timestamp = now - (options.ageSeconds ?? 0);
  const key = options.forged ? `${secret}-forged` : secret;
  return {
    body,
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(key, timestamp, body),
    },
  };
}

export interface SlashCommandFields {
  command: string;
  text?: string;
  user_id?: string;
  user_name?: string;
  team_id?: string;
  team_domain?: string;
  channel_id?: string;
  channel_name?: string;
  trigger_id?: string;
  response_url?: string;
  api_app_id?: string;
  enterprise_id?: string;
}

export function slashCommandBody(fields: SlashCommandFields): Record<string, string> {
  const out: Record<string, string> = {
    token: 'deprecated-verification-token',
    team_id: 'T0FAKE',
    team_domain: 'fake',
    channel_id: 'C0GENERAL',
    channel_name: 'general',
    user_id: 'U0CUSTOMER',
    user_name: 'customer',
    text: '',
    api_app_id: 'A0SLOTKEEPER',
    trigger_id: `${Date.now()}.1.fake-trigger`,
    response_url: 'http://127.0.0.1:9/response/unset',
  };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out;
}

/** A form-encoded slash command, signed. */
export function signedSlashCommand(secret: string, fields: SlashCommandFields, options: SignOptions = {}): SignedRequest {
  const body = new URLSearchParams(slashCommandBody(fields)).toString();
  return signRequest(secret, body, 'application/x-www-form-urlencoded', options);
}

/** Any interactivity payload (block_actions, view_submission, shortcut…) in the `payload` form field, signed. */
export function signedInteraction(secret: string, payload: Record<string, unknown>, options: SignOptions = {}): SignedRequest {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return signRequest(secret, body, 'application/x-www-form-urlencoded', options);
}

export interface BlockActionFields {
  action_id: string;
  value?: string;
  block_id?: string;
  user_id?: string;
  team_id?: string;
  channel_id?: string;
  message_ts?: string;
  response_url?: string;
  trigger_id?: string;
}

export function blockActionsPayload(f: BlockActionFields): Record<string, unknown> {
  const team = f.team_id ?? 'T0FAKE';
  return {
    type: 'block_actions',
    api_app_id: 'A0SLOTKEEPER',
    token: 'deprecated-verification-token',
    team: { id: team, domain: 'fake' },
    user: { id: f.user_id ?? 'U0STAFF', username: 'staff', name: 'staff', team_id: team },
    container: { type: 'message', message_ts: f.message_ts ?? '1700000000.000001', channel_id: f.channel_id ?? 'C0STAFF', is_ephemeral: false },
    channel: { id: f.channel_id ?? 'C0STAFF', name: 'staff' },
    message: { type: 'message', ts: f.message_ts ?? '1700000000.000001', text: '' },
    trigger_id: f.trigger_id ?? `${Date.now()}.1.fake-trigger`,
    response_url: f.response_url ?? 'http://127.0.0.1:9/response/unset',
    actions: [
      {
        type: 'button',
        action_id: f.action_id,
        block_id: f.block_id ?? 'b1',
        text: { type: 'plain_text', text: 'Button', emoji: true },
        ...(f.value !== undefined ? { value: f.value } : {}),
        action_ts: `${Math.floor(Date.now() / 1000)}.000100`,
      },
    ],
  };
}

export function signedBlockActions(secret: string, fields: BlockActionFields, options: SignOptions = {}): SignedRequest {
  return signedInteraction(secret, blockActionsPayload(fields), options);
}

export interface ViewSubmissionFields {
  callback_id: string;
  /** state.values: { block_id: { action_id: { type, value | selected_option … } } } */
  values?: Record<string, Record<string, Record<string, unknown>>>;
  private_metadata?: string;
  user_id?: string;
  team_id?: string;
  view_id?: string;
}

export function viewSubmissionPayload(f: ViewSubmissionFields): Record<string, unknown> {
  const team = f.team_id ?? 'T0FAKE';
  return {
    type: 'view_submission',
    api_app_id: 'A0SLOTKEEPER',
    token: 'deprecated-verification-token',
    team: { id: team, domain: 'fake' },
    user: { id: f.user_id ?? 'U0CUSTOMER', username: 'customer', name: 'customer', team_id: team },
    trigger_id: `${Date.now()}.1.fake-trigger`,
    view: {
      id: f.view_id ?? 'V000001',
      team_id: team,
      type: 'modal',
      callback_id: f.callback_id,
      private_metadata: f.private_metadata ?? '',
      blocks: [],
      state: { values: f.values ?? {} },
      hash: '1700000000.fakehash',
      title: { type: 'plain_text', text: 'Slotkeeper' },
    },
    response_urls: [],
  };
}

export function signedViewSubmission(secret: string, fields: ViewSubmissionFields, options: SignOptions = {}): SignedRequest {
  return signedInteraction(secret, viewSubmissionPayload(fields), options);
}

export interface BoltResponse {
  status: number;
  /** Raw text of the response. */
  text: string;
  /** Parsed JSON if the body was JSON, else undefined. */
  json: unknown;
  headers: Headers;
}

/** POSTs a signed request to Bolt (e.g. http://127.0.0.1:PORT/slack/events). */
export async function postToBolt(url: string, req: SignedRequest): Promise<BoltResponse> {
  const res = await fetch(url, { method: 'POST', headers: req.headers, body: req.body });
  const text = await res.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json, headers: res.headers };
}
