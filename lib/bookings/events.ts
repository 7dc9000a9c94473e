/**
 * The booking lifecycle's events (docs/notifications.md): every change of a booking writes one outbox
 * event in the same transaction, from here only, so notifications, reminders, webhooks and live
 * updates see every path (public page, manage link, portal, desk, API, housekeeping) alike.
 */
import type { Tx, tables } from "@/lib/db";
import { enqueue } from "@/lib/events";
import { planScheduledMessages } from "./reminders";

export const BOOKING_EVENT_TYPES = [
  "booking.created",
  "booking.confirmed",
  "booking.declined",
  "booking.rescheduled",
  "booking.cancelled",
  "booking.completed",
  "booking.no_show",
  "booking.expired",
] as const;
export type BookingEventType = (typeof BOOKING_EVENT_TYPES)[number];

type Booking = typeof tables.bookings.$inferSelect;

/** The history's action names (booking_events.action) as event types. */
const TYPE_OF_ACTION: Record<string, BookingEventType> = {
  created: "booking.created",
  confirm: "booking.confirmed",
  decline: "booking.declined",
  rescheduled: "booking.rescheduled",
  cancelled: "booking.cancelled",
  complete: "booking.completed",
  no_show: "booking.no_show",
  expired: "booking.expired",
};

/** "staff:<userId>" → "staff"; the payload names the kind of actor, not the person. */
function actorKind(label: string): "customer" | "staff" | "system" {
  if (label === "customer") return "customer";
  return label.startsWith("staff") ? "staff" : "system";
}

export async function emitBookingEvent(
  tx: Tx,
  after: Booking,
  action: string,
  actor: string,
  before: Booking | null,
): Promise<void> {
  const type = TYPE_OF_ACTION[action];
  if (!type) throw new Error(`no booking event for the action ${action}`);
  const moved =
    before &&
    (before.startAt.getTime() !== after.startAt.getTime() ||
      before.endAt.getTime() !== after.endAt.getTime());
  const reason = type === "booking.cancelled" || type === "booking.declined" ? after.cancelReason : null;
  await enqueue(tx, {
    tenantId: after.tenantId,
    type,
    subjectId: after.id,
    dedupeKey: `${type}:${after.id}:${after.sequence}`,
    payload: {
      booking_id: after.id,
      status: after.status,
      starts_at: after.startAt.toISOString(),
      ends_at: after.endAt.toISOString(),
      ...(moved && before
        ? { previous_starts_at: before.startAt.toISOString(), previous_ends_at: before.endAt.toISOString() }
        : {}),
      service_id: after.serviceId,
      staff_id: after.staffId,
      customer_id: after.customerId,
      actor: actorKind(actor),
      ...(reason ? { reason } : {}),
      sequence: after.sequence,
    },
  });
  // Reminders, the thank-you and a request's confirmation deadline follow the booking, same transaction.
  await planScheduledMessages(tx, after);
}
