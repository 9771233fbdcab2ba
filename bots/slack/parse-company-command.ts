/**
 * /sk-company's text: create <name> [plan-until YYYY-MM-DD] | plan <name> <YYYY-MM-DD|none> |
 * rotate <name> | reinstate <name>. A plan date is inclusive: "plan-until 2027-12-31" keeps the
 * plan active through that day in the vendor's zone (core stores the exclusive end instant).
 */
import { DateTime } from 'luxon';

export type CompanyCommand =
  | { kind: 'create'; name: string; planUntil: Date | null }
  | { kind: 'plan'; name: string; planUntil: Date | null }
  | { kind: 'rotate'; name: string }
  | { kind: 'reinstate'; name: string }
  | { kind: 'usage'; problem: string };

export const COMPANY_USAGE = '`/sk-company create <name> [plan-until YYYY-MM-DD]` · `plan <name> <YYYY-MM-DD|none>` · `rotate <name>` · `reinstate <name>`';

function endOfDay(date: string, zone: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const d = DateTime.fromISO(date, { zone });
  return d.isValid ? d.plus({ days: 1 }).startOf('day').toJSDate() : null;
}

export function parseCompanyCommand(text: string, vendorZone: string): CompanyCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const [verb, ...rest] = words;
  const name = rest.join(' ');
  switch (verb?.toLowerCase()) {
    case 'create': {
      const i = rest.findIndex((w) => w.toLowerCase() === 'plan-until');
      if (i === -1) return rest.length ? { kind: 'create', name, planUntil: null } : { kind: 'usage', problem: 'Give the company a name.' };
      const until = endOfDay(rest[i + 1] ?? '', vendorZone);
      if (!until || i === 0 || i + 2 !== rest.length) return { kind: 'usage', problem: 'Write the plan end as plan-until YYYY-MM-DD, after the name.' };
      return { kind: 'create', name: rest.slice(0, i).join(' '), planUntil: until };
    }
    case 'plan': {
      const last = rest.at(-1);
      if (rest.length < 2 || !last) return { kind: 'usage', problem: 'Give the company name and a date (YYYY-MM-DD) or none.' };
      const until = last.toLowerCase() === 'none' ? null : endOfDay(last, vendorZone);
      if (until === null && last.toLowerCase() !== 'none') return { kind: 'usage', problem: 'The plan end must be YYYY-MM-DD or none.' };
      return { kind: 'plan', name: rest.slice(0, -1).join(' '), planUntil: until };
    }
    case 'rotate':
    case 'reinstate':
      return name ? { kind: verb.toLowerCase() as 'rotate' | 'reinstate', name } : { kind: 'usage', problem: 'Give the company name.' };
    default:
      return { kind: 'usage', problem: verb ? `Unknown action "${verb}".` : 'Say what to do.' };
  }
}
