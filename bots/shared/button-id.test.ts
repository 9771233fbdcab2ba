import { describe, expect, it } from 'vitest';
import { BUTTON_ID_MAX_LENGTH, ButtonIdError, decodeButtonId, encodeButtonId } from './button-id.js';

describe('button id codec', () => {
  it.each([
    [{ action: 'refresh' }, 'sk:refresh'],
    [{ action: 'cancel', bookingId: 'bk_01HZX9' }, 'sk:cancel:bk_01HZX9'],
    [{ action: 'move', bookingId: 'bk_1', arg: '2026-12-01T09:00' }, 'sk:move:bk_1:2026-12-01T09%3A00'],
    [{ action: 'pick-slot', arg: 'phone 30' }, 'sk:pick-slot::phone%2030'],
  ])('encodes %j as %s and decodes it back', (id, encoded) => {
    expect(encodeButtonId(id)).toBe(encoded);
    expect(decodeButtonId(encoded)).toEqual(id);
  });

  it('round-trips unicode and colons in the arg', () => {
    const id = { action: 'note', bookingId: 'b-2', arg: 'Zürich: 9:30 ✓' };
    expect(decodeButtonId(encodeButtonId(id))).toEqual(id);
  });

  it('refuses to encode ids longer than Discord allows, or with bad parts', () => {
    expect(() => encodeButtonId({ action: 'x', arg: 'a'.repeat(100) })).toThrow(ButtonIdError);
    expect(() => encodeButtonId({ action: 'Cancel' })).toThrow(/action/);
    expect(() => encodeButtonId({ action: 'cancel', bookingId: 'has:colon' })).toThrow(/bookingId/);
    expect(() => encodeButtonId({ action: 'cancel', arg: '' })).toThrow(/arg/);
    const longest = encodeButtonId({ action: 'a', bookingId: 'b', arg: 'c'.repeat(BUTTON_ID_MAX_LENGTH - 'sk:a:b:'.length) });
    expect(longest).toHaveLength(BUTTON_ID_MAX_LENGTH);
  });

  it.each([
    ['', 'empty'],
    ['sk', 'no action'],
    ['sk:', 'empty action'],
    ['xx:cancel:1', 'wrong prefix'],
    ['sk:Cancel:1', 'uppercase action'],
    ['sk:cancel:', 'empty booking id'],
    ['sk:cancel:a b', 'space in booking id'],
    ['sk:cancel:1:', 'empty arg'],
    ['sk:cancel:1:%E0%A4%A', 'broken percent-encoding'],
    ['sk:cancel:1:a b', 'non-canonical arg'],
    ['sk:cancel:1:a:b', 'too many parts'],
    [`sk:cancel:${'1'.repeat(120)}`, 'over 100 characters'],
  ])('rejects %j (%s)', (raw) => {
    expect(decodeButtonId(raw)).toBeNull();
  });

  it('rejects non-strings', () => {
    expect(decodeButtonId(undefined)).toBeNull();
    expect(decodeButtonId(42)).toBeNull();
  });
});
