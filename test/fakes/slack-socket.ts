import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { FakeSlack } from './slack-api.js';

/**
 * A fake Socket Mode endpoint. It answers `apps.connections.open` on the fake Web API with a
 * ws://127.0.0.1 URL, greets each connection with {"type":"hello"}, and lets a test send envelopes
 * and await the app's ack ({envelope_id, payload}).
 */

export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export interface FakeSocketMode {
  readonly url: string;
  /** Resolves once an app has connected and been sent hello. */
  connected(timeoutMs?: number): Promise<void>;
  /** Sends an envelope and resolves with the app's ack for it. */
  send(type: 'slash_commands' | 'interactive' | 'events_api', payload: Record<string, unknown>, options?: { acceptsResponsePayload?: boolean; timeoutMs?: number }): Promise<SocketAck>;
  /** Every message the app sent over the socket, parsed. */
  readonly received: unknown[];
  /**
   * Drops the app's connection, as a network failure would; until `accept()`, apps.connections.open
   * answers `internal_error` (Slack giving no new URL yet), unless a test handles it itself.
   */
  drop(): void;
  /** apps.connections.open gives the URL again, so the app can reconnect. */
  accept(): void;
  close(): Promise<void>;
}

export async function startFakeSocketMode(api: FakeSlack): Promise<FakeSocketMode> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  const { port } = wss.address() as AddressInfo;
  const url = `ws://127.0.0.1:${port}/link`;
  const received: unknown[] = [];
  const pendingAcks = new Map<string, (ack: SocketAck) => void>();
  let socket: WebSocket | undefined;
  let onConnected: (() => void)[] = [];

  const open = () =>
    api.handle('apps.connections.open', (_body, call) => {
      if (!call.authorization?.startsWith('Bearer xapp-')) return { ok: false, error: 'invalid_auth' };
      return { ok: true, url };
    });
  open();

  wss.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (data) => {
      let msg: unknown;
      try {
        msg = JSON.parse(String(data));
      } catch {
        msg = String(data);
      }
      received.push(msg);
      if (msg && typeof msg === 'object' && 'envelope_id' in msg) {
        const ack = msg as SocketAck;
        pendingAcks.get(ack.envelope_id)?.(ack);
        pendingAcks.delete(ack.envelope_id);
      }
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake', approximate_connection_time: 3600 }, connection_info: { app_id: 'A0SLOTKEEPER' } }));
    for (const cb of onConnected) cb();
    onConnected = [];
  });

  return {
    url,
    received,
    connected(timeoutMs = 5000) {
      if (socket) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('fake Socket Mode: no app connected')), timeoutMs);
        onConnected.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    send(type, payload, options = {}) {
      const ws = socket;
      if (!ws) return Promise.reject(new Error('fake Socket Mode: no app connected'));
      const envelope_id = randomUUID();
      return new Promise<SocketAck>((resolve, reject) => {
        const timer = setTimeout(() => {
          pendingAcks.delete(envelope_id);
          reject(new Error(`fake Socket Mode: no ack for ${type} envelope within ${options.timeoutMs ?? 5000} ms`));
        }, options.timeoutMs ?? 5000);
        pendingAcks.set(envelope_id, (ack) => {
          clearTimeout(timer);
          resolve(ack);
        });
        ws.send(JSON.stringify({ envelope_id, type, payload, accepts_response_payload: options.acceptsResponsePayload ?? true, retry_attempt: 0, retry_reason: '' }));
      });
    },
    drop() {
      api.handle('apps.connections.open', () => ({ ok: false, error: 'internal_error' }));
      socket = undefined;
      for (const client of wss.clients) client.terminate();
    },
    accept() {
      open();
    },
    close() {
      for (const client of wss.clients) client.terminate();
      return new Promise<void>((resolve, reject) => wss.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
