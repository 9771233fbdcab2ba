/**
 * Slack HTTP mode, the real program: signed and unsigned requests into the running process, the fake
 * Slack Web API behind it. No request may stop it or get a 5xx; refusals are plain answers.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api.js';
import { blockActionsPayload, postToBolt, signRequest, signedInteraction, signedSlashCommand, viewSubmissionPayload } from '../fakes/slack-sign.js';
import { runMain, type RunningMain } from './run-main.js';
import { parsePrometheus } from '../support/prometheus.js';

const SECRET = 'process-test-signing-secret-0123456789';
const ACK_TIMEOUT_MS = 1_500;

describe('Slack HTTP mode: the running program', () => {
  let fake: FakeSlack;
  let main: RunningMain;
  let events: string;
  let seq = 0;

  beforeAll(async () => {
    fake = await startFakeSlack();
    // At debug, the most verbose level an operator can choose: what must stay out of the logs stays out at every level.
    // Bolt's "not acknowledged" timer at 1.5 s instead of 3 s (SLACK_ACK_TIMEOUT_MS): the tests that wait
    // past it to see that nothing was logged wait half as long.
    main = await runMain({ env: { SLACK_BOT_TOKEN: 'xoxb-process-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url, LOG_LEVEL: 'debug', SLACK_ACK_TIMEOUT_MS: String(ACK_TIMEOUT_MS) } });
    events = `${main.base}/slack/events`;
  }, 60_000);
  afterAll(async () => {
    await main?.stop();
    await fake?.close();
  });

  const errorLines = () => main.logs().filter((l) => l.level >= 50);
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const signedForm = (fields: Record<string, string>, opts: { ageSeconds?: number } = {}) => signRequest(SECRET, form(fields), 'application/x-www-form-urlencoded', opts);

  it('a malformed percent-encoding in any path answers 400, and the process keeps running', async () => {
    for (const p of ['/j/%E0%A4%A', '/%E0%A4%A', '/healthz/%ZZ', '/slack/events/%']) {
      const res = await fetch(`${main.base}${p}`);
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.status, p).toBeLessThan(500);
    }
    expect((await fetch(`${main.base}/j/%E0%A4%A`)).status).toBe(400);
    expect(main.alive()).toBe(true);
    expect((await fetch(`${main.base}/healthz`)).status).toBe(200);
  });

  it('a signed payload=null, actions: null or user: null is refused with a plain 400; the process keeps running', async () => {
    const nullPayload = await postToBolt(events, signedForm({ payload: 'null' }));
    expect(nullPayload.status).toBe(400);
    expect(nullPayload.text).toBe('Slotkeeper could not use this request: the body is not a JSON object.');
    const noActions = await postToBolt(events, signedInteraction(SECRET, { ...blockActionsPayload({ action_id: 'sk:cancel:b1' }), actions: null }));
    expect(noActions.status).toBe(400);
    expect(noActions.text).toContain('actions is missing');
    const noUser = await postToBolt(events, signedInteraction(SECRET, { ...blockActionsPayload({ action_id: 'sk:cancel:b1' }), user: null }));
    expect(noUser.status).toBe(400);
    expect(noUser.text).toContain('user is missing');
    const noViewUser = await postToBolt(events, signedInteraction(SECRET, { ...viewSubmissionPayload({ callback_id: 'book-modal' }), user: null }));
    expect(noViewUser.status).toBe(400);
    await new Promise((r) => setTimeout(r, 200));
    expect(main.alive()).toBe(true);
    expect((await fetch(`${main.base}/healthz`)).status).toBe(200);
  });

  it('refuses signed requests dated more than 5 minutes away, in the past or in the future', async () => {
    for (const age of [6 * 60, -6 * 60, -24 * 3600]) {
      const res = await postToBolt(events, signedSlashCommand(SECRET, { command: '/sk-company', text: 'create Evil Corp' }, { ageSeconds: age }));
      expect(res.status, `age ${age}`).toBe(401);
      expect(res.text).toContain('more than 5 minutes away');
    }
    // Within the window, either way, it is answered.
    const ok = await postToBolt(events, signedSlashCommand(SECRET, { command: '/fees', response_url: fake.responseUrl('skew-ok') }, { ageSeconds: -60 }));
    expect(ok.status).toBe(200);
    expect(fake.callsTo('auth.test').length).toBeGreaterThan(0);
  });

  it('an unknown action id is acknowledged and answered "no longer available", with nothing logged above debug', async () => {
    const id = `unknown-${++seq}`;
    await new Promise((r) => setTimeout(r, 300)); // the previous test's log lines reach stdout first
    const before = main.logs().length;
    const res = await postToBolt(events, signedInteraction(SECRET, blockActionsPayload({ action_id: 'sk:teleport:abc', response_url: fake.responseUrl(id) })));
    expect(res.status).toBe(200);
    const answer = await vi.waitFor(() => {
      const r = fake.responsesTo(id)[0];
      if (!r) throw new Error('no answer yet');
      return r;
    }, { timeout: 5_000, interval: 20 });
    expect(String(answer.body.text)).toContain('This button is no longer available');
    await new Promise((r) => setTimeout(r, ACK_TIMEOUT_MS + 300)); // past Bolt's "not acknowledged" timer
    // Only this request's lines: the stale-timestamp refusals above may still be flushing.
    const newLines = main.logs().slice(before).filter((l) => l.msg !== 'refused an unsigned or stale Slack request');
    expect(newLines.filter((l) => l.level >= 40)).toEqual([]);
  });

  it('a slash command without response_url is answered in the channel (ephemeral), with no error', async () => {
    const fields = { command: '/fees', text: '', user_id: 'U0NORESP', channel_id: 'C0SOMEWHERE' };
    const body = new URLSearchParams(Object.entries({ token: 't', team_id: 'T0FAKE', api_app_id: 'A0', trigger_id: '1.2.x', ...fields })).toString();
    const res = await postToBolt(events, signRequest(SECRET, body, 'application/x-www-form-urlencoded'));
    expect(res.status).toBe(200);
    const [posted] = await fake.waitFor('chat.postEphemeral', 1, 5000);
    expect(posted!.body).toMatchObject({ channel: 'C0SOMEWHERE', user: 'U0NORESP' });
    expect(String(posted!.body.text).length).toBeGreaterThan(0);
    expect(main.logs().some((l) => /respond is not a function/.test(JSON.stringify(l)))).toBe(false);
  });

  /** What the person saw: the acknowledgement's text, or the first message posted to their response_url. */
  const answerTo = async (fields: Record<string, string>): Promise<string> => {
    const id = `answer-${++seq}`;
    const res = await postToBolt(events, signedSlashCommand(SECRET, { ...fields, response_url: fake.responseUrl(id) } as never));
    expect(res.status).toBe(200);
    if (res.text.trim()) return String((JSON.parse(res.text) as { text?: string }).text ?? res.text);
    const answer = await vi.waitFor(() => {
      const r = fake.responsesTo(id)[0];
      if (!r) throw new Error('no answer yet');
      return r;
    }, { timeout: 5_000, interval: 20 });
    return String(answer.body.text);
  };

  it('a /book over 2,000 characters is answered with the limit in plain words, no validation internals', async () => {
    const text = `tomorrow 3pm ${'and some more words '.repeat(120)}`;
    const answer = await answerTo({ command: '/book', text, user_id: 'U0LONGBOOK' });
    expect(answer).toBe(`That message is ${text.length.toLocaleString('en-US')} characters long; Slotkeeper reads up to 2,000. Please say when you would like the session in a shorter message, e.g. "tomorrow at 3pm".`);
    expect(answer).not.toMatch(/Too big|<=300|text:/);
    expect(main.alive()).toBe(true);
  });

  it('a maintenance code someone types never reaches the logs, even at debug; the request itself is logged', async () => {
    await new Promise((r) => setTimeout(r, 200));
    const before = main.stdout().length;
    const answer = await answerTo({ command: '/support-code', text: 'MAINT-SECRET-4242', user_id: 'U0CODE' });
    expect(answer).toContain('That maintenance code is not valid.');
    await new Promise((r) => setTimeout(r, 300));
    const out = main.stdout().slice(before);
    expect(out).toContain('"msg":"web request"');
    expect(out).not.toContain('MAINT-SECRET-4242');
    expect(main.stdout()).not.toContain('MAINT-SECRET-4242');
    expect(main.stdout()).not.toContain(SECRET);
    expect(main.stdout()).not.toContain('xoxb-process-test');
  });

  it('/metrics counts what reached the Slack listeners: each command and button once, with its latency', async () => {
    const scrape = parsePrometheus(await (await fetch(`${main.base}/metrics`)).text());
    // /fees twice, the long /book, /support-code (the stale and malformed requests above never reached Bolt)
    expect(scrape.value('slotkeeper_request_duration_seconds_count', { platform: 'slack', kind: 'command' })).toBe(4);
    expect(scrape.value('slotkeeper_request_duration_seconds_count', { platform: 'slack', kind: 'button' })).toBe(1);
    expect(scrape.value('slotkeeper_request_duration_seconds_sum', { platform: 'slack', kind: 'command' })).toBeGreaterThan(0);
    expect(scrape.value('slotkeeper_code_attempts_total', { result: 'code_invalid' })).toBe(1);
    expect(scrape.has('slotkeeper_request_duration_seconds_count', { platform: 'discord' })).toBe(false);
  });

  it('fuzz: 600 signed payloads with fields nulled, retyped or removed: no 5xx, no error lines, still running', async () => {
    const bases: Record<string, unknown>[] = [
      blockActionsPayload({ action_id: 'sk:cancel:bk_1', response_url: fake.responseUrl('fz') }),
      blockActionsPayload({ action_id: 'sk:book:x:2026-12-01T20:00Z|online|30', response_url: fake.responseUrl('fz') }),
      blockActionsPayload({ action_id: 'sk:approve:bk_2', response_url: fake.responseUrl('fz') }),
      viewSubmissionPayload({ callback_id: 'book-modal', values: { when: { when: { type: 'plain_text_input', value: 'tomorrow 3pm' } } } }),
      viewSubmissionPayload({ callback_id: 'move-modal', private_metadata: '{"bookingId":"b"}', values: {} }),
      { type: 'event_callback', team_id: 'T0FAKE', event: { type: 'app_home_opened', user: 'U0X', tab: 'home', channel: 'D0X' } },
    ];
    const values = [null, 0, 1.5, true, 'x', '', [], {}, [null], { id: null }];
    let rnd = 12345;
    const random = () => ((rnd = (rnd * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const paths = (o: unknown, prefix: string[] = []): string[][] =>
      o && typeof o === 'object' ? Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]) : [];
    const statuses = new Map<number, number>();
    const requests: Promise<void>[] = [];
    for (let i = 0; i < 600; i++) {
      const payload = structuredClone(bases[i % bases.length]!) as Record<string, any>;
      const all = paths(payload);
      for (let n = 0; n < 1 + Math.floor(random() * 3); n++) {
        const p = all[Math.floor(random() * all.length)]!;
        let target: any = payload;
        for (const k of p.slice(0, -1)) target = target?.[k];
        if (!target || typeof target !== 'object') continue;
        if (random() < 0.2) delete target[p.at(-1)!];
        else target[p.at(-1)!] = values[Math.floor(random() * values.length)];
      }
      const req = payload.type === 'event_callback' ? signRequest(SECRET, JSON.stringify(payload), 'application/json') : signedInteraction(SECRET, payload);
      requests.push(postToBolt(events, req).then((r) => void statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1)));
      if (requests.length >= 20) await Promise.all(requests.splice(0));
    }
    await Promise.all(requests);
    await new Promise((r) => setTimeout(r, ACK_TIMEOUT_MS + 300)); // past Bolt's "not acknowledged" timer
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
    expect(main.alive()).toBe(true);
    expect(errorLines().map((l) => l.msg)).toEqual([]);
    expect((await fetch(`${main.base}/healthz`)).status).toBe(200);
  }, 60_000);
});
