import { config } from "@/lib/config";
import type { EventHandler, HandlerContext, OutboxEvent } from "@/lib/events";
import { mailer } from "@/lib/mail";
import { type AlertKind, alertRecipients } from "./alert-preferences";
import { mailDedupeKey } from "./compose";
import { loadForMessage } from "./customer-messages";
import { BookingEventPayload } from "./payload";
import { describeWhen } from "./templates/when";

/** Staff hear of what customers (and the confirmation window) did, not of their own changes. */
export function alertKindFor(type: string, p: BookingEventPayload): AlertKind | null {
  if (p.actor === "staff") return null;
  if (type === "booking.created") return p.status === "pending" ? "booking_request" : "new_booking";
  if (type === "booking.cancelled") return "booking_cancelled";
  if (type === "booking.rescheduled" && p.actor === "customer") return "booking_rescheduled";
  return null;
}

const SUBJECT: Record<AlertKind, string> = {
  new_booking: "New booking",
  booking_request: "Request to confirm",
  booking_cancelled: "Cancelled",
  booking_rescheduled: "Moved by the customer",
};

export async function sendStaffAlerts(event: OutboxEvent, ctx: HandlerContext): Promise<void> {
  const p = BookingEventPayload.parse(event.payload);
  const kind = alertKindFor(event.type, p);
  if (!kind) return;
  const b = await loadForMessage(ctx, event.tenantId, p.booking_id);
  if (!b) return;
  const recipients = await ctx.system("staff alerts: who in the practice wants this alert (worker)", (tx) =>
    alertRecipients(tx, event.tenantId, kind, b.staffUserId),
  );
  const when = describeWhen(p.starts_at, b.practice.timeZone, null);
  const day = p.starts_at.toISOString().slice(0, 10);
  const dashboard = new URL(
    `/dashboard/bookings?from=${day}${kind === "booking_request" ? "&status=pending" : ""}`,
    config().APP_URL,
  );
  const lines = [
    `${SUBJECT[kind]}: ${b.serviceName} with ${b.staffName}, ${when}.`,
    `Customer: ${b.customer.name} <${b.customer.email}>${b.customer.phone ? `, ${b.customer.phone}` : ""}`,
    ...(p.previous_starts_at
      ? [`Was: ${describeWhen(p.previous_starts_at, b.practice.timeZone, null)}`]
      : []),
    ...(p.reason ? [`Reason: ${p.reason}`] : []),
    ...(kind === "booking_request" && b.confirmBy
      ? [
          `Confirm or decline by ${describeWhen(b.confirmBy, b.practice.timeZone, null)}, or it is declined automatically.`,
        ]
      : []),
    `${kind === "booking_request" ? "Confirm or decline" : "Open"} in the dashboard: ${dashboard}`,
    "Choose which alerts you get under Account → Alerts.",
  ];
  for (const r of recipients) {
    await mailer().send({
      to: r.email,
      subject: `${SUBJECT[kind]}: ${b.serviceName}, ${when}`.slice(0, 300),
      text: lines.join("\n\n"),
      tenantId: event.tenantId,
      tag: `staff.${kind.replace(/_/g, "-")}`,
      dedupeKey: mailDedupeKey(ctx.deliveryKey, r.email),
    });
  }
}

export const staffAlertHandler: EventHandler = {
  name: "notifications.staff-alerts",
  types: ["booking.created", "booking.cancelled", "booking.rescheduled"],
  handle: sendStaffAlerts,
};
