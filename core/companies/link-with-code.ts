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
  /** A right code of another company while linked: nothing switches until the person confirms. */
  | { kind: 'confirm_switch'; fromCompany: string; toCompany: string }
  | { kind: 'code_invalid'; attemptsLeft: number }
  | { kind: 'code_locked'; retryAt: Date };

export async function linkWithCode(tx: Tx, config: Config, member: Member, code: string, now: Date, opts: { confirmSwitch?: boolean } = {}): Promise<LinkOutcome> {
  const max = config.policy.codeAttemptsPerHour;
  // Who "a person" is across platforms: Slack and Discord share no identity with us (no email), so a
  // person is their member record, and a person linked to a company is everyone linked to it: wrong
  // codes from the same company link count together, on every platform.
  const pool = member.companyId ? [...new Set([member.id, ...(await tx.members.listByCompany(member.companyId)).map((m) => m.id)])].sort() : [member.id];
  // Their attempts run one at a time (row locks, taken in one order), so concurrent wrong codes are all counted.
  for (const id of pool) await tx.linkAttempts.lock(id);
  const since = new Date(now.getTime() - 3600_000);
  const failures = (await Promise.all(pool.map((id) => tx.linkAttempts.failuresSince(id, since)))).flat().sort((a, b) => a.getTime() - b.getTime());
  const locked = codeLockedUntil(failures, now, max);
  if (locked) return { kind: 'code_locked', retryAt: locked };

  const company = isPlausibleCode(code) ? await tx.companies.findByCodeHash(hashCode(code)) : null;
  const ok = !!company?.code && codesMatch(code, company.code);
  await tx.linkAttempts.record(member.id, ok, now);
  if (!ok || !company) {
    const left = max - failures.length - 1;
    return left <= 0 ? { kind: 'code_locked', retryAt: codeLockedUntil([...failures, now], now, max)! } : { kind: 'code_invalid', attemptsLeft: left };
  }
  if (member.companyId && member.companyId !== company.id && !opts.confirmSwitch) {
    const from = await tx.companies.get(member.companyId);
    if (from) return { kind: 'confirm_switch', fromCompany: from.name, toCompany: company.name };
  }
  const codeHash = hashCode(company.code!);
  const linked =
    member.companyId === company.id && member.linkedCodeHash === codeHash ? member : await tx.members.update(member.id, { companyId: company.id, linkedCodeHash: codeHash });
  if (member.companyId !== company.id) {
    await recordAudit(tx, now, { kind: 'member', memberId: member.id, platform: member.platform }, 'member', member.id, member.companyId ? 'switched' : 'linked', {
      companyId: company.id,
      companyName: company.name,
      ...(member.companyId ? { fromCompanyId: member.companyId } : {}),
    });
  }
  return { kind: 'linked', company, member: linked };
}
