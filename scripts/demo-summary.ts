/**
 * The demo's closing summary, read from the database as it is at the end of the story: every booking
 * (what became of it, at the simulated time) and every company's standing. Nothing in it is written
 * by hand, so it cannot disagree with what the story did.
 */
import type { Db } from '../prisma/client.js';
import { formatInstant } from '../core/time/index.js';
import { money as moneyIn } from '../bots/shared/present/i18n.js';

const money = (cents: number, currency: string): string => moneyIn('en', cents, currency);

/** A booking's state at `now`: the stored status, except that a confirmed session says whether it is ahead, under way or over. */
export function sessionState(b: { status: string; startsAt: Date | null; endsAt: Date | null; joinedAt: Date | null }, now: Date): string {
  if (b.status !== 'confirmed' || !b.startsAt || !b.endsAt) return b.status;
  if (b.startsAt > now) return 'confirmed';
  if (b.endsAt > now) return b.joinedAt ? 'in progress' : 'started';
  return b.joinedAt ? 'attended' : 'ended';
}

/** A company's standing, as the console's customer pane says it. */
export function companyStanding(c: { name: string; planUntil: Date | null; strikes: number; suspended: boolean }, now: Date, strikeLimit: number): string {
  const plan = c.planUntil && c.planUntil > now;
  if (!plan) return `${c.name}: no plan, paid sessions approved by staff`;
  if (c.suspended) return `${c.name}: plan active, no-shows ${c.strikes} of ${strikeLimit}, free sessions suspended`;
  return `${c.name}: plan active, no-shows ${c.strikes} of ${strikeLimit}, free sessions available`;
}

export async function demoSummary(prisma: Db, now: Date, vendorZone: string, strikeLimit: number): Promise<string[]> {
  const bookings = await prisma.booking.findMany({ include: { company: true, member: true }, orderBy: [{ createdAt: 'asc' }, { reference: 'asc' }] });
  const rows: string[][] = [['Ref', 'Company', 'Who', 'Session', 'Starts (New York)', 'Price', 'Status', 'Joined']];
  for (const b of bookings) {
    rows.push([
      b.reference,
      b.company?.name ?? '-',
      b.member.displayName ?? '-',
      `${b.kind} ${b.lengthMinutes} min${b.emergency ? ' (emergency)' : ''}`,
      b.startsAt ? formatInstant(b.startsAt, vendorZone) : '-',
      b.priceCents === 0 ? 'free' : money(b.priceCents, b.currency),
      sessionState(b, now),
      b.joinedVia ?? '-',
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const lines: string[] = [];
  rows.forEach((row, n) => {
    lines.push(row.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd());
    if (n === 0) lines.push(widths.map((w) => '-'.repeat(w)).join('  '));
  });
  const companies = await prisma.company.findMany({ orderBy: { name: 'asc' } });
  for (const c of companies) lines.push(companyStanding(c, now, strikeLimit));
  return lines;
}
