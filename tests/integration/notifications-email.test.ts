import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelBooking, rescheduleBooking } from "@/lib/bookings";
import { closeDatabase, withSystem } from "@/lib/db";
import {
  type DevMailboxMessage,
  listDevMailbox,
  saveMyAlertPreferences,
  sendCustomerMessage,
  sendStaffAlerts,
} from "@/lib/notifications";
import { getManagedBooking } from "@/lib/public-booking";
import {
  bookAsGuest,
  bookingPayload,
  handlerContext,
  hoursAhead,
  notificationWorld,
  outboxEvent,
  type World,
} from "../support/notifications";

let w: World;
beforeAll(async () => {
  w = await notificationWorld();
});
afterAll(closeDatabase);

function calendarOf(message: DevMailboxMessage) {
  const file = message.attachments.find((a) => a.contentType.startsWith("text/calendar"));
  if (!file) throw new Error("no calendar attachment");
  const calendar = new ICAL.Component(ICAL.parse(file.content));
  const event = calendar.getFirstSubcomponent("vevent");
  if (!event) throw new Error("no VEVENT");
  const utc = (name: string) => {
    const value = event.getFirstPropertyValue(name) as ICAL.Time;
    expect(value.zone?.tzid, `${name} is written in UTC`).toBe("UTC");
    return value.toJSDate();
  };
  return {
    method: calendar.getFirstPropertyValue("method"),
    uid: event.getFirstPropertyValue("uid"),
    sequence: Number(event.getFirstPropertyValue("sequence")),
    start: utc("dtstart"),
    end: utc("dtend"),
  };
}

async function mailTo(email: string) {
  return listDevMailbox({ to: email });
}

async function deliver(type: string, bookingId: string, extra: Record<string, unknown> = {}) {
  const event = outboxEvent(w.tenant.id, type, await bookingPayload(w.tenant.id, bookingId, extra));
  await sendCustomerMessage(event, handlerContext());
  return event;
}

describe("customer emails with calendar files", () => {
  it("confirmation carries an .ics whose UID, SEQUENCE and UTC times are the booking's, and a working manage link", async () => {
    const { booking, email } = await bookAsGuest(w, hoursAhead(5));
    await deliver("booking.created", booking.id);
    const [mail] = await mailTo(email);
    expect(mail?.subject).toContain("Confirmed");
    expect(mail?.text).toContain(`Practice ${w.practice.slug}`);
    expect(mail?.text).toContain("Staff 1");
    expect(mail?.text).toContain("Europe/London");
    expect(mail?.headers["Message-ID"]).toMatch(/^<[0-9a-f]{32}@boka\.mail>$/);
    expect(mail?.headers["List-Unsubscribe"]).toBeUndefined();
    const ics = calendarOf(mail as DevMailboxMessage);
    expect(ics).toMatchObject({ method: "REQUEST", uid: `booking-${booking.id}@localhost`, sequence: 0 });
    expect(ics.start.toISOString()).toBe(booking.startAt.toISOString());
    expect(ics.end.toISOString()).toBe(booking.endAt.toISOString());

    const link = /https?:\/\/\S+\/manage\/\S+/.exec(mail?.text ?? "")?.[0] ?? "";
    const url = new URL(link);
    expect(url.origin).toBe("http://localhost:3000");
    const token = url.searchParams.get("token");
    const managed = await getManagedBooking(booking.id, token);
    expect(managed.id).toBe(booking.id);
    await expect(getManagedBooking(booking.id, `${token}x`)).rejects.toThrow("Booking not found");
  });

  it("reschedule keeps the UID with a higher SEQUENCE and states the old time; cancel is METHOD:CANCEL with the reason", async () => {
    const { booking, email } = await bookAsGuest(w, hoursAhead(8));
    await deliver("booking.created", booking.id);
    const moved = await withSystem("test moves the booking", (tx) =>
      rescheduleBooking(tx, w.tenant, booking.id, { start: hoursAhead(9) }, "customer"),
    );
    await deliver("booking.rescheduled", booking.id, { previous_starts_at: booking.startAt.toISOString() });
    const [rescheduled] = await mailTo(email);
    expect(rescheduled?.subject).toContain("Moved");
    const first = calendarOf((await mailTo(email))[1] as DevMailboxMessage);
    const second = calendarOf(rescheduled as DevMailboxMessage);
    expect(second.uid).toBe(first.uid);
    expect(second.sequence).toBeGreaterThan(first.sequence);
    expect(second.start.toISOString()).toBe(moved.startAt.toISOString());

    await withSystem("test cancels", (tx) =>
      cancelBooking(tx, w.tenant.id, booking.id, "customer", "Feeling better"),
    );
    await deliver("booking.cancelled", booking.id, { reason: "Feeling better" });
    const [cancelled] = await mailTo(email);
    expect(cancelled?.subject).toContain("Cancelled");
    expect(cancelled?.text).toContain("Reason: Feeling better");
    const ics = calendarOf(cancelled as DevMailboxMessage);
    expect(ics.method).toBe("CANCEL");
    expect(ics.uid).toBe(first.uid);
    expect(ics.sequence).toBeGreaterThan(second.sequence);
  });

  it("a retried delivery does not send again; another delivery of the event does", async () => {
    const { booking, email } = await bookAsGuest(w, hoursAhead(12));
    const event = outboxEvent(w.tenant.id, "booking.created", await bookingPayload(w.tenant.id, booking.id));
    const ctx = handlerContext();
    await sendCustomerMessage(event, ctx);
    await sendCustomerMessage(event, { ...ctx, attempt: 2 });
    expect(await mailTo(email)).toHaveLength(1);
    await sendCustomerMessage(event, handlerContext());
    expect(await mailTo(email)).toHaveLength(2);
  });

  it("the customer's own zone is used for the time, with the practice's zone stated", async () => {
    const { booking, email } = await bookAsGuest(
      w,
      hoursAhead(14),
      {},
      { customerTimeZone: "America/New_York" },
    );
    await deliver("booking.created", booking.id);
    const [mail] = await mailTo(email);
    expect(mail?.text).toMatch(/\(America\/New_York time\) — \d\d:\d\d at the practice \(Europe\/London\)/);
  });

  it("staff get an alert for a customer's booking unless they turned it off", async () => {
    const { booking } = await bookAsGuest(w, hoursAhead(16));
    const event = outboxEvent(w.tenant.id, "booking.created", await bookingPayload(w.tenant.id, booking.id));
    await sendStaffAlerts(event, handlerContext());
    const [alert] = await mailTo(w.practice.owner.email);
    expect(alert?.subject).toContain("New booking");
    expect(alert?.text).toContain("/dashboard/bookings?from=");

    await saveMyAlertPreferences(w.practice.owner.actor, {
      new_booking: false,
      booking_request: true,
      booking_cancelled: true,
      booking_rescheduled: true,
    });
    const before = (await mailTo(w.practice.owner.email)).length;
    await sendStaffAlerts(event, handlerContext());
    expect(await mailTo(w.practice.owner.email)).toHaveLength(before);
    const staffMade = outboxEvent(
      w.tenant.id,
      "booking.cancelled",
      await bookingPayload(w.tenant.id, booking.id, { actor: "staff" }),
    );
    await sendStaffAlerts(staffMade, handlerContext());
    expect(await mailTo(w.practice.owner.email)).toHaveLength(before);
  });
});
