import { callerFor, guarded, zoneOf, ctxOf } from '../../context.js';
import { presentCompanyAdmin, presentCompanyMembers } from '../../../shared/present/results.js';
import { renderMessage } from '../../render/index.js';
import { parseCompanyCommand } from '../../../shared/parse-company-command.js';
import { presentCompanyUsage } from '../../../shared/present/company-usage.js';
import { commandReply, type CommandHandler } from '../types.js';

/** /sk-company (staff): create a company, set its plan, rotate its code, record a reinstatement, list and unlink its people. */
export const skCompany: CommandHandler = (deps) => async (args) => {
  await args.ack();
  const reply = commandReply(args);
  await guarded(deps, { command: '/sk-company', userId: args.command.user_id }, reply, async () => {
    const caller = await callerFor(deps, args.client, args.command.user_id);
    const c = parseCompanyCommand(args.command.text);
    const { core } = deps;
    if (c.kind === 'usage') return void (await reply(renderMessage(presentCompanyUsage(ctxOf(deps, caller), c.problem).message)));
    if (c.kind === 'members' || c.kind === 'unlink') {
      const m = c.kind === 'members' ? await core.listCompanyMembers({ caller, name: c.name }) : await core.unlinkMember({ caller, name: c.name, memberId: c.person });
      return void (await reply(renderMessage(presentCompanyMembers(ctxOf(deps, caller), m).message)));
    }
    const r =
      c.kind === 'create' ? await core.createCompany({ caller, name: c.name, planUntil: c.planUntil })
      : c.kind === 'plan' ? await core.setPlan({ caller, name: c.name, planUntil: c.planUntil })
      : c.kind === 'rotate' ? await core.rotateCode({ caller, name: c.name })
      : await core.recordReinstatement({ caller, name: c.name });
    await reply(renderMessage(presentCompanyAdmin(ctxOf(deps, caller), r, zoneOf(caller, deps.config)).message));
  });
};
