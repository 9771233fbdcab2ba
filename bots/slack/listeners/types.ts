/** Listener argument types, and the reply helpers every listener uses. */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs, SlackCommandMiddlewareArgs, SlackEventMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction, ViewStateValue } from '@slack/bolt';
import { vendorLang, type ListenerDeps, type Reply, type SlackDeps } from '../context.js';
import { messageModal } from '../blocks/modals.js';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
export type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
export type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
export type HomeArgs = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

export type CommandHandler = (deps: ListenerDeps) => (args: CommandArgs) => Promise<void>;
export type ActionHandler = (deps: ListenerDeps) => (args: ActionArgs) => Promise<void>;
export type ViewHandler = (deps: ListenerDeps) => (args: ViewArgs) => Promise<void>;

/**
 * Ephemeral answer to a slash command: through its response_url, or, when a request carries none
 * (Bolt then gives no `respond`), as an ephemeral message in the channel, else a DM.
 */
export function commandReply(args: CommandArgs): Reply {
  if (typeof args.respond === 'function' && args.command.response_url) {
    return (msg) => args.respond({ response_type: 'ephemeral', text: msg.text, blocks: msg.blocks });
  }
  const { channel_id: channel, user_id: user } = args.command;
  return (msg) =>
    channel
      ? args.client.chat.postEphemeral({ channel, user, text: msg.text, ...(msg.blocks ? { blocks: msg.blocks } : {}) })
      : args.client.chat.postMessage({ channel: user, text: msg.text, ...(msg.blocks ? { blocks: msg.blocks } : {}) });
}

/**
 * Answer to a button: ephemeral through response_url (replacing the message it was pressed on when
 * `replace`), or, from App Home or a modal where there is none, a DM from the app.
 */
export function actionReply(args: ActionArgs, replace = false): Reply {
  const { body, client } = args;
  if (body.response_url && typeof args.respond === 'function') {
    return (msg) => args.respond({ response_type: 'ephemeral', replace_original: replace, text: msg.text, blocks: msg.blocks });
  }
  return (msg) => client.chat.postMessage({ channel: body.user.id, text: msg.text, blocks: msg.blocks });
}

/**
 * The apology for a modal whose submission failed: it replaces the modal (a no-op once acked). Said
 * before the person is known, so its Close button is in the vendor's language, as the apology is.
 */
export function viewReply(args: ViewArgs, deps: SlackDeps): Reply {
  return (msg) => args.ack({ response_action: 'update', view: messageModal(vendorLang(deps.config), 'app', msg) });
}

/** A submitted field's value, whatever its element. */
export function field(values: Record<string, Record<string, ViewStateValue>>, blockId: string): string | undefined {
  const v = values[blockId]?.value;
  if (!v) return undefined;
  const raw = v.value ?? v.selected_option?.value ?? v.selected_date ?? v.selected_time ?? (v.selected_options?.length ? v.selected_options.map((o) => o.value).join(',') : undefined);
  const trimmed = typeof raw === 'string' ? raw.trim() : undefined;
  return trimmed ? trimmed : undefined;
}

/** The button's decoded id (action_id carries it; value is the same). */
export function actionId(args: ActionArgs): string {
  return args.action.action_id;
}

/** A modal's private_metadata: always an object we wrote; anything else (forged, or another version's) is null. */
export function parseJson<T>(text: string | undefined): T | null {
  try {
    const value: unknown = text ? JSON.parse(text) : null;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as T) : null;
  } catch {
    return null;
  }
}
