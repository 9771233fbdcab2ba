import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boltLogger } from '../../bots/shared/logger.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api.js';
import { capturedLogger } from './log-capture.js';

const { WebClient, ErrorCode } = webApi;

describe('fake Slack Web API with the real @slack/web-api client', () => {
  let fake: FakeSlack;
  beforeEach(async () => {
    fake = await startFakeSlack();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('records form bodies with blocks/view decoded and the bearer token', async () => {
    const client = new WebClient('xoxb-1', { slackApiUrl: fake.url, retryConfig: { retries: 0 } });
    const posted = await client.chat.postMessage({ channel: 'C1', text: 'hi', blocks: [{ type: 'divider' }] });
    expect(posted.ts).toMatch(/^\d+\.\d{6}$/);
    await client.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [] } });
    const opened = await client.views.open({ trigger_id: 't', view: { type: 'modal', title: { type: 'plain_text', text: 'Book' }, blocks: [] } });
    expect(opened.view?.id).toMatch(/^V/);
    expect(fake.callsTo('chat.postMessage')).toMatchObject([{ authorization: 'Bearer xoxb-1', body: { channel: 'C1', text: 'hi', blocks: [{ type: 'divider' }] } }]);
    expect(fake.callsTo('views.publish')[0]?.body.view).toEqual({ type: 'home', blocks: [] });
    expect(fake.calls.map((c) => c.method)).toEqual(['chat.postMessage', 'views.publish', 'views.open']);
  });

  it('opens a DM channel per user and serves users.info with tz, and locale only on request', async () => {
    const client = new WebClient('xoxb-1', { slackApiUrl: fake.url, retryConfig: { retries: 0 } });
    fake.setUser('U2', { tz: 'Europe/Berlin', locale: 'de-DE', real_name: 'Greta' });
    const dm = await client.conversations.open({ users: 'U2' });
    expect(dm.channel?.id).toBe('D2');
    const plain = await client.users.info({ user: 'U2' });
    expect(plain.user).toMatchObject({ id: 'U2', tz: 'Europe/Berlin', real_name: 'Greta' });
    expect(plain.user?.locale).toBeUndefined();
    expect([3600, 7200]).toContain(plain.user?.tz_offset);
    const withLocale = await client.users.info({ user: 'U2', include_locale: true });
    expect(withLocale.user?.locale).toBe('de-DE');
    const other = await client.users.info({ user: 'U3' });
    expect(other.user?.tz).toBe('America/New_York');
  });

  it('scripts an ok:false error for one call only', async () => {
    const client = new WebClient('xoxb-1', { slackApiUrl: fake.url, retryConfig: { retries: 0 } });
    fake.failNext('users.info', { ok: false, error: 'user_not_found' });
    await expect(client.users.info({ user: 'U404' })).rejects.toMatchObject({ code: ErrorCode.PlatformError, data: { error: 'user_not_found' } });
    const next = await client.users.info({ user: 'U404' });
    expect(next.ok).toBe(true);
  });

  it('a 429 with Retry-After 1 makes the client wait about a second, then succeed', async () => {
    const { logger, lines } = capturedLogger();
    const client = new WebClient('xoxb-1', { slackApiUrl: fake.url, logger: boltLogger(logger), retryConfig: { retries: 1, factor: 1, minTimeout: 0, maxTimeout: 0 } });
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const started = Date.now();
    const result = await client.chat.postMessage({ channel: 'C1', text: 'after the limit' });
    const waited = Date.now() - started;
    expect(result.ok).toBe(true);
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(fake.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
    expect(fake.callsTo('chat.postMessage')[1]?.body.text).toBe('after the limit');
    expect(lines.map((l) => l.msg)).toContain('API Call failed due to rate limiting. Will retry in 1 seconds.');
  });

  it('a 429 without retries rejects with rate_limited for the caller to handle', async () => {
    const { logger } = capturedLogger();
    const client = new WebClient('xoxb-1', { slackApiUrl: fake.url, logger: boltLogger(logger), retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 1 });
  });

  it('answers not_authed without a token and unknown_method for methods it does not know', async () => {
    const bare = await fetch(`${fake.url}chat.postMessage`, { method: 'POST', body: 'channel=C1' });
    expect(await bare.json()).toEqual({ ok: false, error: 'not_authed' });
    const client = new WebClient('xoxb-1', { slackApiUrl: fake.url, retryConfig: { retries: 0 } });
    await expect(client.apiCall('pins.add', {})).rejects.toMatchObject({ data: { error: 'unknown_method' } });
  });

  it('records response_url posts and can fail them', async () => {
    fake.failNext('response_url', { status: 404 });
    const gone = await fetch(fake.responseUrl('r9'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"late"}' });
    expect(gone.status).toBe(404);
    const ok = await fetch(fake.responseUrl('r9'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"on time","replace_original":true}' });
    expect(ok.status).toBe(200);
    expect(fake.responsesTo('r9').map((r) => [r.status, r.body.text])).toEqual([
      [404, 'late'],
      [200, 'on time'],
    ]);
  });
});
