import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteTestDb, type TestDatabase } from '../support/test-database.js';
import { harness, companyWithPlan, linkedCustomer, type Harness } from '../support/core-harness.js';
import type { WebRoute } from '../../bots/shared/web-routes.js';
import { startWebServer, type WebServer } from '../../bots/shared/web-server.js';
import { webRoutes } from '../../bots/shared/web-routes.js';
import { createLogger } from '../../bots/shared/logger.js';

const START = new Date('2026-12-01T20:00:00Z'); // Tue 1 Dec 15:00 New York

describe('the join link and health routes', () => {
  let db: TestDatabase;
  let h: Harness;
  let web: WebServer;
  let token: string;
  let healthy = true;

  beforeEach(async () => {
    db = await sqliteTestDb();
    h = harness(db);
    web = await startWebServer(webRoutes({ core: h.core, healthy: async () => healthy }), { port: 0, logger: createLogger({ level: 'silent' }) });
    const c = await linkedCustomer(h, 'U1', await companyWithPlan(h));
    const r = await h.core.bookSession({ caller: c, kind: 'online', lengthMinutes: 30, startsAt: START });
    if (r.kind !== 'booked') throw new Error(r.kind);
    token = r.booking.joinUrl.split('/j/')[1]!;
  });
  afterEach(async () => {
    await web.close();
    await db.close();
  });

  const get = (path: string) => fetch(`http://127.0.0.1:${web.port}${path}`, { redirect: 'manual' });

  it('shows the details without counting a join a day early', async () => {
    const res = await get(`/j/${token}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('has not started yet');
    expect((await db.prisma.booking.findFirstOrThrow()).joinedAt).toBeNull();
  });

  it('records the join and redirects to the meeting at the start, and then no no-show closes it', async () => {
    h.clock.set('2026-12-01T19:58:00Z');
    const res = await get(`/j/${token}`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/^https:\/\/meet\.example\.com\/sk-/);
    const b = await db.prisma.booking.findFirstOrThrow();
    expect(b.joinedAt?.toISOString()).toBe('2026-12-01T19:58:00.000Z');
    expect(b.joinedVia).toBe('link');
    h.clock.set('2026-12-01T20:11:00Z');
    await h.sweep();
    expect((await db.prisma.booking.findFirstOrThrow()).status).toBe('confirmed');
  });

  it('says the session has closed after a no-show, with how to rebook', async () => {
    h.clock.set('2026-12-01T20:10:30Z');
    await h.sweep();
    const res = await get(`/j/${token}`);
    expect(res.status).toBe(410);
    const text = await res.text();
    expect(text).toContain('This session is closed');
    expect(text).toContain('no one from your company had joined');
    expect(text).toContain('/book');
  });

  it('answers 404 for an unknown token and reports health from the database check', async () => {
    expect((await get('/j/not-a-token')).status).toBe(404);
    expect((await get('/healthz')).status).toBe(200);
    healthy = false;
    const res = await get('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'database unreachable', database: { ok: false, state: 'unreachable' } });
  });

  describe('in the booking member\'s language and zone', () => {
    /** A second customer of the same company, in Berlin, who chose `language`; their phone session on Wed 2 Dec. */
    let calendarUrl: string | null = null;
    async function phoneBooking(userId: string, language: string): Promise<string> {
      const c = await linkedCustomer(h, userId, 'ACME-2026', 'Europe/Berlin');
      expect(await h.core.setLanguage({ caller: c, language })).toMatchObject({ kind: 'language_saved' });
      const r = await h.core.bookSession({ caller: c, kind: 'phone', lengthMinutes: 60, startsAt: new Date('2026-12-02T15:00:00Z') });
      if (r.kind !== 'booked') throw new Error(r.kind);
      calendarUrl = r.booking.calendarUrl ?? null;
      return r.booking.joinUrl.split('/j/')[1]!;
    }

    it('German: the phone line, PIN and "come back later" in German, the time in Berlin', async () => {
      const res = await get(`/j/${await phoneBooking('U2', 'de')}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<html lang="de">');
      expect(html).toMatch(/<title>Telefontermin: Mi\.? 2\.? Dez\.?, 16:00–17:00 Berlin/);
      expect(html).toMatch(/Rufen Sie <strong>[^<]+<\/strong> an und geben Sie die PIN <strong>\d+<\/strong> ein\./);
      expect(html).toContain('Dieser Termin hat noch nicht begonnen. Kommen Sie ab 30 Minuten vor Beginn wieder.');
      expect(html).not.toMatch(/has not started|Call |Phone session/);
      // the calendar file behind the same booking's self-service link is German too
      const ics = await (await get(new URL(calendarUrl!).pathname)).text();
      expect(ics).toMatch(/^SUMMARY:Telefontermin mit /m);
      expect(ics).toContain('Referenz: ');
    });

    it('French: a session closed as a no-show says so in French, with how to book again', async () => {
      const token = await phoneBooking('U3', 'fr');
      h.clock.set('2026-12-02T15:10:30Z');
      await h.sweep();
      const res = await get(`/j/${token}`);
      expect(res.status).toBe(410);
      const html = await res.text();
      expect(html).toContain('<html lang="fr">');
      expect(html).toContain('<h1>Cette séance est close</h1>');
      expect(html).toContain('Elle a été close 10 minutes après le début, car personne de votre entreprise ne l’avait rejointe.');
      expect(html).toContain('Pour réserver à nouveau, utilisez <code>/book</code> dans Slack ou Discord.');
      expect(html).not.toMatch(/This session|no one from your company/);
    });

    it('a link that matches no booking has no person: the vendor\'s language (English here)', async () => {
      const html = await (await get('/j/not-a-token')).text();
      expect(html).toContain('<html lang="en">');
      expect(html).toContain('<h1>Link not found</h1>');
    });
  });

  it('the page Stripe returns the payer to: in the language its address names, else the vendor\'s', async () => {
    const de = await (await get('/paid?reference=SK-1&lang=de&cancelled=1')).text();
    expect(de).toContain('<html lang="de">');
    expect(de).toContain('<h1>Zahlung nicht abgeschlossen</h1>');
    expect(de).toContain('Es wurde nichts abgebucht.');
    const en = await (await get('/paid?reference=SK-1&lang=xx')).text();
    expect(en).toContain('<h1>Thank you</h1>');
    expect(en).toContain('The confirmation arrives in the chat in a moment.');
  });

  it('a failing route answers 500 with a plain apology in the vendor\'s language, English by default', async () => {
    const failing: WebRoute = { method: 'GET', path: '/boom', handler: () => Promise.reject(new Error('boom')) };
    for (const [lang, text] of [['de', 'Bei uns ist etwas schiefgegangen. Bitte versuchen Sie es noch einmal.'], [undefined, 'Something went wrong on our side. Please try again.']] as const) {
      const server = await startWebServer([failing], { port: 0, logger: createLogger({ level: 'silent' }), ...(lang ? { lang } : {}) });
      try {
        const res = await fetch(`http://127.0.0.1:${server.port}/boom`);
        expect(res.status).toBe(500);
        expect(await res.text()).toBe(text);
      } finally {
        await server.close();
      }
    }
  });

  it('no such page, a method the page does not take and a malformed address are answered in the vendor\'s language', async () => {
    const page: WebRoute = { method: 'GET', path: '/page', handler: async (_req, res) => void res.end('ok') };
    const server = await startWebServer([page], { port: 0, logger: createLogger({ level: 'silent' }), lang: 'fr' });
    // French punctuation is set after a narrow no-break space; compared here as a plain space.
    const text = async (res: Response) => (await res.text()).replace(/\u202f/g, ' ');
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const missing = await fetch(`${base}/nowhere`);
      expect(missing.status).toBe(404);
      expect(await text(missing)).toBe('Cette page n’existe pas : l’adresse est peut-être mal saisie. Utilisez le lien de votre dernier message.');
      const posted = await fetch(`${base}/page`, { method: 'POST' });
      expect(posted.status).toBe(405);
      expect(await text(posted)).toBe('Cette adresse n’accepte pas ce type de requête.');
      const malformed = await fetch(`${base}/page%E0%A4%A`);
      expect(malformed.status).toBe(400);
      expect(await text(malformed)).toBe('Requête invalide : l’adresse n’est pas valide (encodage en pourcentage incorrect).');
      expect(await (await fetch(`${base}/page`)).text()).toBe('ok');
    } finally {
      await server.close();
    }
  });
});
