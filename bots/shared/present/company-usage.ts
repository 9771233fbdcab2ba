/**
 * How to write /sk-company, and what was wrong with what staff typed: the parser
 * (bots/shared/parse-company-command.ts) returns a typed problem, this words it in the staff member's
 * language. The command's own words (create, plan-until, none …) stay as typed in every language;
 * the placeholders (<name>, <person>, the date's shape) are translated.
 */
import { cmd, say, type PresentContext } from './booking.js';
import { t, ts, type Lang } from './i18n.js';
import type { Text } from './model.js';
import type { Presentation } from './results.js';

export type CompanyUsageProblem =
  | { problem: 'create_name' | 'plan_until' | 'plan_args' | 'plan_date' | 'name' | 'unlink_args' | 'no_action' }
  | { problem: 'unknown_action'; typed: string };

/** The forms of /sk-company as code, one after another: `withCode` adds the console's `[code CODE]` to create. */
export function companySyntax(L: Lang, opts: { withCode?: boolean } = {}): Text {
  const name = `<${ts(L, 'usage.argName')}>`;
  const person = `<${ts(L, 'usage.argPerson')}>`;
  const date = ts(L, 'usage.argDate');
  const forms = [
    `/sk-company create ${name} [plan-until ${date}]${opts.withCode ? ` [code ${ts(L, 'usage.argCode')}]` : ''}`,
    `plan ${name} <${date}|none>`,
    `rotate ${name}`,
    `reinstate ${name}`,
    `members ${name}`,
    `unlink ${person} ${name}`,
  ];
  return forms.flatMap((f, i) => (i ? [' · ', cmd(f)] : [cmd(f)]));
}

/** What was wrong (if the parser knows), then how to write it. */
export function presentCompanyUsage(ctx: PresentContext, problem: CompanyUsageProblem | null, opts: { withCode?: boolean } = {}): Presentation {
  const L = ctx.lang;
  const line = t(L, 'usage.line', { syntax: companySyntax(L, opts) });
  if (!problem) return { message: say(ctx, 'person', line) };
  const what = t(L, 'usage.companyProblem', {
    problem: problem.problem,
    typed: problem.problem === 'unknown_action' ? problem.typed : '',
    planUntil: cmd('plan-until'),
    date: cmd(ts(L, 'usage.argDate')),
    none: cmd('none'),
  });
  return { message: say(ctx, 'person', [...what, ' ', ...line]) };
}
