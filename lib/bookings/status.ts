import { and, eq, lte, sql } from "drizzle-orm";
import { type BookingStatus, type Tx, tables } from "@/lib/db";
import { Conflict, NotFound } from "@/lib/errors";
import { nextSequence, recordEvent, recordExpired } from "./history";
import { type ActorLabel, type BookingRecord, lockBooking } from "./lifecycle";

const { bookings } = tables;

const TRANSITIONS: Record<string, { from: BookingStatus[]; to: BookingStatus; afterStart?: boolean }> = {
  confirm: { from: ["pending"], to: "confirmed" },
  decline: { from: ["pending"], to: "cancelled" },
  complete: { from: ["confirmed"], to: "completed", afterStart: true },
  no_show: { from: ["confirmed"], to: "no_show", afterStart: true },
};
export type StatusAction = keyof typeof TRANSITIONS;

export async function changeStatus(
  tx: Tx,
  tenantId: string,
  bookingId: string,
  action: StatusAction,
  actor: ActorLabel,
  now = new Date(),
): Promise<BookingRecord> {
  const rule = TRANSITIONS[action];
  if (!rule) throw new Conflict("Unknown action");
  const before = await lockBooking(tx, tenantId, bookingId);
  if (!rule.from.includes(before.status)) {
    throw new Conflict(
      `A ${before.status.replace("_", "-")} booking cannot be marked ${rule.to.replace("_", "-")}.`,
    );
  }
  if (rule.afterStart && before.startAt > now) {
    throw new Conflict("Only a booking that has started can be marked completed or no-show.");
  }
  const [after] = await tx
    .update(bookings)
    .set({
      status: rule.to,
      holdExpiresAt: null,
      sequence: nextSequence,
      ...(rule.to === "cancelled" ? { cancelledAt: now, cancelledBy: actor, cancelReason: "declined" } : {}),
    })
    .where(and(eq(bookings.tenantId, tenantId), eq(bookings.id, bookingId)))
    .returning();
  if (!after) throw new NotFound("Booking not found");
  await recordEvent(tx, after, action, actor, before);
  return after;
}

/** Moves holds that ran out to `expired` (they stopped blocking already; this tidies the records). */
export async function sweepExpiredHolds(tx: Tx): Promise<number> {
  const rows = await tx
    .update(bookings)
    .set({ status: "expired", sequence: nextSequence })
    .where(and(eq(bookings.status, "pending"), lte(bookings.holdExpiresAt, sql`now()`)))
    .returning();
  await recordExpired(tx, rows);
  return rows.length;
}
