/**
 * /sk-company's text, as Slack and the console take it: create <name> [plan-until YYYY-MM-DD] |
 * plan <name> <YYYY-MM-DD|none> | rotate <name> | reinstate <name> | members <name> | unlink <person> <name>
 * (the person as the members list shows them: their platform id, or a Slack mention). The console
 * also reads `add` for create and a `code CODE` after it (`withCode`). Plan dates go to core as written
 * (YYYY-MM-DD); core decides what a plan end date means. Only their shape is checked here: what is
 * wrong comes back as a typed problem, worded by the presenter (bots/shared/present/company-usage.ts)
 * in the staff member's language.
 */
import type { CompanyUsageProblem } from './present/company-usage.js';

export type CompanyCommand =
  | { kind: 'create'; name: string; planUntil: string | null; code?: string }
  | { kind: 'plan'; name: string; planUntil: string | null }
  | { kind: 'rotate'; name: string }
  | { kind: 'reinstate'; name: string }
  | { kind: 'members'; name: string }
  | { kind: 'unlink'; person: string; name: string }
  | { kind: 'usage'; problem: CompanyUsageProblem };

const usage = (problem: CompanyUsageProblem): CompanyCommand => ({ kind: 'usage', problem });

function dateText(date: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
}

/** create's words after the verb: the name, then `plan-until DATE`, then (console) `code CODE`. */
function parseCreate(rest: string[], withCode: boolean): CompanyCommand {
  let words = rest;
  let code: string | undefined;
  const c = withCode ? words.findIndex((w) => w.toLowerCase() === 'code') : -1;
  if (c > 0 && c === words.length - 2) {
    code = words[c + 1]!;
    words = words.slice(0, c);
  }
  const i = words.findIndex((w) => w.toLowerCase() === 'plan-until');
  if (i === -1) return words.length ? { kind: 'create', name: words.join(' '), planUntil: null, ...(code ? { code } : {}) } : usage({ problem: 'create_name' });
  const until = dateText(words[i + 1] ?? '');
  if (!until || i === 0 || i + 2 !== words.length) return usage({ problem: 'plan_until' });
  return { kind: 'create', name: words.slice(0, i).join(' '), planUntil: until, ...(code ? { code } : {}) };
}

export function parseCompanyCommand(text: string, opts: { withCode?: boolean } = {}): CompanyCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const [verb, ...rest] = words;
  const name = rest.join(' ');
  switch (verb?.toLowerCase()) {
    case 'create':
      return parseCreate(rest, !!opts.withCode);
    case 'add':
      return opts.withCode ? parseCreate(rest, true) : usage({ problem: 'unknown_action', typed: verb! });
    case 'plan': {
      const last = rest.at(-1);
      if (rest.length < 2 || !last) return usage({ problem: 'plan_args' });
      const until = last.toLowerCase() === 'none' ? null : dateText(last);
      if (until === null && last.toLowerCase() !== 'none') return usage({ problem: 'plan_date' });
      return { kind: 'plan', name: rest.slice(0, -1).join(' '), planUntil: until };
    }
    case 'rotate':
    case 'reinstate':
    case 'members':
      return name ? { kind: verb.toLowerCase() as 'rotate' | 'reinstate' | 'members', name } : usage({ problem: 'name' });
    case 'unlink': {
      const [person, ...company] = rest;
      return person && company.length ? { kind: 'unlink', person, name: company.join(' ') } : usage({ problem: 'unlink_args' });
    }
    default:
      return usage(verb ? { problem: 'unknown_action', typed: verb } : { problem: 'no_action' });
  }
}
