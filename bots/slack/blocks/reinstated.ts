import { esc, section, type SlackMessage } from './kit.js';

/** reinstated: the reinstatement payment was recorded. */
export function reinstatedMessage(companyName: string): SlackMessage {
  return {
    text: `Free sessions for ${companyName} are back`,
    blocks: [section(`:tada: *Free sessions for ${esc(companyName)} are reinstated* and the no-show count is back to zero. Use \`/book\` to book a session.`)],
  };
}
