import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/reports/route";
import { GET as exportCsv } from "@/app/dashboard/reports/export/route";
import { cancelBooking, changeStatus, createBooking, customerForGuest } from "@/lib/bookings";
import type { TenantRecord } from "@/lib/catalogue";
import { closeDatabase, tables, withSystem } from "@/lib/db";
import { Forbidden, ValidationFailed } from "@/lib/errors";
import { practiceReport } from "@/lib/reports";
import { addDays, DAY, localDateOf, localToInstant, minuteOfDay } from "@/lib/scheduling";
import { addMember, createPractice, type TestPractice } from "../support/factory";
import { signedInAs } from "../support/http";
import { createSchedule, type TestSchedule } from "../support/schedule";

type Member = Awaited<ReturnType<typeof addMember>>;

// Sydney is 10–11 hours ahead of UTC: a morning booking falls on the previous UTC day, so local-day
// boundaries are really tested.
const ZONE = "Australia/Sydney";
let practice: TestPractice;
let schedule: TestSchedule;
let tenant: TenantRecord;
let other: TestPractice;
let staff: Member;
let unlinkedStaff: Member;
let manager: Member;
let customer: Member;
let mine: string;
let theirs: string;
let today: string;
/** Ten days ago and two days ahead, local to the practice. */
let d: string;
let f: string;

async function tenantRecord(tenantId: string): Promise<TenantRecord> {
  const [row] = await withSystem("test reads a practice", (tx) =>
    tx.select().from(tables.tenants).where(eq(tables.tenants.id, tenantId)),
  );
  if (!row) throw new Error("no tenant");
  return row;
}

/** Books through the real lifecycle "a day before" the start, so past dates can be booked. */
async function book(
  t: TenantRecord,
  o: { serviceId: string; staffId: string; date: string; time: string; customerId: string },
  hold?: "live" | "stale",
) {
  const start = new Date(localToInstant(t.timeZone, o.date, minuteOfDay(o.time)));
  // A live hold is made now, so it still holds; anything else is made the day before it starts.
  const madeAt = hold === "live" ? new Date() : new Date(start.getTime() - DAY);
  const { booking } = await withSystem("test books", (tx) =>
    createBooking(
      tx,
      t,
      { ...o, start, source: "dashboard", holdForConfirmation: hold !== undefined, publicOnly: false },
      "system",
      madeAt,
    ),
  );
  return booking;
}

async function outcome(
  t: TenantRecord,
  booking: { id: string; startAt: Date },
  action: "complete" | "no_show",
) {
  const after = new Date(booking.startAt.getTime() + 2 * 3_600_000);
  await withSystem("test marks an outcome", (tx) =>
    changeStatus(tx, t.id, booking.id, action, "system", after),
  );
}

beforeAll(async () => {
  practice = await createPractice({ timeZone: ZONE, currency: "GBP" });
  schedule = await createSchedule(practice.tenantId, { staffCount: 2 });
  tenant = await tenantRecord(practice.tenantId);
  [mine = "", theirs = ""] = schedule.staffIds;
  [staff, unlinkedStaff, manager, customer] = await Promise.all([
    addMember(practice.tenantId, "staff"),
    addMember(practice.tenantId, "staff"),
    addMember(practice.tenantId, "manager"),
    addMember(practice.tenantId, "customer"),
  ]);
  await withSystem("test links a staff login and makes facials need confirmation", async (tx) => {
    await tx
      .update(tables.staffMembers)
      .set({ userId: staff.userId })
      .where(eq(tables.staffMembers.id, mine));
    await tx
      .update(tables.services)
      .set({ requiresConfirmation: true })
      .where(eq(tables.services.id, schedule.roomServiceId));
  });
  today = localDateOf(Date.now(), ZONE);
  d = addDays(today, -10);
  f = addDays(today, 2);
  const { serviceId: massage, groupServiceId: yoga, roomServiceId: facial, customerId } = schedule;
  const second = await withSystem("test adds a customer", (tx) =>
    customerForGuest(tx, tenant.id, { name: "Sam Second", email: "sam@example.test" }),
  );
  const a = { staffId: mine, customerId };
  const b = { staffId: theirs, customerId };

  // Mine: completed, no-show, confirmed, cancelled, a class of two completed, a stale and a live hold.
  await outcome(tenant, await book(tenant, { ...a, serviceId: massage, date: d, time: "09:00" }), "complete");
  await outcome(tenant, await book(tenant, { ...a, serviceId: massage, date: d, time: "11:00" }), "no_show");
  await book(tenant, { ...a, serviceId: massage, date: d, time: "13:00" });
  const cancelled = await book(tenant, { ...a, serviceId: massage, date: d, time: "15:00" });
  await withSystem("test cancels", (tx) => cancelBooking(tx, tenant.id, cancelled.id, "system"));
  await outcome(tenant, await book(tenant, { ...a, serviceId: yoga, date: d, time: "17:00" }), "complete");
  const seat = await book(tenant, { ...a, customerId: second, serviceId: yoga, date: d, time: "17:00" });
  await outcome(tenant, seat, "complete");
  await book(tenant, { ...a, serviceId: facial, date: d, time: "19:00" }, "stale");
  // Outside [d, f]: the evening before d (local), and forty days before d.
  await outcome(
    tenant,
    await book(tenant, { ...a, serviceId: massage, date: addDays(d, -1), time: "23:00" }),
    "complete",
  );
  await outcome(
    tenant,
    await book(tenant, { ...a, serviceId: massage, date: addDays(d, -40), time: "10:00" }),
    "complete",
  );
  await book(tenant, { ...a, serviceId: facial, date: f, time: "10:00" }, "live");

  // Theirs: 2 completed at 60.00, a no-show, then the price changes: the snapshot keeps each price.
  await outcome(tenant, await book(tenant, { ...b, serviceId: massage, date: d, time: "09:00" }), "complete");
  await outcome(tenant, await book(tenant, { ...b, serviceId: massage, date: d, time: "10:30" }), "complete");
  await outcome(tenant, await book(tenant, { ...b, serviceId: massage, date: d, time: "12:00" }), "no_show");
  await withSystem("test changes a price", (tx) =>
    tx.update(tables.services).set({ priceCents: 7525 }).where(eq(tables.services.id, massage)),
  );
  await outcome(tenant, await book(tenant, { ...b, serviceId: massage, date: d, time: "14:00" }), "complete");
  await outcome(tenant, await book(tenant, { ...b, serviceId: massage, date: d, time: "16:00" }), "no_show");

  // Another practice (JPY, though its services are priced in GBP) where the manager is also an owner.
  other = await createPractice({ timeZone: ZONE, currency: "JPY" });
  const otherSchedule = await createSchedule(other.tenantId, { staffCount: 1 });
  const otherTenant = await tenantRecord(other.tenantId);
  await withSystem("test gives the manager a second practice", (tx) =>
    tx.insert(tables.memberships).values({ tenantId: other.tenantId, userId: manager.userId, role: "owner" }),
  );
  const foreign = await book(otherTenant, {
    serviceId: otherSchedule.serviceId,
    staffId: otherSchedule.staffIds[0] ?? "",
    customerId: otherSchedule.customerId,
    date: d,
    time: "09:00",
  });
  await outcome(otherTenant, foreign, "complete");
});
afterAll(closeDatabase);

const counts = (
  confirmed: number,
  completed: number,
  noShow: number,
  cancelled: number,
  pending: number,
) => ({
  confirmed,
  completed,
  noShow,
  cancelled,
  pending,
});
const MINE = {
  bookings: counts(1, 3, 1, 1, 1),
  bookedMinutes: 4 * 60, // the class of two counts once
  revenueMinor: 6000 + 6000 + 2 * 1500,
  noShowRate: 0.25,
};
const THEIRS = {
  bookings: counts(0, 3, 2, 0, 0),
  bookedMinutes: 5 * 60,
  revenueMinor: 6000 + 6000 + 7525,
  noShowRate: 0.4,
};

describe("practice report (lib)", () => {
  it("owners and managers see every staff member and practice totals, all in SQL", async () => {
    const report = await practiceReport(manager.actor, { from: d, to: f });
    expect(report).toMatchObject({ timeZone: ZONE, from: d, to: f, currency: "GBP", scope: "all" });
    expect(report.staff.map((s) => s.staffId).sort()).toEqual([mine, theirs].sort());
    expect(report.staff.find((s) => s.staffId === mine)).toMatchObject(MINE);
    expect(report.staff.find((s) => s.staffId === theirs)).toMatchObject(THEIRS);
    expect(report.totals).toMatchObject({
      bookings: counts(1, 6, 3, 1, 1),
      bookedMinutes: 540,
      revenueMinor: 34_525,
      noShowRate: 0.3333,
      otherCurrencyBookings: 0,
    });
    expect(report.totals.topServices).toEqual([
      { serviceId: schedule.serviceId, name: "Massage", bookings: 8, revenueMinor: 31_525 },
      { serviceId: schedule.groupServiceId, name: "Yoga class", bookings: 2, revenueMinor: 3000 },
      { serviceId: schedule.roomServiceId, name: "Facial", bookings: 1, revenueMinor: 0 },
    ]);
    expect(await practiceReport(practice.owner.actor, { from: d, to: f })).toEqual(report);
  });

  it("staff see only their own row, and totals from their own bookings", async () => {
    const report = await practiceReport(staff.actor, { from: d, to: f });
    expect(report.scope).toBe("own");
    expect(report.staff).toHaveLength(1);
    expect(report.staff[0]).toMatchObject({ staffId: mine, ...MINE });
    expect(report.totals).toMatchObject(MINE);
    expect(report.totals.topServices.map((t) => [t.name, t.bookings, t.revenueMinor])).toEqual([
      ["Massage", 3, 12_000],
      ["Yoga class", 2, 3000],
      ["Facial", 1, 0],
    ]);
  });

  it("a staff login linked to no staff member sees an empty report", async () => {
    const report = await practiceReport(unlinkedStaff.actor, { from: d, to: f });
    expect(report.staff).toEqual([]);
    expect(report.totals).toMatchObject({
      bookings: counts(0, 0, 0, 0, 0),
      revenueMinor: 0,
      noShowRate: null,
    });
    expect(report.totals.topServices).toEqual([]);
  });

  it("days are the practice's local days", async () => {
    const report = await practiceReport(manager.actor, { from: addDays(d, -1), to: addDays(d, -1) });
    expect(report.totals).toMatchObject({ bookings: counts(0, 1, 0, 0, 0), revenueMinor: 6000 });
    expect(report.staff.find((s) => s.staffId === mine)?.bookings.completed).toBe(1);
  });

  it("another practice's bookings are never counted, even for someone on both teams", async () => {
    const inOther = { ...manager.actor, tenantId: other.tenantId, role: "owner" as const };
    const report = await practiceReport(inOther, { from: d, to: f });
    expect(report.currency).toBe("JPY");
    expect(report.staff.map((s) => s.staffId)).not.toContain(mine);
    // Its one booking was priced in GBP: counted as a booking, kept out of JPY revenue.
    expect(report.totals).toMatchObject({
      bookings: counts(0, 1, 0, 0, 0),
      revenueMinor: 0,
      otherCurrencyBookings: 1,
    });
  });

  it("former staff appear while they have bookings in the range", async () => {
    const setActive = (id: string, isActive: boolean) =>
      withSystem("test (de)activates a staff member", (tx) =>
        tx.update(tables.staffMembers).set({ isActive }).where(eq(tables.staffMembers.id, id)),
      );
    await setActive(theirs, false);
    try {
      const inRange = await practiceReport(manager.actor, { from: d, to: f });
      expect(inRange.staff.find((s) => s.staffId === theirs)).toMatchObject({ isActive: false, ...THEIRS });
      const before = await practiceReport(manager.actor, { from: addDays(d, -1), to: addDays(d, -1) });
      expect(before.staff.map((s) => s.staffId)).toEqual([mine]);
    } finally {
      await setActive(theirs, true);
    }
  });

  it("customers and bad ranges are refused", async () => {
    await expect(practiceReport(customer.actor, {})).rejects.toBeInstanceOf(Forbidden);
    const asCustomer = {
      kind: "customer" as const,
      tenantId: practice.tenantId,
      customerId: schedule.customerId,
    };
    await expect(practiceReport(asCustomer, {})).rejects.toBeInstanceOf(Forbidden);
    await expect(practiceReport(manager.actor, { from: f, to: d })).rejects.toBeInstanceOf(ValidationFailed);
  });
});

describe("GET /api/v1/reports", () => {
  const path = (q: Record<string, string>) => `/api/v1/reports?${new URLSearchParams(q)}`;

  it("staff get their own row only, snake_case", async () => {
    const browser = await signedInAs(staff.userId, practice.tenantId);
    const response = await browser.call(GET, path({ from: d, to: f }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ time_zone: ZONE, from: d, to: f, currency: "GBP" });
    expect(body.staff).toHaveLength(1);
    expect(body.staff[0]).toMatchObject({
      staff_id: mine,
      bookings: { confirmed: 1, completed: 3, no_show: 1, cancelled: 1, pending: 1 },
      booked_minutes: 240,
      revenue_minor: 15_000,
      no_show_rate: 0.25,
    });
    expect(body.totals).toMatchObject({ revenue_minor: 15_000, booked_minutes: 240 });
    expect(JSON.stringify(body)).not.toContain(theirs);
  });

  it("managers get everyone; the default range is the last 30 local days", async () => {
    const browser = await signedInAs(manager.userId, practice.tenantId);
    const response = await browser.call(GET, "/api/v1/reports");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ from: addDays(today, -29), to: today });
    expect(body.staff).toHaveLength(2);
    // The evening before d is in; forty days before d and the hold two days ahead are not.
    expect(body.totals.bookings).toEqual({
      confirmed: 1,
      completed: 7,
      no_show: 3,
      cancelled: 1,
      pending: 0,
    });
    expect(body.totals.revenue_minor).toBe(34_525 + 6000);
  });

  it("the CSV download has the same rows: a staff member's own and their total", async () => {
    const browser = await signedInAs(staff.userId, practice.tenantId);
    const response = await browser.call(exportCsv, `/dashboard/reports/export?from=${d}&to=${f}`);
    expect(response.status).toBe(200);
    const lines = (await response.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines).toEqual([
      "Staff,Confirmed,Completed,No-show,Cancelled,Pending,Booked minutes,Revenue,Currency,No-show rate",
      "Staff 1,1,3,1,1,1,240,150.00,GBP,0.25",
      "Total,1,3,1,1,1,240,150.00,GBP,0.25",
    ]);
  });

  it("401 without a session, 403 for a customer", async () => {
    const anonymous = await GET(new Request("http://localhost:3000/api/v1/reports"), {
      params: Promise.resolve({}),
    });
    expect(anonymous.status).toBe(401);
    const browser = await signedInAs(customer.userId, practice.tenantId);
    expect((await browser.call(GET, path({ from: d, to: f }))).status).toBe(403);
  });

  it("422 with field errors for bad ranges; 366 days is the limit", async () => {
    const browser = await signedInAs(manager.userId, practice.tenantId);
    const bad: [Record<string, string>, string][] = [
      [{ from: "2030-02-30", to: "2030-03-02" }, "from"],
      [{ from: "yesterday" }, "from"],
      [{ from: f, to: d }, "to"],
      [{ from: addDays(d, -366), to: d }, "to"],
    ];
    for (const [query, field] of bad) {
      const response = await browser.call(GET, path(query));
      expect(response.status, JSON.stringify(query)).toBe(422);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      const body = await response.json();
      expect(body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await browser.call(GET, path({ from: addDays(d, -365), to: d }))).status).toBe(200);
  });
});
