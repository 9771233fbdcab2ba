/**
 * A staff member's calendar feed shows their sessions as staff need them: who the customer is, the
 * meeting room itself, and nothing of the customer's own links. The customer's join link records the
 * customer as joined (a no-show would then never close); the self-service link acts as the customer,
 * and a feed URL is handed to calendar services.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import ical from 'node-ical';
import { forEachDatabase } from '../support/each-database.js';
import { companyWithPlan, linkedCustomer, staffAlice, staffBen } from '../support/core-harness.js';
import { startWebServer, type WebServer } from '../../bots/shared/web-server.js';
import { webRoutes } from '../../bots/shared/web-routes.js';
import { createLogger } from '../../bots/shared/logger.js';
import { START, book } from '../core/helpers.js';

forEachDatabase('the staff calendar feed', (t) => {
  let web: WebServer;
  beforeEach(async () => {
    web = await startWebServer(webRoutes({ core: t.h.core, healthy: async () => true }), { port: 0, logger: createLogger({ level: 'silent' }) });
  });
  afterEach(async () => web.close());

  it('names the customer, gives the room itself, and carries none of the customer\'s links', async () => {
    const card = await book(t.h, await linkedCustomer(t.h, 'U1', await companyWithPlan(t.h)), START);
    const row = await t.db.prisma.booking.findUniqueOrThrow({ where: { id: card.bookingId } });
    const staff = row.staffId === 'alice' ? staffAlice : staffBen;
    const r = await t.h.core.staffCalendarFeed({ caller: staff });
    if (r.kind !== 'feed_url') throw new Error(r.kind);
    const feed = await (await fetch(`http://127.0.0.1:${web.port}${new URL(r.url).pathname}`)).text();
    const [event] = Object.values(ical.sync.parseICS(feed)).filter((c) => c?.type === 'VEVENT') as ical.VEvent[];
    expect(event!.summary).toBe('Online session: Customer U1, Acme Crating');
    expect(event!.location).toBe(row.meetingUrl);
    const unfolded = feed.replace(/\r\n[ \t]/g, '');
    expect(unfolded).not.toContain(new URL(card.joinUrl).pathname);
    expect(unfolded).not.toContain('/m/');
    expect(unfolded).not.toContain('/j/');
  });
});
