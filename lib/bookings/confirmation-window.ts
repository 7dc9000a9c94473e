import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { type SystemRunner, tables } from "@/lib/db";
import { type EventHandler, registerHandler } from "@/lib/events";
import { nextSequence } from "./history";
import { type BookingRecord, lockBooking, recordEvent } from "./lifecycle";

const { bookings } = tables;

export const NOT_CONFIRMED_IN_TIME = "not confirmed in time";

/**
 * The end of a request's confirmation window: a request staff have not answered is declined, and the
 * decline is an event like any other (the customer is emailed). Housekeeping may already have moved the
 * run-out hold to "expired"; that is still an unanswered request, and it is declined the same way.
 */
export async function declineUnanswered(
  system: SystemRunner,
  tenantId: string,
  bookingId: string,
  now = new Date(),
): Promise<BookingRecord | null> {
  return system("confirmation window: decline a request nobody answered in time (worker)", async (tx) => {
    const before = await lockBooking(tx, tenantId, bookingId);
    const unanswered =
      before.status === "pending" || (before.status === "expired" && before.confirmBy !== null);
    if (!unanswered || !before.confirmBy || before.confirmBy > now) return null;
    const [after] = await tx
      .update(bookings)
      .set({
        status: "cancelled",
        cancelledAt: now,
        cancelledBy: "system",
        cancelReason: NOT_CONFIRMED_IN_TIME,
        holdExpiresAt: null,
        sequence: nextSequence,
      })
      .where(and(eq(bookings.tenantId, tenantId), eq(bookings.id, bookingId)))
      .returning();
    if (!after) return null;
    await recordEvent(tx, after, "decline", "system", before);
    return after;
  });
}

const Payload = z.object({ booking_id: z.uuid() });

export const confirmationWindowHandler: EventHandler = {
  name: "bookings.confirmation-window",
  types: ["booking.confirmation_due"],
  async handle(event, ctx) {
    const { booking_id } = Payload.parse(event.payload);
    const declined = await declineUnanswered(ctx.system, event.tenantId, booking_id);
    ctx.log.info({ bookingId: booking_id, declined: Boolean(declined) }, "confirmation window ended");
  },
};

/** Registered once per process by lib/background. */
export function registerConfirmationWindowHandler(): void {
  registerHandler(confirmationWindowHandler);
}
