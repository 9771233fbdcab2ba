/** Who may read GET /metrics: the bearer token when METRICS_TOKEN is set (the no-token case runs in test/process/metrics.test.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../bots/shared/web-server.js';
import { createMetrics, metricsRoute } from '../../bots/shared/metrics.js';
import { createLogger } from '../../bots/shared/logger.js';

const TOKEN = 'metrics-token-0123456789abcdef';

describe('/metrics with METRICS_TOKEN', () => {
  let web: WebServer;
  beforeAll(async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    metrics.booking('booked');
    web = await startWebServer([metricsRoute(metrics, { token: TOKEN })], { port: 0, logger: createLogger({ level: 'silent' }) });
  });
  afterAll(() => web.close());
  const get = (headers: Record<string, string> = {}) => fetch(`http://127.0.0.1:${web.port}/metrics`, { headers });

  it('without the token, or with another one, even from this machine: 401 and what to send', async () => {
    for (const headers of [{} as Record<string, string>, { authorization: 'Bearer wrong-token-0123456789abcdef' }, { authorization: `Basic ${TOKEN}` }, { authorization: `Bearer ${TOKEN}x` }]) {
      const res = await get(headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await res.text()).toBe('Metrics need the token: send Authorization: Bearer <METRICS_TOKEN>.');
    }
  });

  it('with the token, also through a proxy: the series', async () => {
    const res = await get({ authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': '203.0.113.9' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('slotkeeper_bookings_total{outcome="booked"} 1');
  });
});
