/** Slack: long /book texts, one limit stated in plain words (signed requests into the real Bolt app). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shown, slackWorld, type SlackWorld } from './slack-harness.js';

describe('Slack: the length limit', () => {
  let w: SlackWorld;
  beforeAll(async () => {
    w = await slackWorld();
  });
  afterAll(() => w.close());

  it('a /book over 2,000 characters is answered with the limit in plain words, no validation internals', async () => {
    const text = `tomorrow 3pm ${'and some more words '.repeat(120)}`;
    const answer = shown(await w.command('/book', text, 'U0LONG'));
    expect(answer).toBe(`That message is ${text.length.toLocaleString('en-US')} characters long; Slotkeeper reads up to 2,000. Please say when you would like the session in a shorter message, e.g. "tomorrow at 3pm".`);
    expect(answer).not.toMatch(/Too big|<=300|text:/);
  });

  it('a long /book (900 characters) with the time in one sentence is understood', async () => {
    const text = `${'Our exports stop half way since the update and the widths are wrong. '.repeat(12)}Could we talk tomorrow at 3pm?`;
    expect(text.length).toBeGreaterThan(800);
    expect(shown(await w.command('/book', text, 'U0LONG2'))).toContain('Tue 1 Dec, 15:00 New York');
  });
});
