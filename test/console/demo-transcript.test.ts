/** `npm run demo` tells the whole story, in order, with the simulated time before each message, and exits 0 quickly. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function runDemo(): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/demo.ts'], { cwd: root, timeout: 20_000, env: { ...process.env, DATABASE_URL: '' } }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr, ms: Date.now() - started });
    });
  });
}

describe('npm run demo', () => {
  it('prints the story in order and ends with a summary table, in under 20 seconds', async () => {
    const r = await runDemo();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(20_000);
    const out = r.stdout;

    // Each message is preceded by its simulated time.
    for (const line of out.split('\n').filter((l) => l.includes('Slotkeeper →'))) expect(line).toMatch(/^\[\w{3} \d{1,2} \w{3}, \d\d:\d\d New York\] Slotkeeper → /);

    const key = [
      'ana (Acme Crating) types: /support-code ACME-2026',
      'Linked. You do not need to enter the code again.',
      'ana (Acme Crating) types: /book tomorrow 3pm',
      'Online session, 30 minutes: Tue 1 Dec, 15:00 Chicago.',
      'Your session is booked. We will remind you Mon 30 Nov, 15:00 Chicago and Tue 1 Dec, 13:00 Chicago.',
      'Join online: http://localhost:3000/j/',
      'You can cancel or reschedule until Tue 1 Dec, 13:55 Chicago.',
      '[Mon 30 Nov, 16:00 New York] Slotkeeper → ana (Acme Crating):\n    Reminder: your session starts in 24 hours.',
      '[Tue 1 Dec, 14:00 New York] Slotkeeper → ana (Acme Crating):\n    Reminder: your session starts in 2 hours.',
      '[Tue 1 Dec, 15:00 New York] ana (Acme Crating) presses [Cancel]',
      'Too late to cancel: sessions can be cancelled or rescheduled up to the cutoff, Tue 1 Dec, 13:55 Chicago.',
      'You joined: your attendance is recorded.',
      'the no-show check 10 minutes after the start found that Acme Crating joined',
      '[Wed 2 Dec, 11:10 New York] Slotkeeper → ana (Acme Crating):\n    Your Online session on Wed 2 Dec, 10:00–10:30 Chicago (11:00–11:30 New York) was closed because nobody from your company joined',
      'This is no-show 1 of 2 for your company\'s free sessions.',
      'If there are 2 no-shows, a payment of $100 will be required to reinstate your online session support.',
      'This is no-show 2 of 2 for your company\'s free sessions.',
      'Free sessions for Acme Crating are suspended',
      '[Record reinstatement]',
      'Free sessions for your company are suspended after 2 no-shows: a free booking is refused.',
      'alice (staff) presses [Record reinstatement]',
      'Reinstatement recorded: strikes cleared, free sessions restored.',
      'Free sessions for Acme Crating are reinstated',
      'Booked: Online session, Fri 4 Dec, 10:00–10:30 Chicago (11:00–11:30 New York).',
      'bo (Birch Boxes) types: /support-code BIRCH-2026',
      'Paid sessions wait for staff approval.',
      'Your request is waiting for staff approval',
      'Approval needed: a paid session was requested.',
      'alice (staff) presses [Approve]',
      'Staff approved your session: it is booked.',
      'ana (Acme Crating) types: /emergency',
      'Emergency request (urgency: high) from Acme Crating, Ana Ruiz.',
      'alice (staff) presses [Squeeze in:',
      'You are squeezed in. Here is the exact time of your appointment.',
      '━━ Summary ━━',
    ];
    let from = 0;
    for (const k of key) {
      const i = out.indexOf(k, from);
      expect(i, `"${k}" after position ${from}`).toBeGreaterThanOrEqual(0);
      from = i + k.length;
    }

    const table = out.slice(out.indexOf('━━ Summary ━━')).split('\n');
    expect(table[1]).toMatch(/^Ref\s+Company\s+Who\s+Session\s+Starts \(New York\)\s+Price\s+Status\s+Joined$/);
    const rows = table.filter((l) => /^SK-/.test(l));
    expect(rows).toHaveLength(6);
    expect(rows.filter((l) => /\sno_show\s/.test(l))).toHaveLength(2);
    expect(rows.some((l) => /Birch Boxes.*\$60\s+confirmed/.test(l))).toBe(true);
    expect(rows.some((l) => /\(emergency\).*\$50\s+confirmed/.test(l))).toBe(true);
    expect(rows[0]).toMatch(/confirmed\s+link$/);
    expect(out).toContain('Acme Crating: plan active, no-shows 0 of 2, free sessions available');
  });
});
