import { eq } from "drizzle-orm";
import { type Tx, tables } from "@/lib/db";
import { cancelScheduled, enqueue } from "@/lib/events";
import { MINUTE } from "@/lib/scheduling";

/**
 * Plans a booking's scheduled messages as outbox rows, in the transaction that changes the booking:
 * reminders (the practice's offsets before the start, as elapsed time), the optional thank-you after
 * the end, and the end of a request's confirmation window. Any change first cancels what was planned,
 * so a moved booking's reminders move and a cancelled one's go; none is planned in the past.
 */
export const SCHEDULED_TYPES = ["booking.reminder", "booking.thank_you", "booking.confirmation_due"] as const;

/** After the visit; long enough for the appointment to be over and marked. */
const THANK_YOU_AFTER_MINUTES = 120;

type BookingRecord = typeof tables.bookings.$inferSelect;

async function practiceSchedule(tx: Tx, tenantId: string) {
  const [row] = await tx
    .select({
      offsets: tables.tenants.reminderOffsetsMinutes,
      thankYou: tables.tenants.thankYouEnabled,
    })
    .from(tables.tenants)
    .where(eq(tables.tenants.id, tenantId));
  return row ?? { offsets: [], thankYou: false };
}

/** The instants a confirmed booking's reminders are due, soonest last, none at or before `now`. */
export function reminderInstants(
  startAt: Date,
  offsetsMinutes: number[],
  now: Date,
): { offset: number; at: Date }[] {
  return [...new Set(offsetsMinutes)]
    .map((offset) => ({ offset, at: new Date(startAt.getTime() - offset * MINUTE) }))
    .filter((r) => r.at > now);
}

export async function planScheduledMessages(tx: Tx, booking: BookingRecord, now = new Date()): Promise<void> {
  for (const type of SCHEDULED_TYPES) {
    // Past the deadline, the deadline's own event is the one declining the request: leave it be.
    if (type === "booking.confirmation_due" && booking.confirmBy && booking.confirmBy <= now) continue;
    await cancelScheduled(tx, booking.tenantId, booking.id, type);
  }
  const base = { tenantId: booking.tenantId, subjectId: booking.id };
  const payload = { booking_id: booking.id, starts_at: booking.startAt.toISOString() };

  if (booking.status === "pending" && booking.confirmBy && booking.confirmBy > now) {
    await enqueue(tx, {
      ...base,
      type: "booking.confirmation_due",
      payload,
      dedupeKey: `booking.confirmation_due:${booking.id}:${booking.sequence}`,
      availableAt: booking.confirmBy,
    });
  }
  if (booking.status !== "confirmed") return;
  const practice = await practiceSchedule(tx, booking.tenantId);
  for (const { offset, at } of reminderInstants(booking.startAt, practice.offsets, now)) {
    await enqueue(tx, {
      ...base,
      type: "booking.reminder",
      payload: { ...payload, offset_minutes: offset },
      dedupeKey: `booking.reminder:${booking.id}:${booking.sequence}:${offset}`,
      availableAt: at,
    });
  }
  if (practice.thankYou) {
    await enqueue(tx, {
      ...base,
      type: "booking.thank_you",
      payload,
      dedupeKey: `booking.thank_you:${booking.id}:${booking.sequence}`,
      availableAt: new Date(booking.endAt.getTime() + THANK_YOU_AFTER_MINUTES * MINUTE),
    });
  }
}
