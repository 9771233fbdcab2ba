/**
 * /sk-company's text: create <name> [plan-until YYYY-MM-DD] | plan <name> <YYYY-MM-DD|none> |
 * rotate <name> | reinstate <name> | members <name> | unlink <person> <name> (the person as the members
 * list shows them: their platform id, or a Slack mention). Plan dates go to core as written (YYYY-MM-DD); core decides
 * what a plan end date means. Only their shape is checked here, for a usage hint.
 */

export type CompanyCommand =
  | { kind: 'create'; name: string; planUntil: string | null }
  | { kind: 'plan'; name: string; planUntil: string | null }
  | { kind: 'rotate'; name: string }
  | { kind: 'reinstate'; name: string }
  | { kind: 'members'; name: string }
  | { kind: 'unlink'; person: string; name: string }
  | { kind: 'usage'; problem: string };

export const COMPANY_USAGE = '`/sk-company create <name> [plan-until YYYY-MM-DD]` · `plan <name> <YYYY-MM-DD|none>` · `rotate <name>` · `reinstate <name>` · `members <name>` · `unlink <person> <name>`';

function dateText(date: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
}

export function parseCompanyCommand(text: string): CompanyCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const [verb, ...rest] = words;
  const name = rest.join(' ');
  switch (verb?.toLowerCase()) {
    case 'create': {
      const i = rest.findIndex((w) => w.toLowerCase() === 'plan-until');
      if (i === -1) return rest.length ? { kind: 'create', name, planUntil: null } : { kind: 'usage', problem: 'Give the company a name.' };
      const until = dateText(rest[i + 1] ?? '');
      if (!until || i === 0 || i + 2 !== rest.length) return { kind: 'usage', problem: 'Write the plan end as plan-until YYYY-MM-DD, after the name.' };
      return { kind: 'create', name: rest.slice(0, i).join(' '), planUntil: until };
    }
    case 'plan': {
      const last = rest.at(-1);
      if (rest.length < 2 || !last) return { kind: 'usage', problem: 'Give the company name and a date (YYYY-MM-DD) or none.' };
      const until = last.toLowerCase() === 'none' ? null : dateText(last);
      if (until === null && last.toLowerCase() !== 'none') return { kind: 'usage', problem: 'The plan end must be YYYY-MM-DD or none.' };
      return { kind: 'plan', name: rest.slice(0, -1).join(' '), planUntil: until };
    }
    case 'rotate':
    case 'reinstate':
    case 'members':
      return name ? { kind: verb.toLowerCase() as 'rotate' | 'reinstate' | 'members', name } : { kind: 'usage', problem: 'Give the company name.' };
    case 'unlink': {
      const [person, ...company] = rest;
      return person && company.length ? { kind: 'unlink', person, name: company.join(' ') } : { kind: 'usage', problem: 'Give the person (as the members list shows them), then the company name.' };
    }
    default:
      return { kind: 'usage', problem: verb ? `Unknown action "${verb}".` : 'Say what to do.' };
  }
}
