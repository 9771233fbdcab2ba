/**
 * The console's simulated checkout (issue 15): with no Stripe keys, `npm start` users try the paid
 * flow. A paid booking is held and answered with a Pay link to the console's own checkout page,
 * labelled as simulated; its Pay completes the payment through core's webhook path (held -> confirmed,
 * payment recorded), Cancel changes nothing, and a hold left to run out is released and told. A
 * suspended company's person pays the reinstatement there too. Only the console's page may pay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConsole, type RunningConsole } from './console-support.js';

interface Item {
  id: string;
  text: string;
  buttons: { label: string; id?: string }[];
}

describe('the console with its simulated checkout', () => {
  let c: RunningConsole;
  const bo = { pane: 'customer' as const, user: 'bo' };
  const cy = { pane: 'customer' as const, user: 'cy' };
  const feed = async (who: { pane: string; user: string }): Promise<Item[]> => (await c.api('GET', `/api/feed?pane=${who.pane}&user=${who.user}`)).body.items;
  const press = (who: object, item: Item, label: string) => {
    const b = item.buttons.find((x) => x.label.startsWith(label));
    if (!b) throw new Error(`no [${label}] on: ${item.text} ${JSON.stringify(item.buttons)}`);
    return c.api('POST', '/api/action', { ...who, id: b.id, itemId: item.id });
  };
  /** The checkout address shown to the person (in the text or on a link button). */
  const checkoutPath = (items: unknown): string => {
    const m = /http:\/\/127\.0\.0\.1:\d+(\/checkout\/sim_cs_[A-Za-z0-9_-]+)/.exec(JSON.stringify(items));
    if (!m) throw new Error(`no checkout link in ${JSON.stringify(items)}`);
    return m[1]!;
  };
  const url = (p: string) => `http://127.0.0.1:${c.console.port}${p}`;
  const get = async (p: string) => {
    const res = await fetch(url(p));
    return { status: res.status, html: await res.text() };
  };
  /** A form POST as the checkout page's own form sends it (same origin, with the page's token). */
  const post = (p: string, fields: Record<string, string>, headers: Record<string, string> = { origin: url('').replace(/\/$/, ''), 'sec-fetch-site': 'same-origin' }) =>
    fetch(url(p), { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields).toString() });
  const bookingsOf = (memberUser: string) => c.runtime.db.prisma.booking.findMany({ where: { member: { platformUserId: memberUser } }, orderBy: { createdAt: 'asc' } });
  const paymentsOf = () => c.runtime.db.prisma.payment.findMany();

  async function holdPaid(text: string): Promise<{ items: Item[]; path: string }> {
    const proposal = (await c.api('POST', '/api/command', { ...bo, text })).body.items as Item[];
    // no plan: the quote says the fee is paid online, no staff approval first
    expect(proposal[0]!.text).toContain('You pay online when you confirm: the time is held for 15 minutes while you pay.');
    expect(proposal[0]!.text).not.toContain('staff approval');
    const answer = await press(bo, proposal[0]!, 'Confirm');
    const items = answer.body.items as Item[];
    expect(items[0]!.text).toMatch(/^⏳ Held for you: Online session .* Pay \$75 by .* to confirm it/);
    return { items, path: checkoutPath(items) };
  }

  beforeAll(async () => {
    c = await runConsole({ simulatedCheckout: true });
  });
  afterAll(async () => {
    await c.stop();
    c.remove();
  });

  it('a paid booking is held; the simulated checkout page says what is paid; Pay confirms it through the webhook path and records the payment', async () => {
    expect(await c.console.engine.standing(bo)).toBe('Birch Boxes: no plan, paid sessions paid online (simulated checkout). Times in Europe/London.');
    const { path } = await holdPaid('/book tomorrow 3pm');
    const [held] = await bookingsOf('bo');
    expect(held).toMatchObject({ status: 'awaiting_payment', priceCents: 7500 });

    const page = await get(path);
    expect(page.status).toBe(200);
    expect(page.html).toContain('SIMULATED CHECKOUT: no money moves and no card is asked for.');
    expect(page.html).toContain(`(booking ${held!.reference})`);
    expect(page.html).toContain('<div class="amount">$75</div>');
    expect(page.html).toContain('Paid sessions are not refundable.');
    // the hold's end in the payer's zone (Bo reads London time), as the chat says it
    expect(page.html).toMatch(/held until <strong>Mon 30 Nov, 14:15 London<\/strong>/);
    const token = /name="token" value="([^"]+)"/.exec(page.html)![1]!;

    // Only the page itself may pay: another site's form, or no token, changes nothing.
    expect((await post(path, { token, do: 'pay' }, { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post(path, { do: 'pay' })).status).toBe(403);
    expect((await post(path, { token: 'x'.repeat(token.length), do: 'pay' })).status).toBe(403);
    expect((await bookingsOf('bo'))[0]!.status).toBe('awaiting_payment');
    expect(await paymentsOf()).toEqual([]);

    const paid = await post(path, { token, do: 'pay' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(path);
    expect((await get(path)).html).toContain('<h1>Paid</h1>');
    expect((await bookingsOf('bo'))[0]!.status).toBe('confirmed');
    expect(await paymentsOf()).toEqual([expect.objectContaining({ purpose: 'session_fee', amountCents: 7500, currency: 'USD', bookingId: held!.id, recordedBy: 'simulated', checkoutId: path.split('/').at(-1) })]);
    // the confirmation arrives in the chat at once
    expect((await feed(bo)).at(-1)!.text).toMatch(/^✅ Your session is booked/);
    // Paying twice (a reload, a double click) changes nothing.
    await post(path, { token, do: 'pay' });
    expect(await paymentsOf()).toHaveLength(1);
  });

  it('Cancel charges nothing and keeps the hold; left to run out, the hold is released and the customer told; the page then refuses to pay', async () => {
    const { path } = await holdPaid('/book wednesday 3pm');
    const token = /name="token" value="([^"]+)"/.exec((await get(path)).html)![1]!;
    const cancelled = await post(path, { token, do: 'cancel' });
    expect(cancelled.status).toBe(303);
    const after = await get(cancelled.headers.get('location')!);
    expect(after.html).toContain('Payment not completed.</strong> Nothing was charged.');
    const wed = (await bookingsOf('bo')).at(-1)!;
    expect(wed.status).toBe('awaiting_payment');

    await c.api('POST', '/api/skip', { to: 'plus10', ...bo });
    expect((await bookingsOf('bo')).at(-1)!.status).toBe('awaiting_payment');
    await c.api('POST', '/api/skip', { to: 'plus10', ...bo }); // past the 15-minute hold
    expect((await bookingsOf('bo')).at(-1)!.status).toBe('cancelled');
    const told = (await feed(bo)).at(-1)!;
    expect(told.text).toMatch(/^⌛ The time held for your online session on Wed 2 Dec, 15:00–15:30 London was released: no payment arrived in time\./);
    expect(told.text).toContain(wed.reference);
    const expired = await get(path);
    expect(expired.html).toContain('This checkout has expired');
    expect(expired.html).not.toContain('name="do" value="pay"');
    await post(path, { token, do: 'pay' });
    expect((await bookingsOf('bo')).at(-1)!.status).toBe('cancelled');
    expect(await paymentsOf()).toHaveLength(1);
  });

  it('a suspended company: the suspension notice offers Pay $100; paying on the simulated page reinstates it and tells staff', async () => {
    const notice = (await feed(cy)).find((i) => i.text.includes('Free sessions for Cedar Pallets are suspended'))!;
    expect(notice.buttons.map((b) => b.label)).toContain('Pay $100 to reinstate');
    const answer = (await press(cy, notice, 'Pay $100')).body.items as Item[];
    expect(answer[0]!.text).toContain('Pay $100 online to reinstate free sessions for Cedar Pallets now.');
    const path = checkoutPath(answer);
    const page = await get(path);
    expect(page.html).toContain('Reinstatement of free sessions · Cedar Pallets');
    expect(page.html).toContain('<div class="amount">$100</div>');
    expect(page.html).not.toContain('Paid sessions are not refundable.');
    const token = /name="token" value="([^"]+)"/.exec(page.html)![1]!;
    expect((await post(path, { token, do: 'pay' })).status).toBe(303);
    expect(await c.runtime.db.prisma.company.findFirstOrThrow({ where: { name: 'Cedar Pallets' } })).toMatchObject({ suspended: false, strikes: 0 });
    expect(await paymentsOf()).toContainEqual(expect.objectContaining({ purpose: 'reinstatement', amountCents: 10000 }));
    expect(await c.console.engine.standing(cy)).toContain('Cedar Pallets: maintenance plan, sessions are free');
    const staff = await feed({ pane: 'staff', user: 'alice' });
    expect(staff.some((i) => i.text.includes('Cedar Pallets') && i.text.includes('$100'))).toBe(true);
  });

  it('in the payer\'s language: after /language fr the checkout opens in French (still clearly simulated), and Cancel comes back in French', async () => {
    await c.api('POST', '/api/command', { ...bo, text: '/language fr' });
    const proposal = (await c.api('POST', '/api/command', { ...bo, text: '/book jeudi 15h' })).body.items as Item[];
    const held = ((await press(bo, proposal[0]!, 'Confirmer')).body.items as Item[])[0]!;
    // the link names the language the checkout was opened in, as Stripe's locale does
    const m = /http:\/\/127\.0\.0\.1:\d+(\/checkout\/sim_cs_[A-Za-z0-9_-]+\?lang=fr)/.exec(JSON.stringify(held));
    expect(m, JSON.stringify(held)).not.toBeNull();
    const path = m![1]!;
    const page = await get(path);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<html lang="fr">');
    expect(page.html).toContain('PAIEMENT SIMULÉ\u202f: aucun argent n’est débité et aucune carte n’est demandée.');
    const ref = (await bookingsOf('bo')).at(-1)!.reference;
    expect(page.html).toMatch(new RegExp(`Séance en ligne, 30 minutes, jeu\\.? 3 déc\\.?, 15:00 London \\(réservation ${ref}\\)`));
    expect(page.html).toContain('Les séances payantes ne sont pas remboursées.');
    expect(page.html).toMatch(/Votre créneau est réservé jusqu’à <strong>[^<]+London<\/strong> \(heure simulée\)/);
    expect(page.html).toMatch(/Payer 75\s\$US \(simulé\)|Payer 75\s\$ \(simulé\)/);
    expect(page.html).not.toMatch(/SIMULATED|Paid sessions|held until|Pay \$/);
    const token = /name="token" value="([^"]+)"/.exec(page.html)![1]!;
    const cancelled = await post(path, { token, do: 'cancel' });
    expect(cancelled.headers.get('location')).toMatch(/\?cancelled=1&lang=fr$/);
    expect((await get(cancelled.headers.get('location')!)).html).toContain('<strong>Paiement non effectué.</strong> Rien n’a été débité.');
    // an unknown checkout with no language named: the vendor's
    expect((await get('/checkout/sim_cs_nothing')).html).toContain('<h1>No such checkout</h1>');
    await c.api('POST', '/api/command', { ...bo, text: '/language auto' });
  });

  it('an unknown checkout is a plain 404', async () => {
    expect((await get('/checkout/sim_cs_nothing')).status).toBe(404);
    expect((await get('/checkout/cs_live_123')).status).toBe(404);
  });
});
