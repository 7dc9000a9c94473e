import { sql } from "drizzle-orm";
import { type Tx, tables } from "@/lib/db";
import { emitBookingEvent } from "./events";

const { bookings, bookingEvents } = tables;

type BookingRecord = typeof bookings.$inferSelect;

/** The next value of a booking's change counter (ICS SEQUENCE, event dedupe keys). */
export const nextSequence = sql`${bookings.sequence} + 1`;

function snapshot(b: BookingRecord) {
  return {
    status: b.status,
    start: b.startAt.toISOString(),
    end: b.endAt.toISOString(),
    staff_id: b.staffId,
    resource_id: b.resourceId,
  };
}

/** Writes a change to the booking's history and its outbox event, in the caller's transaction. */
export async function recordEvent(
  tx: Tx,
  b: BookingRecord,
  action: string,
  actor: string,
  before: BookingRecord | null,
) {
  await emitBookingEvent(tx, b, action, actor, before);
  await tx.insert(bookingEvents).values({
    tenantId: b.tenantId,
    bookingId: b.id,
    action,
    actor,
    before: before ? snapshot(before) : null,
    after: snapshot(b),
  });
}

/** Holds that ran out and were just moved to `expired` (they were pending a moment ago). */
export async function recordExpired(tx: Tx, expired: BookingRecord[]) {
  for (const after of expired) {
    await recordEvent(tx, after, "expired", "system", { ...after, status: "pending" });
  }
}
