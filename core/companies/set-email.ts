/**
 * A person's email address and where their messages go (chat, email or both): `/email` on any
 * platform. An address typed here wins over the one in their Slack profile. With no arguments it
 * shows what is saved and what they will actually get.
 */
import { z } from 'zod';
import type { CoreDeps } from '../deps.js';
import { useCase, callerSchema } from '../use-case.js';
import type { DeliveryChoice, EmailSource } from '../model.js';
import { deliveryFor, emailAddressFor } from '../notifications/channels.js';
import { isEmailAddress, resolveMember } from './resolve-member.js';
import { recordAudit } from '../audit/record-audit.js';

export const setEmailInput = z.object({
  caller: callerSchema,
  /** A new address; null removes the one typed with /email. Absent: leave it. */
  email: z.string().max(254).nullable().optional(),
  /** chat | email | both. Absent: leave it. */
  via: z.enum(['chat', 'email', 'both']).optional(),
});

export type SetEmailResult =
  | {
      kind: 'email_settings';
      /** The person's own address, if any. */
      email: string | null;
      source: EmailSource | null;
      /** The address mail actually goes to (theirs, else the company's contact). */
      sendsTo: string | null;
      chosen: DeliveryChoice | null;
      /** What they get now: chat only when mail is off or no address is known. */
      effective: DeliveryChoice;
      mailEnabled: boolean;
      changed: boolean;
    }
  | { kind: 'email_invalid'; email: string }
  | { kind: 'email_needs_address' };

export function setEmail(deps: CoreDeps) {
  const { store, config, clock } = deps;
  return useCase('setEmail', setEmailInput, deps, (i) =>
    store.transaction(async (tx): Promise<SetEmailResult> => {
      let member = await resolveMember(tx, i.caller);
      if (typeof i.email === 'string' && !isEmailAddress(i.email)) return { kind: 'email_invalid', email: i.email };
      const company = member.companyId ? await tx.companies.get(member.companyId) : null;
      const patch: { email?: string | null; emailSource?: EmailSource | null; notifyVia?: DeliveryChoice } = {};
      if (i.email !== undefined) {
        patch.email = i.email === null ? null : i.email.trim();
        patch.emailSource = i.email === null ? null : 'command';
      }
      if (i.via) {
        const address = patch.email !== undefined ? patch.email : member.email ?? null;
        if (i.via !== 'chat' && !emailAddressFor(config, { email: address }, company)) return { kind: 'email_needs_address' };
        patch.notifyVia = i.via;
      }
      const changed = Object.keys(patch).length > 0;
      if (changed) {
        member = await tx.members.update(member.id, patch);
        // The address itself stays out of the audit trail.
        await recordAudit(tx, clock.now(), { kind: 'member', memberId: member.id, platform: i.caller.platform }, 'member', member.id, 'email_settings', {
          address: patch.email === undefined ? 'unchanged' : patch.email === null ? 'removed' : 'set',
          ...(patch.notifyVia ? { via: patch.notifyVia } : {}),
        });
      }
      const sendsTo = emailAddressFor(config, member, company);
      return {
        kind: 'email_settings',
        email: member.email ?? null,
        source: member.emailSource ?? null,
        sendsTo,
        chosen: member.notifyVia ?? null,
        effective: deliveryFor(config, member, !!sendsTo),
        mailEnabled: !!config.mail,
        changed,
      };
    }),
  );
}
