import { guarded } from '../../context.js';
import { textMessage } from '../../blocks/proposal.js';
import { actionReply, type ActionHandler } from '../types.js';

/** The confirm step's "Keep it": nothing changes. */
export const keep: ActionHandler = (deps) => async (args) => {
  await args.ack();
  const reply = actionReply(args, true);
  await guarded(deps, { action: 'keep', userId: args.body.user.id }, reply, () => reply(textMessage('Kept: your session stays as it is.')).then(() => undefined));
};
