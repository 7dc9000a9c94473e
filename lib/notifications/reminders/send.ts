import type { EventHandler, HandlerContext, OutboxEvent } from "@/lib/events";
import { mailer } from "@/lib/mail";
import { customerEmail, manageUrl } from "../compose";
import { introFor, loadForMessage } from "../customer-messages";
import { toE164 } from "../fields";
import { ScheduledMessagePayload } from "../payload";
import { textOnce } from "../sends";
import { isOptedOut, smsProvider } from "../sms";
import { describeWhen } from "../templates/when";
import { isUnsubscribed } from "../unsubscribe";

/**
 * A reminder goes only to a booking that is still confirmed, still at the start it was planned for,
 * and not yet begun; the planner also cancels and moves reminder rows with the booking, so these
 * checks are the last word when a row slipped through (or the worker was down past the start).
 */
export async function sendReminder(event: OutboxEvent, ctx: HandlerContext, now = new Date()): Promise<void> {
  const payload = ScheduledMessagePayload.parse(event.payload);
  const b = await loadForMessage(ctx, event.tenantId, payload.booking_id);
  const skip = !b
    ? "booking gone"
    : b.status !== "confirmed"
      ? `booking is ${b.status}`
      : b.startAt.getTime() !== payload.starts_at.getTime()
        ? "booking moved"
        : b.startAt <= now
          ? "booking has started"
          : null;
  if (skip || !b) {
    ctx.log.info({ bookingId: payload.booking_id, skip }, "reminder not sent");
    return;
  }
  const refused = await ctx.system("reminders: has the customer unsubscribed from reminder mail", (tx) =>
    isUnsubscribed(tx, event.tenantId, b.customer.email),
  );
  if (!refused) {
    const message = customerEmail(
      b,
      "booking_reminder",
      await introFor(ctx, event.tenantId, "booking_reminder"),
      ctx.deliveryKey,
    );
    await mailer().send(message);
  }
  const phone = toE164(b.customer.phone);
  const provider = smsProvider();
  if (!phone || !provider || !b.practice.smsReminders) return;
  const optedOut = await ctx.system("reminders: has this number replied STOP", (tx) => isOptedOut(tx, phone));
  if (optedOut) return;
  const when = describeWhen(b.startAt, b.practice.timeZone, b.customerTimeZone);
  const body = `Reminder: ${b.serviceName} at ${b.practice.name}, ${when}. Manage: ${manageUrl(b)} Reply STOP to opt out.`;
  await textOnce(
    ctx.system,
    {
      tenantId: event.tenantId,
      deliveryKey: ctx.deliveryKey,
      channel: "sms",
      recipient: phone,
      kind: "booking_reminder",
    },
    () => provider.send({ to: phone, body, tenantId: event.tenantId, tag: "booking.reminder" }),
  );
}

/** The optional thank-you after the visit: not for a cancelled booking or a no-show. */
export async function sendThankYou(event: OutboxEvent, ctx: HandlerContext): Promise<void> {
  const payload = ScheduledMessagePayload.parse(event.payload);
  const b = await loadForMessage(ctx, event.tenantId, payload.booking_id);
  if (!b || !["confirmed", "completed"].includes(b.status) || !b.practice.thankYouEnabled) return;
  if (b.startAt.getTime() !== payload.starts_at.getTime()) return;
  const refused = await ctx.system("thank-you: has the customer unsubscribed", (tx) =>
    isUnsubscribed(tx, event.tenantId, b.customer.email),
  );
  if (refused) return;
  const message = customerEmail(
    b,
    "booking_thank_you",
    await introFor(ctx, event.tenantId, "booking_thank_you"),
    ctx.deliveryKey,
  );
  await mailer().send(message);
}

export const reminderHandler: EventHandler = {
  name: "notifications.reminder",
  types: ["booking.reminder"],
  handle: (event, ctx) => sendReminder(event, ctx),
};

export const thankYouHandler: EventHandler = {
  name: "notifications.thank-you",
  types: ["booking.thank_you"],
  handle: sendThankYou,
};
