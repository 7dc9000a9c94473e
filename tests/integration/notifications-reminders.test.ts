import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cancelBooking,
  declineUnanswered,
  NOT_CONFIRMED_IN_TIME,
  reminderInstants,
  rescheduleBooking,
  SlotUnavailable,
} from "@/lib/bookings";
import { closeDatabase, tables, withSystem } from "@/lib/db";
import {
  listDevMailbox,
  listDevSms,
  sendCustomerMessage,
  sendReminder,
  unsubscribe,
  unsubscribeUrl,
} from "@/lib/notifications";
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

const HOUR = 3_600_000;

async function scheduled(bookingId: string, status = "pending") {
  const rows = await withSystem("test reads scheduled events", (tx) =>
    tx
      .select()
      .from(tables.outbox)
      .where(
        and(
          eq(tables.outbox.tenantId, w.tenant.id),
          eq(tables.outbox.subjectId, bookingId),
          eq(tables.outbox.status, status as "pending"),
        ),
      ),
  );
  return rows.sort((a, b) => a.availableAt.getTime() - b.availableAt.getTime());
}

describe("reminder instants", () => {
  it("are elapsed time before the start, across a DST change (Europe/London spring forward)", () => {
    // 10:00 BST on Sunday 29 March 2026, the day the clocks go forward at 01:00 GMT.
    const start = new Date("2026-03-29T09:00:00Z");
    const now = new Date("2026-03-01T00:00:00Z");
    expect(reminderInstants(start, [1440, 120], now).map((r) => r.at.toISOString())).toEqual([
      "2026-03-28T09:00:00.000Z", // 09:00 GMT the day before: 24 real hours, not "same wall time"
      "2026-03-29T07:00:00.000Z", // 08:00 BST
    ]);
  });

  it("are elapsed time across fall-back too (America/New_York, 1 November 2026)", () => {
    const start = new Date("2026-11-01T15:00:00Z"); // 10:00 EST, after the 02:00 EDT fall-back
    expect(reminderInstants(start, [1440], new Date(0))[0]?.at.toISOString()).toBe(
      "2026-10-31T15:00:00.000Z",
    );
  });

  it("none in the past", () => {
    const start = new Date(Date.now() + 3 * HOUR);
    expect(reminderInstants(start, [1440, 120], new Date()).map((r) => r.offset)).toEqual([120]);
  });
});

describe("planned reminders follow the booking", () => {
  it("are scheduled on booking, moved on reschedule, cancelled on cancel", async () => {
    const { booking } = await bookAsGuest(w, hoursAhead(30));
    const planned = (await scheduled(booking.id)).filter((r) => r.type === "booking.reminder");
    expect(planned.map((r) => [r.type, r.availableAt.toISOString()])).toEqual([
      ["booking.reminder", new Date(booking.startAt.getTime() - 24 * HOUR).toISOString()],
      ["booking.reminder", new Date(booking.startAt.getTime() - 2 * HOUR).toISOString()],
    ]);

    const moved = await withSystem("test moves", (tx) =>
      rescheduleBooking(tx, w.tenant, booking.id, { start: hoursAhead(33) }, "customer"),
    );
    const replanned = (await scheduled(booking.id)).filter((r) => r.type === "booking.reminder");
    expect(replanned.map((r) => r.availableAt.toISOString())).toEqual([
      new Date(moved.startAt.getTime() - 24 * HOUR).toISOString(),
      new Date(moved.startAt.getTime() - 2 * HOUR).toISOString(),
    ]);
    expect(
      (await scheduled(booking.id, "cancelled")).filter((r) => r.type === "booking.reminder"),
    ).toHaveLength(2);

    await withSystem("test cancels", (tx) => cancelBooking(tx, w.tenant.id, booking.id, "customer"));
    expect((await scheduled(booking.id)).filter((r) => r.type === "booking.reminder")).toEqual([]);
  });
});

describe("sending a reminder", () => {
  const reminderFor = async (bookingId: string, startsAt: Date) =>
    outboxEvent(w.tenant.id, "booking.reminder", {
      booking_id: bookingId,
      starts_at: startsAt.toISOString(),
      offset_minutes: 120,
    });

  it("emails and texts a confirmed booking once, with one-click unsubscribe headers", async () => {
    const phone = "+447911123456";
    const { booking, email } = await bookAsGuest(w, hoursAhead(40), { phone });
    const event = await reminderFor(booking.id, booking.startAt);
    const ctx = handlerContext();
    await sendReminder(event, ctx);
    await sendReminder(event, { ...ctx, attempt: 2 });
    const mails = await listDevMailbox({ to: email });
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain("Reminder");
    expect(mails[0]?.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(mails[0]?.headers["List-Unsubscribe"]).toMatch(/^<http:\/\/localhost:3000\/unsubscribe\?/);
    const texts = (await listDevSms(200)).filter((t) => t.to === phone && t.body.includes(booking.id));
    expect(texts).toHaveLength(1);
    expect(texts[0]?.body).toContain("Reply STOP");
  });

  it("is not sent for a moved, cancelled or started booking, nor by email after unsubscribing", async () => {
    const { booking: movedAway, email: movedEmail } = await bookAsGuest(w, hoursAhead(44));
    await sendReminder(
      await reminderFor(movedAway.id, new Date(movedAway.startAt.getTime() - HOUR)),
      handlerContext(),
    );
    expect(await listDevMailbox({ to: movedEmail })).toEqual([]);

    const { booking: cancelled, email: cancelledEmail } = await bookAsGuest(w, hoursAhead(46));
    await withSystem("test cancels", (tx) => cancelBooking(tx, w.tenant.id, cancelled.id, "customer"));
    await sendReminder(await reminderFor(cancelled.id, cancelled.startAt), handlerContext());
    expect(await listDevMailbox({ to: cancelledEmail })).toEqual([]);

    const { booking: soon, email: soonEmail } = await bookAsGuest(w, hoursAhead(48));
    await sendReminder(
      await reminderFor(soon.id, soon.startAt),
      handlerContext(),
      new Date(soon.startAt.getTime() + 1),
    );
    expect(await listDevMailbox({ to: soonEmail })).toEqual([]);

    const { booking: refusing, email: refusingEmail } = await bookAsGuest(w, hoursAhead(50));
    const header = (await listDevMailbox({ limit: 200 })).find((m) => m.headers["List-Unsubscribe"]);
    const link = new URL(
      /^<(.+)>$/.exec(header?.headers["List-Unsubscribe"] ?? "")?.[1] ?? "http://x/?t=&e=&s=",
    );
    const forged = { t: w.tenant.id, e: refusingEmail, s: link.searchParams.get("s") ?? "" };
    expect(await unsubscribe(forged)).toBe(false);
    const genuine = new URL(unsubscribeUrl(w.tenant.id, refusingEmail));
    expect(
      await unsubscribe({
        t: genuine.searchParams.get("t") ?? "",
        e: genuine.searchParams.get("e") ?? "",
        s: genuine.searchParams.get("s") ?? "",
      }),
    ).toBe(true);
    await sendReminder(await reminderFor(refusing.id, refusing.startAt), handlerContext());
    expect(await listDevMailbox({ to: refusingEmail })).toEqual([]);
  });
});

describe("confirmation window", () => {
  it("a request blocks its slot for the window, is declined at the end, and the customer is told", async () => {
    await withSystem("test: service needs confirmation", (tx) =>
      tx
        .update(tables.services)
        .set({ requiresConfirmation: true })
        .where(eq(tables.services.id, w.schedule.serviceId)),
    );
    try {
      const before = Date.now();
      const { booking, email } = await bookAsGuest(w, hoursAhead(60));
      expect(booking.status).toBe("pending");
      const window = w.tenant.confirmationWindowMinutes * 60_000;
      expect(window).toBe(24 * HOUR);
      expect(booking.confirmBy?.getTime()).toBeGreaterThanOrEqual(before + window);
      expect(booking.holdExpiresAt?.getTime()).toBe(booking.confirmBy?.getTime());
      // Long after the old 10-minute hold, the slot is still taken.
      await expect(bookAsGuest(w, hoursAhead(60), {}, { holdForConfirmation: false })).rejects.toBeInstanceOf(
        SlotUnavailable,
      );

      const [due] = (await scheduled(booking.id)).filter((r) => r.type === "booking.confirmation_due");
      expect(due?.type).toBe("booking.confirmation_due");
      expect(due?.availableAt.toISOString()).toBe(booking.confirmBy?.toISOString());

      expect(await declineUnanswered(withSystem, w.tenant.id, booking.id)).toBeNull();
      const end = new Date((booking.confirmBy as Date).getTime() + 1);
      const declined = await declineUnanswered(withSystem, w.tenant.id, booking.id, end);
      expect(declined).toMatchObject({
        status: "cancelled",
        cancelReason: NOT_CONFIRMED_IN_TIME,
        cancelledBy: "system",
      });
      const [event] = await scheduled(booking.id).then((rows) =>
        rows.filter((r) => r.type === "booking.declined"),
      );
      expect(event?.payload).toMatchObject({ actor: "system", reason: NOT_CONFIRMED_IN_TIME });

      await sendCustomerMessage(
        outboxEvent(
          w.tenant.id,
          "booking.declined",
          await bookingPayload(w.tenant.id, booking.id, { actor: "system" }),
        ),
        handlerContext(),
      );
      const [mail] = await listDevMailbox({ to: email });
      expect(mail?.subject).toContain("Not confirmed");
      expect(mail?.text).toContain(`Reason: ${NOT_CONFIRMED_IN_TIME}`);
      // Declining twice is a no-op.
      expect(await declineUnanswered(withSystem, w.tenant.id, booking.id, end)).toBeNull();
    } finally {
      await withSystem("test: restore service", (tx) =>
        tx
          .update(tables.services)
          .set({ requiresConfirmation: false })
          .where(eq(tables.services.id, w.schedule.serviceId)),
      );
    }
  });
});
