/**
 * "You'll need your code to enter when booking." Entering the company's maintenance code links a
 * person to the company. At most `codeAttemptsPerHour` wrong codes per person per hour; then a clear
 * refusal saying when to try again. Every attempt is recorded.
 */
import type { Config } from '../config/schema.js';
import type { Company, Member } from '../model.js';
import type { Tx } from '../ports/store.js';
import { codeLockedUntil, codesMatch, hashCode, isPlausibleCode } from '../policy/codes.js';
import { recordAudit } from '../audit/record-audit.js';

export type LinkOutcome =
  | { kind: 'linked'; company: Company; member: Member }
  | { kind: 'code_invalid'; attemptsLeft: number }
  | { kind: 'code_locked'; retryAt: Date };

export async function linkWithCode(tx: Tx, config: Config, member: Member, code: string, now: Date): Promise<LinkOutcome> {
  const max = config.policy.codeAttemptsPerHour;
  const failures = await tx.linkAttempts.failuresSince(member.id, new Date(now.getTime() - 3600_000));
  const locked = codeLockedUntil(failures, now, max);
  if (locked) return { kind: 'code_locked', retryAt: locked };

  const company = isPlausibleCode(code) ? await tx.companies.findByCodeHash(hashCode(code)) : null;
  const ok = !!company?.code && codesMatch(code, company.code);
  await tx.linkAttempts.record(member.id, ok, now);
  if (!ok || !company) {
    const left = max - failures.length - 1;
    return left <= 0 ? { kind: 'code_locked', retryAt: codeLockedUntil([...failures, now], now, max)! } : { kind: 'code_invalid', attemptsLeft: left };
  }
  const linked = member.companyId === company.id ? member : await tx.members.update(member.id, { companyId: company.id });
  if (member.companyId !== company.id) {
    await recordAudit(tx, now, { kind: 'member', memberId: member.id, platform: member.platform }, 'member', member.id, 'linked', {
      companyId: company.id,
      companyName: company.name,
    });
  }
  return { kind: 'linked', company, member: linked };
}
