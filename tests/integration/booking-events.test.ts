/** Every booking change writes its outbox event in the same transaction, on the member and system paths. */
import { and, asc, eq, notInArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cancelBooking,
  changeStatus,
  createBooking,
  customerForGuest,
  type NewBooking,
  rescheduleBooking,
  SCHEDULED_TYPES,
  SlotUnavailable,
  sweepExpiredHolds,
} from "@/lib/bookings";
import { createCustomer, findTenantBySlug, type TenantRecord, updateCustomer } from "@/lib/catalogue";
import { updateCustomerProfile } from "@/lib/customers";
import { type Actor, closeDatabase, tables, withSystem, withTenant } from "@/lib/db";
import { addMember, createPractice } from "../support/factory";
import { createSchedule, type TestSchedule } from "../support/schedule";

let tenant: TenantRecord;
let schedule: TestSchedule;
let staff: Extract<Actor, { kind: "member" }>;

function at(hours: number): Date {
  const base = new Date();
  base.setUTCHours(0, 0, 0, 0);
  return new Date(base.getTime() + (72 + hours) * 3_600_000);
}

const input = (overrides: Partial<NewBooking>): NewBooking => ({
  serviceId: schedule.serviceId,
  start: at(1),
  staffId: schedule.staffIds[0],
  customerId: schedule.customerId,
  source: "dashboard",
  holdForConfirmation: false,
  publicOnly: false,
  ...overrides,
});

/** The lifecycle's own events; the scheduled rows it also plans (reminders, deadlines) are tested elsewhere. */
const eventsOf = (bookingId: string) =>
  withSystem("test reads a booking's outbox events", (tx) =>
    tx
      .select()
      .from(tables.outbox)
      .where(
        and(
          eq(tables.outbox.tenantId, tenant.id),
          eq(tables.outbox.subjectId, bookingId),
          notInArray(tables.outbox.type, [...SCHEDULED_TYPES]),
        ),
      )
      .orderBy(asc(tables.outbox.createdAt), asc(sql`payload->>'sequence'`)),
  );

beforeAll(async () => {
  const practice = await createPractice({ published: true });
  schedule = await createSchedule(practice.tenantId, { staffCount: 2 });
  staff = (await addMember(practice.tenantId, "staff")).actor;
  const found = await withSystem("test loads tenant", (tx) => findTenantBySlug(tx, practice.slug));
  if (!found) throw new Error("tenant not found");
  tenant = found;
});
afterAll(closeDatabase);

describe("booking events", () => {
  it("create, reschedule and cancel by a staff member emit events with a rising sequence", async () => {
    const label = `staff:${staff.userId}`;
    const { booking } = await withTenant(staff, (tx) =>
      createBooking(tx, tenant, input({ start: at(1) }), label),
    );
    const moved = await withTenant(staff, (tx) =>
      rescheduleBooking(tx, tenant, booking.id, { start: at(3) }, label),
    );
    const cancelled = await withTenant(staff, (tx) =>
      cancelBooking(tx, tenant.id, booking.id, label, "Customer phoned"),
    );
    expect([booking.sequence, moved.sequence, cancelled.sequence]).toEqual([0, 1, 2]);
    const events = await eventsOf(booking.id);
    expect(events.map((e) => [e.type, e.dedupeKey])).toEqual([
      ["booking.created", `booking.created:${booking.id}:0`],
      ["booking.rescheduled", `booking.rescheduled:${booking.id}:1`],
      ["booking.cancelled", `booking.cancelled:${booking.id}:2`],
    ]);
    expect(events[1]?.payload).toEqual({
      booking_id: booking.id,
      status: "confirmed",
      starts_at: at(3).toISOString(),
      ends_at: new Date(at(3).getTime() + 3_600_000).toISOString(),
      previous_starts_at: at(1).toISOString(),
      previous_ends_at: new Date(at(1).getTime() + 3_600_000).toISOString(),
      service_id: schedule.serviceId,
      staff_id: schedule.staffIds[0],
      customer_id: schedule.customerId,
      actor: "staff",
      sequence: 1,
    });
    expect(events[2]?.payload).toMatchObject({ status: "cancelled", reason: "Customer phoned", sequence: 2 });
  });

  it("a change that fails or rolls back emits nothing", async () => {
    const { booking } = await withSystem("test books", (tx) =>
      createBooking(tx, tenant, input({ start: at(6) }), "customer"),
    );
    await withSystem("test books the next hour", (tx) =>
      createBooking(tx, tenant, input({ start: at(8) }), "customer"),
    );
    await expect(
      withSystem("test moves onto a taken slot", (tx) =>
        rescheduleBooking(
          tx,
          tenant,
          booking.id,
          { start: at(8), staffId: schedule.staffIds[0] },
          "customer",
        ),
      ),
    ).rejects.toBeInstanceOf(SlotUnavailable);
    await expect(
      withSystem("test cancels, then the request fails", async (tx) => {
        await cancelBooking(tx, tenant.id, booking.id, "customer");
        throw new Error("a later step failed");
      }),
    ).rejects.toThrow("a later step failed");
    const events = await eventsOf(booking.id);
    expect(events.map((e) => e.type)).toEqual(["booking.created"]);
    expect(events[0]?.payload).toMatchObject({ actor: "customer", sequence: 0 });
  });

  it("confirm and decline of requests, and holds that run out, emit their events", async () => {
    const pending = async (hours: number) =>
      (
        await withSystem("test requests a booking", (tx) =>
          createBooking(tx, tenant, input({ start: at(hours), holdForConfirmation: true }), "customer"),
        )
      ).booking;
    await withSystem("test makes the service need confirmation", (tx) =>
      tx
        .update(tables.services)
        .set({ requiresConfirmation: true })
        .where(eq(tables.services.id, schedule.serviceId)),
    );
    const [a, b, c] = [await pending(12), await pending(14), await pending(16)];
    if (!a || !b || !c) throw new Error("no bookings");
    expect(a.status).toBe("pending");
    const label = `staff:${staff.userId}`;
    await withTenant(staff, (tx) => changeStatus(tx, tenant.id, a.id, "confirm", label));
    await withTenant(staff, (tx) => changeStatus(tx, tenant.id, b.id, "decline", label));
    await withSystem("test lets a hold run out", (tx) =>
      tx
        .update(tables.bookings)
        .set({ holdExpiresAt: new Date(Date.now() - 1000) })
        .where(eq(tables.bookings.id, c.id)),
    );
    await withSystem("test sweeps", (tx) => sweepExpiredHolds(tx));
    const types = async (id: string) => (await eventsOf(id)).map((e) => `${e.type}:${e.payload.sequence}`);
    expect(await types(a.id)).toEqual(["booking.created:0", "booking.confirmed:1"]);
    expect(await types(b.id)).toEqual(["booking.created:0", "booking.declined:1"]);
    expect(await types(c.id)).toEqual(["booking.created:0", "booking.expired:1"]);
    expect((await eventsOf(c.id))[1]?.payload).toMatchObject({ status: "expired", actor: "system" });
  });

  it("customers made or changed by a guest booking, the desk or the portal emit customer events", async () => {
    const typesOf = async (customerId: string) =>
      (await eventsOf(customerId)).map((e) => [e.type, e.payload.actor]);
    const guest = await withSystem("test books as a new guest", (tx) =>
      customerForGuest(tx, tenant.id, {
        name: "New Guest",
        email: `guest-${crypto.randomUUID()}@example.test`,
      }),
    );
    const owner = (await addMember(tenant.id, "owner")).actor;
    const { id } = await createCustomer(owner, {
      name: "Desk Made",
      email: `desk-${crypto.randomUUID()}@example.test`,
      phone: "",
      notes: "",
    });
    await updateCustomer(owner, id, {
      name: "Desk Changed",
      email: `desk-${crypto.randomUUID()}@example.test`,
      phone: "",
      notes: "",
    });
    await updateCustomerProfile(
      tenant,
      { kind: "customer", tenantId: tenant.id, customerId: guest },
      { name: "Renamed Guest", phone: "" },
    );
    expect(await typesOf(guest)).toEqual([
      ["customer.created", "customer"],
      ["customer.updated", "customer"],
    ]);
    expect(await typesOf(id)).toEqual([
      ["customer.created", "staff"],
      ["customer.updated", "staff"],
    ]);
  });
});
