/**
 * Linking and the profile: a person enters their company's maintenance code once; after that it is
 * remembered. A linked member who forgot the code can see it again ("access your Profile page").
 */
import { z } from 'zod';
import type { CoreDeps } from '../deps.js';
import { useCase, callerSchema } from '../use-case.js';
import { planActive } from '../policy/pricing.js';
import { planLastDay } from '../policy/plan-dates.js';
import { resolveMember } from './resolve-member.js';
import { linkWithCode } from './link-with-code.js';

export const linkCompanyInput = z.object({
  caller: callerSchema,
  code: z.string().trim().min(1, 'enter your maintenance code').max(64),
  /** The person confirmed leaving their current company for the code's company. */
  confirmSwitch: z.boolean().default(false),
});

export interface CompanyProfile {
  companyName: string;
  code: string | null;
  planActive: boolean;
  /** The instant the plan ends (exclusive). Show `planThrough` instead: it is the same for everyone. */
  planUntil: string | null;
  /** The last day the plan covers, a date in the vendor's zone ("2027-12-31"): "plan active through 31 Dec 2027". */
  planThrough: string | null;
  strikes: number;
  strikeLimit: number;
  suspended: boolean;
}

export type LinkCompanyResult =
  | { kind: 'linked'; profile: CompanyProfile }
  /** Linked to another company: switching needs a confirmation naming both (press again with confirmSwitch). */
  | { kind: 'confirm_switch'; fromCompany: string; toCompany: string }
  | { kind: 'code_invalid'; attemptsLeft: number }
  | { kind: 'code_locked'; retryAt: string };

export type ShowProfileResult = { kind: 'profile'; profile: CompanyProfile; zone: string | null } | { kind: 'not_linked'; zone: string | null };

function profileOf(deps: CoreDeps, c: { name: string; code: string | null; planUntil: Date | null; strikes: number; suspended: boolean }, now: Date): CompanyProfile {
  return {
    companyName: c.name,
    code: c.code,
    planActive: planActive(c, now),
    planUntil: c.planUntil?.toISOString() ?? null,
    planThrough: c.planUntil ? planLastDay(c.planUntil, deps.config.vendor.zone) : null,
    strikes: c.strikes,
    strikeLimit: deps.config.policy.strikesToSuspend,
    suspended: c.suspended,
  };
}

export function linkCompany(deps: CoreDeps) {
  const { store, clock, config } = deps;
  return useCase('linkCompany', linkCompanyInput, deps, (input) =>
    store.transaction(async (tx): Promise<LinkCompanyResult> => {
      const now = clock.now();
      const member = await resolveMember(tx, input.caller);
      const r = await linkWithCode(tx, config, member, input.code, now, { confirmSwitch: input.confirmSwitch });
      if (r.kind === 'code_locked') return { kind: 'code_locked', retryAt: r.retryAt.toISOString() };
      if (r.kind === 'code_invalid' || r.kind === 'confirm_switch') return r;
      return { kind: 'linked', profile: profileOf(deps, r.company, now) };
    }),
  );
}

export function showProfile(deps: CoreDeps) {
  const { store, clock } = deps;
  return useCase('showProfile', z.object({ caller: callerSchema }), deps, (input) =>
    store.transaction(async (tx): Promise<ShowProfileResult> => {
      const member = await resolveMember(tx, input.caller);
      const company = member.companyId ? await tx.companies.get(member.companyId) : null;
      if (!company) return { kind: 'not_linked', zone: member.zone };
      return { kind: 'profile', profile: profileOf(deps, company, clock.now()), zone: member.zone };
    }),
  );
}

export { profileOf };
