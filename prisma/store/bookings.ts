import type { BookingRepo } from '../../core/ports/store.js';
import { PersonBusyError, SlotTakenError, type ExtraCells } from '../../core/ports/store.js';
import type { TxClient } from './db-types.js';
import { isUniqueViolation } from './errors.js';
import { toBooking } from './mappers.js';
import { idSlices } from './claim.js';
import { timesOf, type HotReads } from './hot-reads.js';

const LIVE = ['pending_approval', 'confirmed', 'awaiting_payment'];

async function claimCells(db: TxClient, bookingId: string, staffId: string | null, memberId: string, cells: Date[], extra: ExtraCells = {}): Promise<void> {
  // The member's own time first: a replayed Confirm fails here, whichever staff member it found free.
  if (extra.memberCells?.length) {
    try {
      await db.memberCell.createMany({ data: extra.memberCells.map((cellStart) => ({ memberId, cellStart, bookingId })) });
    } catch (e) {
      if (isUniqueViolation(e)) throw new PersonBusyError();
      throw e;
    }
  }
  if (!staffId) return;
  if (extra.giveUpBuffers && cells.length) {
    await db.slotCell.deleteMany({ where: { staffId, kind: 'buffer', cellStart: { in: cells } } });
  }
  const rows = [
    ...cells.map((cellStart) => ({ staffId, cellStart, bookingId, kind: 'session' })),
    ...(extra.bufferCells ?? []).map((cellStart) => ({ staffId, cellStart, bookingId, kind: 'buffer' })),
  ];
  if (rows.length === 0) return;
  try {
    await db.slotCell.createMany({ data: rows });
  } catch (e) {
    if (isUniqueViolation(e)) throw new SlotTakenError();
    throw e;
  }
}

export function bookingRepo(db: TxClient, hot: HotReads | null = null): BookingRepo {
  /** Live bookings of these staff starting in [startsFrom, startsBefore), by staff then start. */
  async function busyRows(staffIds: string[], startsFrom: Date, startsBefore: Date) {
    return hot
      ? await hot.busy(db, staffIds, LIVE, startsFrom, startsBefore)
      : await db.booking.findMany({
          where: { staffId: { in: staffIds }, status: { in: LIVE }, startsAt: { lt: startsBefore, gte: startsFrom } },
          select: { id: true, staffId: true, startsAt: true, endsAt: true, bufferMinutes: true },
          orderBy: [{ staffId: 'asc' }, { startsAt: 'asc' }],
        });
  }
  return {
    async get(id) {
      const r = await db.booking.findUnique({ where: { id } });
      return r && toBooking(r);
    },
    async getMany(ids) {
      const rows = [];
      for (const slice of idSlices(ids)) rows.push(...(await db.booking.findMany({ where: { id: { in: slice } } })));
      return rows.map(toBooking);
    },
    async findByJoinToken(joinToken) {
      const r = await db.booking.findUnique({ where: { joinToken } });
      return r && toBooking(r);
    },
    async findByManageToken(manageToken) {
      const r = await db.booking.findUnique({ where: { manageToken } });
      return r && toBooking(r);
    },
    async forStaff(staffId, from, to) {
      return (await db.booking.findMany({ where: { staffId, startsAt: { gte: from, lt: to } }, orderBy: { startsAt: 'asc' } })).map(toBooking);
    },
    async findByReference(reference) {
      const r = await db.booking.findUnique({ where: { reference } });
      return r && toBooking(r);
    },
    async create(data, cells, extra) {
      const row = await db.booking.create({ data });
      await claimCells(db, row.id, data.staffId, data.memberId, cells, extra);
      return toBooking(row);
    },
    async moveTo(id, guard, patch, cells, extra) {
      // The conditional update takes the row first: a concurrent cancel or move either finished
      // before (and this updates nothing) or waits for this transaction.
      const { count } = await db.booking.updateMany({
        where: { id, status: { in: guard.from }, startsAt: guard.startsAt },
        data: { ...patch, joinedAt: null, joinedVia: null, sequence: { increment: 1 } },
      });
      if (count === 0) return null;
      await db.slotCell.deleteMany({ where: { bookingId: id } });
      await db.memberCell.deleteMany({ where: { bookingId: id } });
      const row = await db.booking.findUniqueOrThrow({ where: { id } });
      await claimCells(db, id, patch.staffId, row.memberId, cells, extra);
      return toBooking(row);
    },
    async transition(id, from, patch, opts) {
      const { count } = await db.booking.updateMany({
        where: { id, status: { in: from }, ...(opts?.onlyIfNotJoined ? { joinedAt: null } : {}), ...(opts?.sequence !== undefined ? { sequence: opts.sequence } : {}) },
        // A change a calendar should follow (status, time, staff, room) raises the iCalendar SEQUENCE.
        data: { ...patch, ...(patch.status !== undefined || patch.startsAt !== undefined || patch.staffId !== undefined || patch.meetingUrl !== undefined ? { sequence: { increment: 1 } } : {}) },
      });
      if (count === 0) return null;
      const row = await db.booking.findUnique({ where: { id } });
      return row && toBooking(row);
    },
    async releaseCells(id) {
      await db.slotCell.deleteMany({ where: { bookingId: id } });
      await db.memberCell.deleteMany({ where: { bookingId: id } });
    },
    async recordJoin(id, at, via) {
      await db.booking.updateMany({ where: { id, joinedAt: null }, data: { joinedAt: at, joinedVia: via } });
      return toBooking(await db.booking.findUniqueOrThrow({ where: { id } }));
    },
    async busy(staffIds, from, to) {
      // A booking overlaps [from, to) when it starts before `to` and ends (with its buffer) after `from`.
      // Buffers are at most a few hours, so widen the lower bound by a day and filter exactly below.
      const rows = await busyRows(staffIds, new Date(from.getTime() - 24 * 3600_000), to);
      return rows
        .map((r) => ({ bookingId: r.id, staffId: r.staffId!, start: r.startsAt!, end: r.endsAt!, bufferMinutes: r.bufferMinutes }))
        .filter((r) => r.end.getTime() + r.bufferMinutes * 60_000 > from.getTime());
    },
    async busyTimes(staffIds, startsFrom, startsBefore) {
      return hot ? hot.busyTimes(db, staffIds, LIVE, startsFrom, startsBefore) : timesOf(await busyRows(staffIds, startsFrom, startsBefore));
    },
    async upcomingFor({ companyId, memberId, from, statuses, limit }) {
      const rows = await db.booking.findMany({
        where: {
          status: { in: statuses },
          OR: [{ startsAt: { gte: from } }, { startsAt: null }],
          ...(companyId ? { companyId } : { memberId }),
        },
        orderBy: { startsAt: 'asc' },
        take: limit ?? 50,
      });
      return rows.map(toBooking);
    },
    async startingBetween(from, to) {
      return (await db.booking.findMany({ where: { startsAt: { gte: from, lt: to } }, orderBy: { startsAt: 'asc' } })).map(toBooking);
    },
    async listByStatus(statuses, limit) {
      return (await db.booking.findMany({ where: { status: { in: statuses } }, orderBy: { createdAt: 'asc' }, take: limit })).map(toBooking);
    },
  };
}
