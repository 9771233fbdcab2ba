import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { runConsole } from './console-support.js';

/** One GET on the agent: its status and the first chunk of the body, or the connection's error. */
function get(agent: http.Agent, port: number, path: string): Promise<{ status: number; first: string; res: http.IncomingMessage } | { error: string }> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
      res.once('data', (chunk: Buffer) => resolve({ status: res.statusCode!, first: chunk.toString(), res }));
      res.once('end', () => resolve({ status: res.statusCode!, first: '', res }));
    });
    req.once('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
  });
}

describe('the console shutting down', () => {
  it('refuses a live-update stream opened while it closes (a browser reconnecting), and closes', async () => {
    const c = await runConsole();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const live = await get(agent, c.console.port, '/api/events');
      expect(live).toMatchObject({ status: 200, first: expect.stringContaining('event: changed') });
      const ended = new Promise<void>((r) => ('res' in live ? live.res.once('end', () => r()).resume() : r()));
      // The close waits for the console's pending writes: hold them until the browser has come back.
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const engine = c.console.engine;
      const flush = engine.flush.bind(engine);
      engine.flush = async () => {
        await held;
        return flush();
      };
      const closing = c.console.close();
      await ended;
      // The reconnect: on the same kept-alive connection if the server still holds it, else a new one.
      const again = await get(agent, c.console.port, '/api/events');
      if ('status' in again) {
        expect(again.status).toBe(503);
        expect(again.first).toBe('The console is shutting down.');
      } else {
        expect(again.error).toMatch(/ECONNREFUSED|ECONNRESET|socket hang up/);
      }
      release();
      const late = await Promise.race([closing.then(() => 'closed'), new Promise((r) => setTimeout(() => r('still open after 5 s'), 5000))]);
      expect(late).toBe('closed');
    } finally {
      agent.destroy();
      await c.runtime.close();
      c.remove();
    }
  });
});
