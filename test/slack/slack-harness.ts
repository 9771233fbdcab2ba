/**
 * The real Bolt app with every Slotkeeper listener, a real core on a fresh SQLite database with a
 * ManualClock, the fake Slack Web API, and the Slack notifier wired to the same fake: what a test
 * sends is a signed request; what it checks is what Slack was asked to show and what the DB holds.
 */
import { webApi } from '@slack/bolt';
import { vi } from 'vitest';
import type { SlackEnv } from '../../bots/shared/env.js';
import { createSlackApp, startSlackApp, stopSlackApp, type SlackApp } from '../../bots/slack/app.js';
import { registerSlack } from '../../bots/slack/register.js';
import { createSlackNotifier } from '../../bots/slack/notifier.js';
import type { Notifier } from '../../core/index.js';
import { harness, type Harness } from '../support/core-harness.js';
import { sqliteTestDb } from '../support/test-database.js';
import type { Config } from '../../core/config/schema.js';
import { FAKE_BOT_ID, FAKE_BOT_USER_ID, startFakeSlack, type FakeSlack, type RecordedCall } from '../fakes/slack-api.js';
import { blockActionsPayload, postToBolt, signedInteraction, signedSlashCommand, signedViewSubmission, type BoltResponse, type ViewSubmissionFields } from '../fakes/slack-sign.js';
import { capturedLogger } from './log-capture.js';

export const SECRET = 'slack-adapter-test-secret-0123456789';
export const STAFF_CHANNEL = 'C0STAFF';

export interface SlackWorld {
  fake: FakeSlack;
  h: Harness;
  slack: SlackApp;
  events: string;
  notifier: Notifier;
  lines: Record<string, unknown>[];
  /** Runs core's sweeper with the Slack notifier. */
  sweep(): ReturnType<Harness['core']['runSweep']>;
  /** A slash command; resolves with the ephemeral answer posted to its response_url. */
  command(command: string, text: string, userId: string): Promise<Record<string, unknown>>;
  /** A slash command whose answer is not a message (a modal): resolves with Bolt's HTTP answer. */
  post(command: string, text: string, userId: string): Promise<BoltResponse>;
  /** A button press; resolves with the HTTP answer (the listener's effects are awaited by the caller). */
  press(actionId: string, userId: string, opts?: PressOptions): Promise<BoltResponse>;
  /** A modal submission; resolves with Bolt's HTTP answer (the ack body). */
  submit(fields: ViewSubmissionFields): Promise<BoltResponse>;
  /** Waits until `count` posts reached response_url `id`, and returns the last. */
  response(id: string, count?: number): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export interface PressOptions {
  channel?: string;
  ts?: string;
  /** Posts to response_url `responseId` (default: a fresh id, returned as `lastResponseId`). */
  responseId?: string;
  /** Pressed in App Home (no response_url) or in a modal. */
  container?: 'message' | 'home' | 'modal';
  viewId?: string;
  privateMetadata?: string;
  /** The button's value, when it is not its action_id ("Request at $X" carries the description). */
  value?: string;
}

let seq = 0;

export async function slackWorld(opts: { config?: Config } = {}): Promise<SlackWorld> {
  const fake = await startFakeSlack();
  const db = await sqliteTestDb();
  const h = harness(db, opts.config ? { config: opts.config } : {});
  const { logger, lines } = capturedLogger();
  const env: SlackEnv = { botToken: 'xoxb-test-token', signingSecret: SECRET, apiUrl: fake.url, mode: 'http' };
  const slack = createSlackApp({
    env,
    logger,
    register: (app) => registerSlack(app, { core: h.core, config: h.config, logger }),
    retryConfig: { retries: 0 },
    tokenVerification: { botId: FAKE_BOT_ID, botUserId: FAKE_BOT_USER_ID },
  });
  const started = await startSlackApp(slack, { port: 0 });
  const events = `http://127.0.0.1:${started.port}/slack/events`;
  const client = new webApi.WebClient('xoxb-test-token', { slackApiUrl: fake.url, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
  const notifier = createSlackNotifier({
    client,
    config: h.config,
    logger,
    deliveredRefs: (id) => h.core.deliveredMessages(id),
    clock: h.clock,
  });

  const response = async (id: string, count = 1): Promise<Record<string, unknown>> => {
    await vi.waitFor(() => {
      if (fake.responsesTo(id).length < count) throw new Error(`waiting for ${count} response(s) to ${id}; calls: ${fake.calls.map((c) => c.method).join(', ')}`);
    }, { timeout: 5000, interval: 5 });
    return fake.responsesTo(id)[count - 1]!.body;
  };

  return {
    fake,
    h,
    slack,
    events,
    notifier,
    lines,
    sweep: () => h.core.runSweep({ notifier }),
    async command(command, text, userId) {
      const id = `cmd-${++seq}`;
      const res = await postToBolt(events, signedSlashCommand(SECRET, { command, text, user_id: userId, response_url: fake.responseUrl(id), trigger_id: `trig-${id}` }));
      if (res.status !== 200) throw new Error(`Bolt answered ${res.status}`);
      return response(id);
    },
    post: (command, text, userId) => postToBolt(events, signedSlashCommand(SECRET, { command, text, user_id: userId, response_url: fake.responseUrl(`post-${++seq}`), trigger_id: `trig-cmd-${seq}` })),
    async press(actionId, userId, o = {}) {
      const payload = blockActionsPayload({
        action_id: actionId,
        value: o.value ?? actionId,
        user_id: userId,
        channel_id: o.channel ?? STAFF_CHANNEL,
        message_ts: o.ts ?? '1700000000.000001',
        response_url: fake.responseUrl(o.responseId ?? `press-${++seq}`),
        trigger_id: `trig-press-${seq}`,
      });
      if (o.container === 'home' || o.container === 'modal') {
        delete payload.response_url;
        delete payload.channel;
        delete payload.message;
        const viewId = o.viewId ?? 'VHOME1';
        payload.container = { type: 'view', view_id: viewId };
        payload.view = { id: viewId, type: o.container, callback_id: '', private_metadata: o.privateMetadata ?? '', blocks: [], state: { values: {} }, hash: 'h' };
      }
      return postToBolt(events, signedInteraction(SECRET, payload));
    },
    submit: (fields) => postToBolt(events, signedViewSubmission(SECRET, fields)),
    response,
    async close() {
      await stopSlackApp(slack);
      await fake.close();
      await db.close();
    },
  };
}

/** All text a message shows: its text and every mrkdwn/plain text in its blocks. */
export function shown(msg: Record<string, unknown> | undefined): string {
  const parts: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') parts.push(o.text);
      for (const [k, x] of Object.entries(o)) if (k !== 'text' || typeof x !== 'string') walk(x);
    }
  };
  walk(msg?.blocks ?? msg?.view ?? msg);
  return parts.join('\n');
}

/** The buttons a message or view shows: label, action_id, url, and value when it is not the action_id. */
export function buttons(msg: Record<string, unknown> | undefined): Array<{ text: string; action_id: string; url?: string; value?: string }> {
  const out: Array<{ text: string; action_id: string; url?: string; value?: string }> = [];
  const blocks = ((msg?.blocks ?? (msg?.view as Record<string, unknown> | undefined)?.blocks) as Array<Record<string, unknown>> | undefined) ?? [];
  for (const b of blocks) {
    if (b.type !== 'actions') continue;
    for (const e of b.elements as Array<Record<string, any>>) out.push({ text: e.text.text, action_id: e.action_id, ...(e.url ? { url: e.url } : {}), ...(e.value && e.value !== e.action_id ? { value: e.value } : {}) });
  }
  return out;
}

export function lastCall(fake: FakeSlack, method: string): RecordedCall {
  const calls = fake.callsTo(method);
  if (!calls.length) throw new Error(`no call to ${method}`);
  return calls[calls.length - 1]!;
}
