import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { socketState } from './socket-state.js';

/** The Socket Mode client's events, in the order @slack/socket-mode emits them. */
function client() {
  const c = Object.assign(new EventEmitter(), { websocket: undefined as { isActive(): boolean } | undefined });
  return c;
}

describe("the Socket Mode connection's state for /healthz", () => {
  it('is down as soon as the socket closes, not only once the client starts reconnecting after its back-off', () => {
    const c = client();
    const state = socketState(c);
    expect(state()).toBe('connecting');
    c.websocket = { isActive: () => true };
    c.emit('connected');
    expect(state()).toBe('connected');
    c.websocket = { isActive: () => false };
    c.emit('close'); // the back-off delay starts here
    expect(state()).toBe('disconnected');
    c.emit('reconnecting');
    expect(state()).toBe('reconnecting');
    c.websocket = { isActive: () => true };
    c.emit('connected');
    expect(state()).toBe('connected');
  });

  it('stays connected when an old socket closes after a newer one is already active (a refresh)', () => {
    const c = client();
    const state = socketState(c);
    c.websocket = { isActive: () => true };
    c.emit('connected');
    c.emit('close');
    expect(state()).toBe('connected');
  });
});
