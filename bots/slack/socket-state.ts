/**
 * What /healthz says of a Socket Mode connection, from the Socket Mode client's events. The client
 * emits `close` as soon as its WebSocket closes, but `reconnecting` only after its back-off delay (one
 * ping timeout, five seconds by default): until then the connection is gone, not "connected". A
 * `close` while a newer socket is already active (Slack asked for a refresh and the old one closed
 * after the new one opened) changes nothing, as the client itself ignores it.
 */
export interface SocketEvents {
  on(event: 'connected' | 'reconnecting' | 'disconnected' | 'close', listener: () => void): unknown;
  websocket?: { isActive(): boolean } | undefined;
}

export type SocketState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export function socketState(client: SocketEvents): () => SocketState {
  let state: SocketState = 'connecting';
  client.on('connected', () => void (state = 'connected'));
  client.on('reconnecting', () => void (state = 'reconnecting'));
  client.on('disconnected', () => void (state = 'disconnected'));
  client.on('close', () => {
    if (!client.websocket?.isActive()) state = 'disconnected';
  });
  return () => state;
}
