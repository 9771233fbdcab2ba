/** Button ids for a slot: the instant to the minute in UTC whatever way it was written, and read back as it was. */
import { describe, expect, it } from 'vitest';
import { decodeIntent, encodeIntent, encodeSlot, readSequence } from './intents.js';

describe('slot ids', () => {
  const slot = { startsAt: '2026-12-01T20:00:00.000Z', kind: 'online' as const, lengthMinutes: 30, payStandardFee: true, quoteKey: '7500sx', author: '123' };

  it('write the instant to the minute, then kind, length, fee, quote and author', () => {
    expect(encodeSlot(slot)).toBe('2026-12-01T20:00Z|online|30|p|q7500sx|@123');
    expect(encodeSlot({ startsAt: '2026-12-01T20:00:59.999Z', kind: 'phone', lengthMinutes: 60 })).toBe('2026-12-01T20:00Z|phone|60');
  });

  it('give the same id for the same instant written another way (offset, no milliseconds)', () => {
    for (const startsAt of ['2026-12-01T20:00:00Z', '2026-12-01T21:00:00+01:00', '2026-12-01T15:00:00.000-05:00']) {
      expect(encodeSlot({ ...slot, startsAt })).toBe(encodeSlot(slot));
    }
  });

  it('are read back as the slot they were written from', () => {
    const id = encodeIntent({ do: 'book', slot });
    expect(decodeIntent(id)).toEqual({ do: 'book', slot });
  });
});

describe('the ids of buttons that act on a booking as shown (cancel confirmation, staff Approve / Decline / Cancel)', () => {
  it('carries the sequence of the booking as asked about, and reads it back', () => {
    expect(encodeIntent({ do: 'cancel-yes', bookingId: 'bk1', sequence: 3 })).toBe('sk:cancel-yes:bk1:3');
    expect(decodeIntent('sk:cancel-yes:bk1:3')).toEqual({ do: 'cancel-yes', bookingId: 'bk1', sequence: 3 });
    expect(decodeIntent('sk:cancel-yes:bk1:0')).toEqual({ do: 'cancel-yes', bookingId: 'bk1', sequence: 0 });
  });

  it('an id from before the sequence was carried still reads (unchecked); a malformed sequence does not', () => {
    expect(decodeIntent('sk:cancel-yes:bk1')).toEqual({ do: 'cancel-yes', bookingId: 'bk1' });
    for (const bad of ['sk:cancel-yes:bk1:x', 'sk:cancel-yes:bk1:01', 'sk:cancel-yes:bk1:-1', 'sk:cancel-yes::3']) expect(decodeIntent(bad)).toBeNull();
  });

  it('a staff card’s Approve carries it the same way', () => {
    expect(encodeIntent({ do: 'approve', bookingId: 'bk1', sequence: 2 })).toBe('sk:approve:bk1:2');
    expect(decodeIntent('sk:approve:bk1:2')).toEqual({ do: 'approve', bookingId: 'bk1', sequence: 2 });
    expect(decodeIntent('sk:approve:bk1')).toEqual({ do: 'approve', bookingId: 'bk1' });
    expect(decodeIntent('sk:approve:bk1:x')).toBeNull();
  });

  it('a staff card’s Decline and Cancel carry it the same way; older ids still read, unchecked', () => {
    for (const name of ['decline', 'staff-cancel'] as const) {
      expect(encodeIntent({ do: name, bookingId: 'bk1', sequence: 4 })).toBe(`sk:${name}:bk1:4`);
      expect(decodeIntent(`sk:${name}:bk1:4`)).toEqual({ do: name, bookingId: 'bk1', sequence: 4 });
      expect(decodeIntent(`sk:${name}:bk1:0`)).toEqual({ do: name, bookingId: 'bk1', sequence: 0 });
      expect(encodeIntent({ do: name, bookingId: 'bk1' })).toBe(`sk:${name}:bk1`);
      expect(decodeIntent(`sk:${name}:bk1`)).toEqual({ do: name, bookingId: 'bk1' });
      for (const bad of [`sk:${name}:bk1:x`, `sk:${name}:bk1:01`, `sk:${name}:bk1:-1`, `sk:${name}::3`]) expect(decodeIntent(bad)).toBeNull();
    }
  });

  it('readSequence: absent is undefined (act unchecked), malformed is null', () => {
    expect(readSequence(undefined)).toBeUndefined();
    expect(readSequence('0')).toBe(0);
    expect(readSequence('12')).toBe(12);
    for (const bad of ['', 'x', '01', '-1', '1.5']) expect(readSequence(bad)).toBeNull();
  });
});
