import { type BookingForMessage, bookingForMessage } from "@/lib/bookings";
import type { EventHandler, HandlerContext, OutboxEvent } from "@/lib/events";
import { mailer } from "@/lib/mail";
import { customerEmail, type MessageExtras } from "./compose";
import { BookingEventPayload } from "./payload";
import type { MessageKind } from "./templates/kinds";
import { customIntro } from "./templates/store";

/** Which customer message a booking event calls for; null when none (e.g. completed). */
export function customerKindFor(type: string, payload: BookingEventPayload): MessageKind | null {
  switch (type) {
    case "booking.created":
      return payload.status === "pending" ? "booking_requested" : "booking_confirmed";
    case "booking.confirmed":
      return "booking_confirmed";
    case "booking.declined":
      return "booking_declined";
    case "booking.rescheduled":
      return "booking_rescheduled";
    case "booking.cancelled":
      return "booking_cancelled";
    default:
      return null;
  }
}

/** The booking as the event saw it: its times and SEQUENCE, the rest (names, links) read now. */
function asOfEvent(b: BookingForMessage, p: BookingEventPayload): BookingForMessage {
  return { ...b, startAt: p.starts_at, endAt: p.ends_at, sequence: p.sequence };
}

export async function loadForMessage(ctx: HandlerContext, tenantId: string, bookingId: string) {
  return ctx.system("notifications: read a booking to write its message (worker)", (tx) =>
    bookingForMessage(tx, tenantId, bookingId),
  );
}

export async function introFor(ctx: HandlerContext, tenantId: string, kind: MessageKind) {
  return ctx.system("notifications: read the practice's message intro (worker)", (tx) =>
    customIntro(tx, tenantId, kind),
  );
}

/** Emails the customer about a change to their booking, with its calendar file where it has one. */
export async function sendCustomerMessage(event: OutboxEvent, ctx: HandlerContext): Promise<void> {
  const payload = BookingEventPayload.parse(event.payload);
  const kind = customerKindFor(event.type, payload);
  if (!kind) return;
  const found = await loadForMessage(ctx, event.tenantId, payload.booking_id);
  if (!found) {
    ctx.log.warn({ bookingId: payload.booking_id }, "booking gone; no customer message");
    return;
  }
  const booking = asOfEvent(found, payload);
  const extras: MessageExtras = {
    previousStart: payload.previous_starts_at ?? null,
    reason: payload.reason ?? null,
  };
  const intro = await introFor(ctx, event.tenantId, kind);
  const message = customerEmail(booking, kind, intro, ctx.deliveryKey, extras);
  await mailer().send(message);
}

export const customerMessageHandler: EventHandler = {
  name: "notifications.customer-email",
  types: [
    "booking.created",
    "booking.confirmed",
    "booking.declined",
    "booking.rescheduled",
    "booking.cancelled",
  ],
  handle: sendCustomerMessage,
};
