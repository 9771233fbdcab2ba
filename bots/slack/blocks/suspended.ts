import { money } from './format.js';
import { esc, section, type SlackMessage } from './kit.js';

/** suspended: free sessions are suspended after too many no-shows. */
export function suspendedMessage(companyName: string, feeCents: number, currency: string): SlackMessage {
  const fee = money(feeCents, currency);
  return {
    text: `Free sessions for ${companyName} are suspended`,
    blocks: [
      section(`:no_entry: *Free sessions for ${esc(companyName)} are suspended* after repeated no-shows.\nA payment of ${fee} reinstates them; contact us to arrange it. Until then you can still book at the standard fee (see \`/fees\`).`),
    ],
  };
}
