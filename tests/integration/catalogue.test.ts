import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addTimeOff,
  createClosure,
  createCustomer,
  createResourceType,
  createService,
  createStaff,
  getCustomer,
  getServiceForm,
  getStaffSchedule,
  listCustomers,
  listServices,
  saveDateOverride,
  saveWeeklyHours,
  setServiceActive,
  updateCustomer,
  updateService,
} from "@/lib/catalogue";
import type { ServiceFields } from "@/lib/catalogue/fields";
import { parseMoney } from "@/lib/catalogue/fields";
import { closeDatabase, tables, withTenant } from "@/lib/db";
import { Forbidden, NotFound, ValidationFailed } from "@/lib/errors";
import { addMember, createPractice, type TestPractice } from "../support/factory";

let practice: TestPractice;
let staffUser: Awaited<ReturnType<typeof addMember>>;
let manager: Awaited<ReturnType<typeof addMember>>;

beforeAll(async () => {
  practice = await createPractice();
  staffUser = await addMember(practice.tenantId, "staff");
  manager = await addMember(practice.tenantId, "manager");
});
afterAll(closeDatabase);

/** The field errors a call was refused with, as { field: message }. */
async function fieldErrors(call: Promise<unknown>): Promise<Record<string, string>> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationFailed);
  return Object.fromEntries((error as ValidationFailed).errors.map((e) => [e.field, e.message]));
}

const service = (overrides: Partial<ServiceFields> = {}): ServiceFields => ({
  name: "Deep tissue massage",
  description: "",
  durationMinutes: 60,
  price: "45.50",
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 10,
  minNoticeMinutes: 60,
  maxDaysInAdvance: 60,
  slotIntervalMinutes: 15,
  capacity: 1,
  resourceTypeId: "",
  staffIds: [],
  requiresConfirmation: false,
  isActive: true,
  isPublic: true,
  ...overrides,
});

const week = (monday: { start: string; end: string }[]) => ({
  days: [monday, [], [], [], [], [], []].map((intervals) => ({ intervals })),
});

describe("money", () => {
  it("converts decimals to minor units with the currency's own digits, never through floats", () => {
    expect(parseMoney("45.50", "GBP")).toBe(4550);
    expect(parseMoney("0.29", "EUR")).toBe(29);
    expect(parseMoney("12", "GBP")).toBe(1200);
    expect(parseMoney("4500", "JPY")).toBe(4500);
    expect(parseMoney("4500.5", "JPY")).toBeNull();
    expect(parseMoney("1.234", "BHD")).toBe(1234);
    expect(parseMoney("1.234", "GBP")).toBeNull();
    expect(parseMoney("-1", "GBP")).toBeNull();
  });
});

describe("services", () => {
  it("a manager creates a service; the price is stored in minor units and staff links are kept", async () => {
    const { id: staffId } = await createStaff(manager.actor, {
      displayName: "Ana",
      userId: "",
      timeZone: "",
      isActive: true,
    });
    const { id } = await createService(manager.actor, service({ staffIds: [staffId] }));
    const form = await getServiceForm(staffUser.actor, id);
    expect(form.values).toMatchObject({ price: "45.50", staffIds: [staffId], durationMinutes: 60 });
    const [row] = await withTenant(practice.owner.actor, (tx) =>
      tx.select().from(tables.services).where(eq(tables.services.id, id)),
    );
    expect(row).toMatchObject({ priceCents: 4550, currency: "GBP" });

    await updateService(manager.actor, id, service({ name: "Renamed", price: "50", staffIds: [] }));
    expect((await getServiceForm(manager.actor, id)).values).toMatchObject({
      name: "Renamed",
      price: "50.00",
      staffIds: [],
    });
    await setServiceActive(manager.actor, id, false);
    expect((await listServices(staffUser.actor)).find((s) => s.id === id)?.isActive).toBe(false);
  });

  it("bad values come back as field errors and nothing is written", async () => {
    const before = (await listServices(manager.actor)).length;
    expect(await fieldErrors(createService(manager.actor, service({ durationMinutes: 3 })))).toHaveProperty(
      "durationMinutes",
      "The duration must be between 5 and 720 minutes",
    );
    expect(await fieldErrors(createService(manager.actor, service({ durationMinutes: 721 })))).toHaveProperty(
      "durationMinutes",
    );
    expect(await fieldErrors(createService(manager.actor, service({ price: "45.505" })))).toHaveProperty(
      "price",
    );
    expect(await fieldErrors(createService(manager.actor, service({ price: "free" })))).toHaveProperty(
      "price",
    );
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(await fieldErrors(createService(manager.actor, service({ staffIds: [unknown] })))).toHaveProperty(
      "staffIds",
    );
    expect(
      await fieldErrors(createService(manager.actor, service({ resourceTypeId: unknown }))),
    ).toHaveProperty("resourceTypeId");
    expect((await listServices(manager.actor)).length).toBe(before);
  });

  it("a whole-unit currency refuses decimals", async () => {
    const yen = await createPractice({ currency: "JPY", timeZone: "Asia/Tokyo" });
    expect(await fieldErrors(createService(yen.owner.actor, service({ price: "4500.50" })))).toHaveProperty(
      "price",
    );
    await expect(createService(yen.owner.actor, service({ price: "4500" }))).resolves.toHaveProperty("id");
  });

  it("staff can read the catalogue but not change it; RLS refuses them past the lib too", async () => {
    await expect(createService(staffUser.actor, service())).rejects.toBeInstanceOf(Forbidden);
    const direct = await withTenant(staffUser.actor, (tx) =>
      tx.update(tables.services).set({ name: "Hijacked" }).returning({ id: tables.services.id }),
    );
    expect(direct).toEqual([]);
    expect(Array.isArray(await listServices(staffUser.actor))).toBe(true);
  });

  it("another practice's service is not found", async () => {
    const other = await createPractice();
    const { id } = await createService(manager.actor, service({ name: "Mine" }));
    await expect(updateService(other.owner.actor, id, service())).rejects.toBeInstanceOf(NotFound);
    await expect(getServiceForm(other.owner.actor, id)).rejects.toBeInstanceOf(NotFound);
  });
});

describe("staff and schedules", () => {
  it("links a staff record to a member of this practice only, once", async () => {
    const outsider = await addMember((await createPractice()).tenantId, "staff");
    const base = { displayName: "Bo", timeZone: "", isActive: true };
    expect(
      await fieldErrors(createStaff(manager.actor, { ...base, userId: outsider.userId })),
    ).toHaveProperty("userId");
    const member = await addMember(practice.tenantId, "staff");
    await createStaff(manager.actor, { ...base, userId: member.userId });
    expect(await fieldErrors(createStaff(manager.actor, { ...base, userId: member.userId }))).toHaveProperty(
      "userId",
    );
    expect(
      await fieldErrors(createStaff(manager.actor, { ...base, userId: "", timeZone: "Mars/Base" })),
    ).toHaveProperty("timeZone");
  });

  it("weekly hours: overlapping or backwards intervals are field errors on the interval at fault", async () => {
    const { id } = await createStaff(manager.actor, {
      displayName: "Cy",
      userId: "",
      timeZone: "",
      isActive: true,
    });
    const overlapping = await fieldErrors(
      saveWeeklyHours(
        manager.actor,
        id,
        week([
          { start: "09:00", end: "12:00" },
          { start: "11:30", end: "17:00" },
        ]),
      ),
    );
    expect(overlapping).toEqual({ "days.0.intervals.1.start": "Overlaps 09:00–12:00" });
    const backwards = await fieldErrors(
      saveWeeklyHours(manager.actor, id, week([{ start: "17:00", end: "09:00" }])),
    );
    expect(backwards).toEqual({ "days.0.intervals.0.end": "End must be after start" });
    expect((await getStaffSchedule(manager.actor, id)).weekly.days[0]?.intervals).toEqual([]);

    await saveWeeklyHours(
      manager.actor,
      id,
      week([
        { start: "13:00", end: "24:00" },
        { start: "09:00", end: "12:00" },
      ]),
    );
    const schedule = await getStaffSchedule(staffUser.actor, id);
    expect(schedule.timeZone).toBe("Europe/London");
    expect(schedule.weekly.days[0]?.intervals).toEqual([
      { start: "09:00", end: "12:00" },
      { start: "13:00", end: "24:00" },
    ]);
    await expect(saveWeeklyHours(staffUser.actor, id, week([]))).rejects.toBeInstanceOf(Forbidden);
  });

  it("date overrides and time off, with their own validation", async () => {
    const { id } = await createStaff(manager.actor, {
      displayName: "Di",
      userId: "",
      timeZone: "",
      isActive: true,
    });
    const date = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    expect(
      await fieldErrors(saveDateOverride(manager.actor, id, { date, closed: false, intervals: [] })),
    ).toHaveProperty("intervals");
    await saveDateOverride(manager.actor, id, { date, closed: true, intervals: [] });
    await saveDateOverride(manager.actor, id, {
      date,
      closed: false,
      intervals: [{ start: "10:00", end: "14:00" }],
    });
    expect(
      await fieldErrors(
        addTimeOff(manager.actor, id, { startsAt: `${date}T12:00`, endsAt: `${date}T09:00`, reason: "" }),
      ),
    ).toHaveProperty("endsAt");
    await addTimeOff(manager.actor, id, {
      startsAt: `${date}T12:00`,
      endsAt: `${date}T15:30`,
      reason: "Dentist",
    });
    const schedule = await getStaffSchedule(manager.actor, id);
    expect(schedule.overrides).toEqual([
      { date, closed: false, intervals: [{ start: "10:00", end: "14:00" }] },
    ]);
    expect(schedule.timeOff).toMatchObject([
      { startsAt: `${date}T12:00`, endsAt: `${date}T15:30`, reason: "Dentist" },
    ]);
  });
});

describe("rooms, closures and customers", () => {
  it("refuses a duplicate room type and a closure that ends before it starts", async () => {
    await createResourceType(manager.actor, { name: "Treatment room" });
    expect(await fieldErrors(createResourceType(manager.actor, { name: "Treatment room" }))).toHaveProperty(
      "name",
    );
    expect(
      await fieldErrors(
        createClosure(manager.actor, { startsOn: "2030-12-26", endsOn: "2030-12-24", reason: "" }),
      ),
    ).toHaveProperty("endsOn");
  });

  it("customers: create, duplicate email, search by name, email or phone, and only managers edit", async () => {
    const fields = { name: "Zoë Example", email: "zoe@example.test", phone: "+44 7700 900123", notes: "" };
    await expect(createCustomer(staffUser.actor, fields)).rejects.toBeInstanceOf(Forbidden);
    const { id } = await createCustomer(manager.actor, fields);
    expect(
      await fieldErrors(createCustomer(manager.actor, { ...fields, email: "ZOE@example.test" })),
    ).toHaveProperty("email");
    for (const query of ["zoë", "ZOE@EXAMPLE", "7700 900"]) {
      expect((await listCustomers(manager.actor, { query })).rows.map((r) => r.id)).toEqual([id]);
    }
    expect((await listCustomers(manager.actor, { query: "100%_" })).total).toBe(0);
    await expect(updateCustomer(staffUser.actor, id, { ...fields, notes: "x" })).rejects.toBeInstanceOf(
      Forbidden,
    );
    await updateCustomer(manager.actor, id, { ...fields, notes: "Prefers mornings" });
    expect((await getCustomer(staffUser.actor, id)).customer.notes).toBe("Prefers mornings");
  });
});
