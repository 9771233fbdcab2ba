import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteTestDb, type TestDatabase } from '../support/test-database.js';
import { harness, customer, staffAlice, type Harness } from '../support/core-harness.js';
import { START, book } from './helpers.js';
import type { Caller } from '../../core/policy/staff.js';

describe('staff who are staff by their Discord role', () => {
  let db: TestDatabase;
  let h: Harness;
  beforeEach(async () => {
    db = await sqliteTestDb();
    h = harness(db);
  });
  afterEach(async () => db.close());

  const roleStaff: Caller = { platform: 'discord', userId: '555000000000000001', displayName: 'Dana (support)', roles: ['300000000000000001'] };

  it('may approve, and a second press is told the decision was theirs, by name', async () => {
    const b = await book(h, customer('U7'), START, { payStandardFee: true });
    expect(await h.core.approveBooking({ caller: roleStaff, bookingId: b.bookingId })).toMatchObject({ kind: 'approved', by: 'Dana (support)' });
    expect(await h.core.approveBooking({ caller: staffAlice, bookingId: b.bookingId })).toMatchObject({ kind: 'already_decided', status: 'confirmed', by: 'Dana (support)' });
    const entry = await db.prisma.auditEntry.findFirstOrThrow({ where: { entityId: b.bookingId, action: 'approved' } });
    expect(entry).toMatchObject({ actorKind: 'staff', actorId: 'discord:555000000000000001', platform: 'discord' });
  });

  it('without the role the same person is refused', async () => {
    const b = await book(h, customer('U8'), START, { payStandardFee: true });
    expect(await h.core.approveBooking({ caller: { ...roleStaff, roles: [] }, bookingId: b.bookingId })).toEqual({ kind: 'not_allowed' });
    expect((await db.prisma.booking.findUniqueOrThrow({ where: { id: b.bookingId } })).status).toBe('pending_approval');
  });
});
