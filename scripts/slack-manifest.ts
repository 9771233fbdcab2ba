/** Prints the Slack app manifest for this deployment (see bots/slack/manifest-variant.ts). */
import { manifestVariant } from '../bots/slack/manifest-variant.js';

const args = process.argv.slice(2);
const value = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const prefix = value('--prefix') ?? process.env.SLACK_COMMAND_PREFIX;
const host = value('--host');
process.stdout.write(manifestVariant({ ...(host ? { host } : {}), ...(prefix ? { prefix } : {}), socket: args.includes('--socket') }));
