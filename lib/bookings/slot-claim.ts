import { and, eq, gt, inArray, lte, or, sql } from "drizzle-orm";
import type { ServiceRecord, TenantRecord } from "@/lib/catalogue";
import { ACTIVE_STATUSES, pgError, type Tx, tables } from "@/lib/db";
import type { Slot } from "@/lib/scheduling";
import { DAY, findSlots, localDateOf, MINUTE } from "@/lib/scheduling";
import { loadAvailabilityInput } from "./availability-input";
import { SlotUnavailable } from "./errors";
import { nextSequence, recordExpired } from "./history";

/**
 * How a booking takes time: the engine says whether the slot is offered, stale holds are let go, and
 * the database (exclusion constraints, seat counts under a lock) decides between racing requests.
 */
const { bookings } = tables;

/** The engine's slot at exactly `start`, or a SlotUnavailable saying why it cannot be booked. */
export async function slotAt(
  tx: Tx,
  tenant: TenantRecord,
  service: ServiceRecord,
  start: Date,
  now: Date,
  excludeBookingId?: string,
): Promise<Slot> {
  const input = await loadAvailabilityInput(tx, tenant, service, {
    from: new Date(start.getTime() - DAY),
    to: new Date(start.getTime() + service.durationMinutes * MINUTE + DAY),
    now,
    excludeBookingId,
  });
  const day = localDateOf(start.getTime(), tenant.timeZone);
  const slot = findSlots(input, { from: day, to: day, timeZone: tenant.timeZone, now: now.getTime() }).find(
    (s) => s.start === start.getTime(),
  );
  if (!slot) throw new SlotUnavailable("That time is not available — please pick another.");
  return slot;
}

/** A hold that has run out stops blocking at once: mark overlapping ones expired before claiming time. */
export async function expireStaleHolds(
  tx: Tx,
  tenantId: string,
  staffIds: string[],
  resourceIds: string[],
  from: Date,
  to: Date,
) {
  const targets = [
    ...(staffIds.length ? [inArray(bookings.staffId, staffIds)] : []),
    ...(resourceIds.length ? [inArray(bookings.resourceId, resourceIds)] : []),
  ];
  if (!targets.length) return;
  const expired = await tx
    .update(bookings)
    .set({ status: "expired", sequence: nextSequence })
    .where(
      and(
        eq(bookings.tenantId, tenantId),
        eq(bookings.status, "pending"),
        lte(bookings.holdExpiresAt, sql`now()`),
        sql`tstzrange(${bookings.blockedFrom}, ${bookings.blockedUntil}) && tstzrange(${from}, ${to})`,
        or(...targets),
      ),
    )
    .returning();
  await recordExpired(tx, expired);
}

async function seatsTaken(tx: Tx, tenantId: string, sessionKey: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(bookings)
    .where(
      and(
        eq(bookings.tenantId, tenantId),
        eq(bookings.sessionKey, sessionKey),
        inArray(bookings.status, ACTIVE_STATUSES),
        or(sql`${bookings.holdExpiresAt} is null`, gt(bookings.holdExpiresAt, sql`now()`)),
      ),
    );
  return row?.n ?? 0;
}

function sessionKeyFor(service: ServiceRecord, staffId: string, start: Date, bookingId: string): string {
  return service.capacity > 1 ? `${service.id}:${staffId}:${start.toISOString()}` : bookingId;
}

/**
 * Claims the slot for the first candidate staff member that can still take it. Each attempt runs in a
 * savepoint: the exclusion constraints (or, for group sessions, the seat count under a per-session
 * lock) are the final word, so two racing requests can never both win.
 */
export async function claim<T>(
  tx: Tx,
  tenantId: string,
  service: ServiceRecord,
  slot: Slot,
  candidates: string[],
  start: Date,
  bookingId: string,
  attempt: (staffId: string, resourceId: string | null, sessionKey: string, sp: Tx) => Promise<T>,
): Promise<T> {
  for (const staffId of candidates) {
    const resourceId = slot.resourceIds?.[staffId] ?? null;
    const sessionKey = sessionKeyFor(service, staffId, start, bookingId);
    try {
      return await tx.transaction(async (sp) => {
        if (service.capacity > 1) {
          // Serialise seat counting per session. A transaction-scoped advisory lock, not SELECT … FOR
          // UPDATE: under RLS a staff member may not "update" the staff row, so FOR UPDATE would lock nothing.
          await sp.execute(
            sql`select pg_advisory_xact_lock(hashtextextended(${`${tenantId}:${sessionKey}`}, 0))`,
          );
          if ((await seatsTaken(sp, tenantId, sessionKey)) >= service.capacity) throw new SlotUnavailable();
        }
        return attempt(staffId, resourceId, sessionKey, sp);
      });
    } catch (error) {
      if (!(error instanceof SlotUnavailable) && pgError(error)?.code !== "23P01") throw error;
    }
  }
  throw new SlotUnavailable();
}
