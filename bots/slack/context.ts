/** What every Slack listener gets: core, config, a logger, the user cache; and the boundary helpers. */
import { randomUUID } from 'node:crypto';
import type { webApi } from '@slack/bolt';
import type { Caller, Config, Core } from '../../core/index.js';
import type { Logger } from '../shared/logger.js';
import type { UserCache } from './user-cache.js';
import type { SlackMessage } from './blocks/kit.js';
import { personContext, type PresentContext } from '../shared/present/index.js';
import { noLongerAvailable } from '../shared/refusals.js';
import { resolveLang, ts, type Lang } from '../shared/present/i18n.js';

export interface SlackDeps {
  core: Core;
  config: Config;
  logger: Logger;
}

export interface ListenerDeps extends SlackDeps {
  users: UserCache;
}

/** The caller for core: platform, user id, display name, zone and locale from users.info. */
export async function callerFor(deps: ListenerDeps, client: webApi.WebClient, userId: string): Promise<Caller> {
  let profile: Awaited<ReturnType<UserCache['get']>> = {};
  try {
    profile = await deps.users.get(client, userId);
  } catch (err) {
    deps.logger.warn({ err, userId }, 'users.info failed; continuing without zone and locale');
  }
  const caller: Caller = { platform: 'slack', userId, ...profile };
  // The language the person chose with /language wins over their Slack locale (core keeps it).
  const language = await deps.core.languageFor(caller);
  if (language) chosenLanguage.set(caller, language);
  return caller;
}

/** The language to answer each caller in, as callerFor read it from core. */
const chosenLanguage = new WeakMap<Caller, string>();

/** The zone to write times in for this caller (their Slack zone, else the vendor's). */
export function zoneOf(caller: Caller, config: Config): string {
  return caller.zone ?? config.vendor.zone;
}

export type Reply = (msg: SlackMessage) => Promise<unknown>;

/**
 * A button or modal this version cannot use (its id or metadata is not what we ever sent: an old
 * message, or a forged request). Answered "no longer available", logged at debug: not our failure.
 */
export class StaleRequest extends Error {}

/**
 * Runs a listener body; an exception is logged with context and an error reference, and the person
 * gets a short apology carrying that reference.
 */
export async function guarded(deps: SlackDeps, ctx: Record<string, unknown>, reply: Reply | null, run: () => Promise<void>): Promise<void> {
  try {
    // Let requests already waiting on the socket be read and acked before this one's core work:
    // promise-heavy work would otherwise starve them and push their acks towards Slack's 3 s limit.
    await new Promise<void>((resolve) => setImmediate(resolve));
    await run();
  } catch (err) {
    if (err instanceof StaleRequest) {
      deps.logger.debug({ why: err.message, ...ctx }, 'stale or forged Slack request');
      const text = noLongerAvailable(vendorLang(deps.config));
      if (reply) await reply({ text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] }).catch(() => undefined);
      return;
    }
    const errorRef = randomUUID().slice(0, 8);
    deps.logger.error({ err, errorRef, ...ctx }, 'Slack listener failed');
    if (reply) {
      // Said before (or without) knowing the person: in the vendor's language, as the stale-request answer.
      const text = ts(vendorLang(deps.config), 'error.apology', { ref: errorRef });
      await reply({ text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] }).catch(() => undefined);
    }
  }
}

/** The vendor's language (config `vendor.locale`): for answers given before the person is known. */
export const vendorLang = (config: Config): Lang => resolveLang(config.vendor.locale);

/** The person's language for what they read now: their /language choice, else their Slack locale, else the vendor's. */
export function ctxOf(deps: SlackDeps, caller: Caller): PresentContext {
  return personContext(deps.config, chosenLanguage.get(caller) ?? caller.locale);
}
