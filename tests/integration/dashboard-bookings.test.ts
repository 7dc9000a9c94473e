import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportCsv } from "@/app/dashboard/bookings/export/route";
import { createSession, sessionCookieName } from "@/lib/auth";
import {
  bookForCustomer,
  bookingDetail,
  bookingsToCsv,
  calendarView,
  cancelBookingAtDesk,
  changeBookingStatus,
  explainDeskSlot,
  exportBookings,
  listBookings,
  rescheduleAtDesk,
  SlotUnavailable,
  toCsv,
} from "@/lib/bookings";
import type { DeskBookingFields } from "@/lib/bookings/fields";
import { closeDatabase, tables, withSystem } from "@/lib/db";
import { Forbidden, NotFound, ValidationFailed } from "@/lib/errors";
import { addDays, localDateOf } from "@/lib/scheduling";
import { addMember, createPractice, type TestPractice } from "../support/factory";
import { createSchedule, type TestSchedule } from "../support/schedule";

let practice: TestPractice;
let schedule: TestSchedule;
let staff: Awaited<ReturnType<typeof addMember>>;
let manager: Awaited<ReturnType<typeof addMember>>;
/** Three days ahead in the practice's zone (London): inside the test staff's 24/7 hours and the horizon. */
let day: string;
let mine: string;
let theirs: string;

beforeAll(async () => {
  practice = await createPractice();
  schedule = await createSchedule(practice.tenantId, { staffCount: 2 });
  staff = await addMember(practice.tenantId, "staff");
  manager = await addMember(practice.tenantId, "manager");
  [mine = "", theirs = ""] = schedule.staffIds;
  await withSystem("test links a staff login to its staff record", (tx) =>
    tx.update(tables.staffMembers).set({ userId: staff.userId }).where(eq(tables.staffMembers.id, mine)),
  );
  day = addDays(localDateOf(Date.now(), "Europe/London"), 3);
});
afterAll(closeDatabase);

const desk = (overrides: Partial<DeskBookingFields>): DeskBookingFields => ({
  serviceId: schedule.serviceId,
  staffId: mine,
  date: day,
  time: "10:00",
  customerMode: "existing",
  customerId: schedule.customerId,
  name: "",
  email: "",
  phone: "",
  notes: "",
  ...overrides,
});

describe("booking from the dashboard", () => {
  it("a manager books a customer; a conflicting booking is SlotUnavailable with the desk's words", async () => {
    const booking = await bookForCustomer(manager.actor, desk({ time: "09:00" }));
    expect(booking).toMatchObject({ status: "confirmed", source: "dashboard", createdBy: manager.userId });
    const clash = bookForCustomer(practice.owner.actor, desk({ time: "09:30" }));
    await expect(clash).rejects.toBeInstanceOf(SlotUnavailable);
    await expect(clash).rejects.toThrow("That time was just taken — please pick another.");
    // The engine says why: the massage at 09:00 runs until 10:00.
    const reasons = await explainDeskSlot(manager.actor, {
      serviceId: schedule.serviceId,
      staffId: mine,
      date: day,
      time: "09:30",
    });
    expect(reasons.map((r) => r.code)).toContain("booked");
    expect(
      await explainDeskSlot(manager.actor, {
        serviceId: schedule.serviceId,
        staffId: mine,
        date: day,
        time: "15:00",
      }),
    ).toEqual([]);
  });

  it("a new customer typed in at the desk is created, or matched by email without overwriting", async () => {
    const email = `walk-in-${Date.now()}@example.test`;
    const first = await bookForCustomer(
      manager.actor,
      desk({ time: "11:30", customerMode: "new", name: "Walk In", email, phone: "" }),
    );
    const second = await bookForCustomer(
      manager.actor,
      desk({
        staffId: theirs,
        time: "11:30",
        customerMode: "new",
        name: "Someone Else",
        email: email.toUpperCase(),
      }),
    );
    expect(second.customerId).toBe(first.customerId);
    expect((await bookingDetail(manager.actor, second.id)).customer.name).toBe("Walk In");
  });

  it("rescheduling into a conflict leaves the original booking as it was", async () => {
    const a = await bookForCustomer(manager.actor, desk({ staffId: theirs, time: "13:00" }));
    await bookForCustomer(manager.actor, desk({ staffId: theirs, time: "15:00" }));
    const move = rescheduleAtDesk(manager.actor, {
      bookingId: a.id,
      date: day,
      time: "15:00",
      staffId: theirs,
    });
    await expect(move).rejects.toThrow("That time was just taken — please pick another.");
    expect((await bookingDetail(manager.actor, a.id)).startAt).toEqual(a.startAt);
    const moved = await rescheduleAtDesk(manager.actor, {
      bookingId: a.id,
      date: day,
      time: "17:00",
      staffId: theirs,
    });
    expect(moved.startAt.getTime() - a.startAt.getTime()).toBe(4 * 3_600_000);
    expect((await bookingDetail(manager.actor, a.id)).events.map((e) => e.action)).toEqual([
      "created",
      "rescheduled",
    ]);
  });
});

describe("staff see and change only their own diary", () => {
  let myBooking: string;
  let theirBooking: string;
  beforeAll(async () => {
    myBooking = (await bookForCustomer(staff.actor, desk({ time: "19:00" }))).id;
    theirBooking = (await bookForCustomer(manager.actor, desk({ staffId: theirs, time: "19:00" }))).id;
  });

  it("the calendar shows a staff login only its own column and bookings; the owner sees everyone", async () => {
    const own = await calendarView(staff.actor, { start: day, view: "day" });
    expect(own.staff.map((s) => s.id)).toEqual([mine]);
    expect(own.bookings.map((b) => b.staffId)).not.toContain(theirs);
    expect(own.bookings.map((b) => b.id)).toContain(myBooking);
    const all = await calendarView(practice.owner.actor, { start: day, view: "week" });
    expect(new Set(all.staff.map((s) => s.id))).toEqual(new Set([mine, theirs]));
    expect(all.bookings.map((b) => b.id)).toEqual(expect.arrayContaining([myBooking, theirBooking]));
    const segment = all.bookings.find((b) => b.id === myBooking)?.segments;
    expect(segment).toEqual([{ day, from: 19 * 60, to: 20 * 60 }]);
  });

  it("a staff login cannot read, change or book into someone else's diary", async () => {
    await expect(bookingDetail(staff.actor, theirBooking)).rejects.toBeInstanceOf(NotFound);
    await expect(
      changeBookingStatus(staff.actor, { bookingId: theirBooking, action: "complete" }),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(
      cancelBookingAtDesk(staff.actor, { bookingId: theirBooking, reason: "not mine" }),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(
      bookForCustomer(staff.actor, desk({ staffId: theirs, time: "21:00" })),
    ).rejects.toBeInstanceOf(Forbidden);
    await expect(
      rescheduleAtDesk(staff.actor, { bookingId: myBooking, date: day, time: "21:00", staffId: theirs }),
    ).rejects.toBeInstanceOf(Forbidden);
    const list = await listBookings(staff.actor, {});
    expect(list.rows.length).toBeGreaterThan(0);
    expect(list.rows.every((r) => r.staffId === mine)).toBe(true);
  });

  it("a staff login books seats of its own group class", async () => {
    const seat = { serviceId: schedule.groupServiceId, time: "06:00" };
    const a = await bookForCustomer(staff.actor, desk(seat));
    const email = `seat-${Date.now()}@example.test`;
    const b = await bookForCustomer(
      staff.actor,
      desk({ ...seat, customerMode: "new", name: "Second Seat", email }),
    );
    expect(b.sessionKey).toBe(a.sessionKey);
  });

  it("a staff login changes its own bookings, and the history records who", async () => {
    const cancelled = await cancelBookingAtDesk(staff.actor, {
      bookingId: myBooking,
      reason: "Client phoned",
    });
    expect(cancelled).toMatchObject({ status: "cancelled", cancelReason: "Client phoned" });
    expect(cancelled.cancelledBy).toBe(`staff:${staff.userId}`);
    const own = await calendarView(staff.actor, { start: day, view: "day" });
    expect(own.bookings.map((b) => b.id)).not.toContain(myBooking);
  });
});

describe("bookings list and CSV", () => {
  it("filters by status, staff, service, customer text and dates, with a total for paging", async () => {
    const email = `filter-${Date.now()}@example.test`;
    const b = await bookForCustomer(
      manager.actor,
      desk({ staffId: theirs, time: "22:00", customerMode: "new", name: "Filter Target", email }),
    );
    const one = await listBookings(manager.actor, { customer: "filter target" });
    expect(one.rows.map((r) => r.id)).toEqual([b.id]);
    expect(one.total).toBe(1);
    expect((await listBookings(manager.actor, { customer: email.slice(0, 12) })).total).toBe(1);
    expect(
      (await listBookings(manager.actor, { customer: "Filter Target", status: "cancelled" })).total,
    ).toBe(0);
    expect((await listBookings(manager.actor, { customer: "Filter Target", staffId: mine })).total).toBe(0);
    expect(
      (await listBookings(manager.actor, { customer: "Filter Target", serviceId: schedule.groupServiceId }))
        .total,
    ).toBe(0);
    expect((await listBookings(manager.actor, { customer: "Filter Target", from: day, to: day })).total).toBe(
      1,
    );
    expect(
      (
        await listBookings(manager.actor, {
          customer: "Filter Target",
          from: addDays(day, 1),
          to: addDays(day, 2),
        })
      ).total,
    ).toBe(0);
    const all = await listBookings(manager.actor, { from: day, to: day });
    expect(all.total).toBeGreaterThanOrEqual(6);
    expect(all.rows.map((r) => r.startAt.getTime())).toEqual(
      [...all.rows.map((r) => r.startAt.getTime())].sort((a, b) => a - b),
    );
    await expect(listBookings(manager.actor, { from: "2030-02-30" })).rejects.toBeInstanceOf(
      ValidationFailed,
    );
  });

  it("escapes commas, quotes and newlines, and defuses spreadsheet formulas", async () => {
    expect(toCsv(["a", "b"], [["plain", 'say "hi", then\nleave']])).toBe(
      'a,b\r\nplain,"say ""hi"", then\nleave"\r\n',
    );
    expect(toCsv(["x"], [["=HYPERLINK(1)"], [null], [42]])).toBe("x\r\n'=HYPERLINK(1)\r\n\r\n42\r\n");

    const tricky = 'O\'Brien, "Bea"\nSecond line';
    await bookForCustomer(
      manager.actor,
      desk({ time: "23:00", customerMode: "new", name: tricky, email: `csv-${Date.now()}@example.test` }),
    );
    const { rows, timeZone } = await exportBookings(manager.actor, { customer: "O'Brien" });
    expect(rows).toHaveLength(1);
    const csv = bookingsToCsv(rows, timeZone);
    expect(csv).toContain('"O\'Brien, ""Bea""\nSecond line"');
    expect(csv.split("\r\n")[1]).toContain(`,${day},23:00,00:00,Europe/London,`);
    expect(csv.split("\r\n")[1]).toContain(",60.00,GBP,dashboard,");
  });

  it("the export route needs a team session, honours the filters and downloads as an attachment", async () => {
    const url = `http://localhost:3000/dashboard/bookings/export?customer=${encodeURIComponent("O'Brien")}`;
    const call = (cookie?: string) =>
      exportCsv(new Request(url, { headers: cookie ? { cookie } : {} }), { params: Promise.resolve({}) });
    expect((await call()).status).toBe(401);
    const customer = await addMember(practice.tenantId, "customer");
    const asCustomer = await createSession(customer.userId, practice.tenantId, {});
    expect((await call(`${sessionCookieName()}=${asCustomer.token}`)).status).toBe(403);

    const { token } = await createSession(manager.userId, practice.tenantId, {});
    const response = await call(`${sessionCookieName()}=${token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="bookings-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A UTF-8 byte-order mark first, so spreadsheet apps read accented names correctly.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split("\r\n");
    expect(lines[0]).toBe(
      "Booking ID,Date,Start,End,Time zone,Start (UTC),Status,Service,Staff,Customer,Email,Phone,Price,Currency,Source,Notes,Cancel reason,Created (UTC)",
    );
    expect(lines.filter(Boolean)).toHaveLength(2);

    const bad = await exportCsv(
      new Request("http://localhost:3000/dashboard/bookings/export?from=yesterday", {
        headers: { cookie: `${sessionCookieName()}=${token}` },
      }),
      { params: Promise.resolve({}) },
    );
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
  });
});
