import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cancelBooking,
  changeStatus,
  createBooking,
  customerForGuest,
  type NewBooking,
  rescheduleBooking,
  SlotUnavailable,
  sweepExpiredHolds,
} from "@/lib/bookings";
import { findTenantBySlug, type TenantRecord } from "@/lib/catalogue";
import { closeDatabase, tables, withSystem } from "@/lib/db";
import { createPractice } from "../support/factory";
import { createSchedule, type TestSchedule } from "../support/schedule";

let tenant: TenantRecord;
let schedule: TestSchedule;

/** An hour boundary two days ahead plus `hours`, always inside the test staff's 24/7 hours. */
function at(hours: number, minutes = 0): Date {
  const base = new Date();
  base.setUTCHours(0, 0, 0, 0);
  return new Date(base.getTime() + (48 + hours) * 3_600_000 + minutes * 60_000);
}

function book(overrides: Partial<NewBooking>) {
  return withSystem("test books a slot", (tx) =>
    createBooking(
      tx,
      tenant,
      {
        serviceId: schedule.serviceId,
        start: at(10),
        customerId: schedule.customerId,
        source: "public",
        holdForConfirmation: true,
        publicOnly: true,
        ...overrides,
      },
      "customer",
    ),
  );
}

beforeAll(async () => {
  const practice = await createPractice({ published: true });
  schedule = await createSchedule(practice.tenantId, { staffCount: 2, groupCapacity: 3, roomCount: 1 });
  const found = await withSystem("test loads tenant", (tx) => findTenantBySlug(tx, practice.slug));
  if (!found) throw new Error("tenant not found");
  tenant = found;
});
afterAll(closeDatabase);

describe("creating bookings", () => {
  it("books a free slot with a snapshot of the service, a manage token and a 'created' event", async () => {
    const { booking, manageToken } = await book({ start: at(1), staffId: schedule.staffIds[0] });
    expect(booking).toMatchObject({
      status: "confirmed",
      serviceName: "Massage",
      priceCents: 6000,
      durationMinutes: 60,
    });
    expect(booking.endAt.getTime() - booking.startAt.getTime()).toBe(3_600_000);
    expect(Buffer.from(manageToken, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    expect(booking.manageTokenHash.toString("base64url")).not.toBe(manageToken);
    const events = await withSystem("test reads events", (tx) =>
      tx.select().from(tables.bookingEvents).where(eq(tables.bookingEvents.bookingId, booking.id)),
    );
    expect(events.map((e) => e.action)).toEqual(["created"]);
  });

  it("refuses the same staff member at the same time, and buffers count", async () => {
    const staffId = schedule.staffIds[0];
    await book({ start: at(3), staffId });
    await expect(book({ start: at(3), staffId })).rejects.toBeInstanceOf(SlotUnavailable);
    // The massage has a 15-minute buffer after: 04:00 starts inside the first booking's buffer.
    await expect(book({ start: at(4), staffId })).rejects.toBeInstanceOf(SlotUnavailable);
    await expect(book({ start: at(4, 15), staffId })).resolves.toBeTruthy();
  });

  it("'anyone available' picks another staff member when the first is busy", async () => {
    const first = await book({ start: at(6) });
    const second = await book({ start: at(6) });
    expect(new Set([first.booking.staffId, second.booking.staffId]).size).toBe(2);
    await expect(book({ start: at(6) })).rejects.toBeInstanceOf(SlotUnavailable);
  });

  it("refuses times off the slot grid, in the past, or beyond the horizon", async () => {
    await expect(book({ start: at(8, 7) })).rejects.toBeInstanceOf(SlotUnavailable);
    await expect(book({ start: new Date(Date.now() - 3_600_000) })).rejects.toBeInstanceOf(SlotUnavailable);
    await expect(book({ start: new Date(Date.now() + 90 * 86_400_000) })).rejects.toBeInstanceOf(
      SlotUnavailable,
    );
  });

  it("a group class takes seats up to its capacity", async () => {
    const start = at(12);
    const staffId = schedule.staffIds[1];
    for (let i = 0; i < 3; i++) await book({ serviceId: schedule.groupServiceId, start, staffId });
    await expect(book({ serviceId: schedule.groupServiceId, start, staffId })).rejects.toBeInstanceOf(
      SlotUnavailable,
    );
  });

  it("a room-bound service gets the free room, and a second booking then finds none", async () => {
    const first = await book({
      serviceId: schedule.roomServiceId,
      start: at(14),
      staffId: schedule.staffIds[0],
    });
    expect(first.booking.resourceId).toBe(schedule.resourceIds[0]);
    await expect(
      book({ serviceId: schedule.roomServiceId, start: at(14), staffId: schedule.staffIds[1] }),
    ).rejects.toBeInstanceOf(SlotUnavailable);
  });

  it("a guest with a known email attaches to that customer without overwriting stored details", async () => {
    const email = `known-${Date.now()}@example.test`;
    const firstId = await withSystem("t", (tx) =>
      customerForGuest(tx, tenant.id, { name: "Original Name", email }),
    );
    const againId = await withSystem("t", (tx) =>
      customerForGuest(tx, tenant.id, { name: "Impostor", email: email.toUpperCase(), phone: "000" }),
    );
    expect(againId).toBe(firstId);
    const [row] = await withSystem("t", (tx) =>
      tx
        .select()
        .from(tables.customers)
        .where(and(eq(tables.customers.tenantId, tenant.id), eq(tables.customers.id, firstId))),
    );
    expect(row).toMatchObject({ name: "Original Name", phone: null });
  });
});

describe("holds", () => {
  it("a pending hold blocks until it expires, then stops blocking at once and is swept to expired", async () => {
    await withSystem("t", (tx) =>
      tx
        .update(tables.services)
        .set({ requiresConfirmation: true })
        .where(eq(tables.services.id, schedule.serviceId)),
    );
    try {
      const staffId = schedule.staffIds[0];
      const held = await book({ start: at(20), staffId });
      expect(held.booking.status).toBe("pending");
      expect(held.booking.holdExpiresAt).not.toBeNull();
      await expect(book({ start: at(20), staffId })).rejects.toBeInstanceOf(SlotUnavailable);

      await withSystem("t", (tx) =>
        tx.execute(
          sql`update public.bookings set hold_expires_at = now() - interval '1 second' where id = ${held.booking.id}`,
        ),
      );
      const replacement = await book({ start: at(20), staffId });
      expect(replacement.booking.id).not.toBe(held.booking.id);
      const [old] = await withSystem("t", (tx) =>
        tx
          .select({ status: tables.bookings.status })
          .from(tables.bookings)
          .where(eq(tables.bookings.id, held.booking.id)),
      );
      expect(old?.status).toBe("expired");
      expect(await withSystem("t", (tx) => sweepExpiredHolds(tx))).toBeGreaterThanOrEqual(0);
    } finally {
      await withSystem("t", (tx) =>
        tx
          .update(tables.services)
          .set({ requiresConfirmation: false })
          .where(eq(tables.services.id, schedule.serviceId)),
      );
    }
  });
});

describe("changing bookings", () => {
  it("cancels with reason and actor; cancelling twice is harmless; the slot is free again", async () => {
    const staffId = schedule.staffIds[1];
    const { booking } = await book({ start: at(30), staffId });
    const cancelled = await withSystem("t", (tx) =>
      cancelBooking(tx, tenant.id, booking.id, "customer", "ill"),
    );
    expect(cancelled).toMatchObject({ status: "cancelled", cancelReason: "ill", cancelledBy: "customer" });
    const again = await withSystem("t", (tx) => cancelBooking(tx, tenant.id, booking.id, "customer"));
    expect(again.status).toBe("cancelled");
    await expect(book({ start: at(30), staffId })).resolves.toBeTruthy();
  });

  it("reschedules keeping history; a conflicting move changes nothing", async () => {
    const staffId = schedule.staffIds[0];
    const { booking } = await book({ start: at(34), staffId });
    await book({ start: at(37), staffId });
    await expect(
      withSystem("t", (tx) =>
        rescheduleBooking(tx, tenant, booking.id, { start: at(37), staffId }, "customer"),
      ),
    ).rejects.toBeInstanceOf(SlotUnavailable);
    const moved = await withSystem("t", (tx) =>
      rescheduleBooking(tx, tenant, booking.id, { start: at(35), staffId }, "customer"),
    );
    expect(moved.startAt.toISOString()).toBe(at(35).toISOString());
    // Moving by 30 minutes overlaps its own old time, which must not count as a conflict.
    const nudged = await withSystem("t", (tx) =>
      rescheduleBooking(tx, tenant, booking.id, { start: at(35, 30), staffId }, "customer"),
    );
    expect(nudged.startAt.toISOString()).toBe(at(35, 30).toISOString());
    const events = await withSystem("t", (tx) =>
      tx
        .select()
        .from(tables.bookingEvents)
        .where(eq(tables.bookingEvents.bookingId, booking.id))
        .orderBy(tables.bookingEvents.id),
    );
    expect(events.map((e) => e.action)).toEqual(["created", "rescheduled", "rescheduled"]);
    expect(events[1]?.before).toMatchObject({ start: at(34).toISOString() });
    expect(events[1]?.after).toMatchObject({ start: at(35).toISOString() });
  });

  it("confirm/decline only pending; complete/no-show only confirmed bookings that have started", async () => {
    const { booking } = await book({ start: at(40), staffId: schedule.staffIds[1] });
    await expect(
      withSystem("t", (tx) => changeStatus(tx, tenant.id, booking.id, "confirm", "staff")),
    ).rejects.toThrow(/cannot be marked/);
    await expect(
      withSystem("t", (tx) => changeStatus(tx, tenant.id, booking.id, "complete", "staff")),
    ).rejects.toThrow(/has started/);
    const later = new Date(at(41).getTime());
    const done = await withSystem("t", (tx) =>
      changeStatus(tx, tenant.id, booking.id, "no_show", "staff", later),
    );
    expect(done.status).toBe("no_show");
    await expect(withSystem("t", (tx) => cancelBooking(tx, tenant.id, booking.id, "staff"))).rejects.toThrow(
      /cannot be cancelled/,
    );
  });
});

describe.runIf(process.env.DATABASE_URL)("races on real Postgres", () => {
  it("30 concurrent bookings of one staff member and time: exactly one wins", async () => {
    const start = at(50);
    const staffId = schedule.staffIds[0];
    const results = await Promise.allSettled(Array.from({ length: 30 }, () => book({ start, staffId })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const losers = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(losers).toHaveLength(29);
    for (const l of losers) expect(l.reason).toBeInstanceOf(SlotUnavailable);
    const overlaps = await withSystem("test self-joins bookings", (tx) =>
      tx.execute<{ n: number }>(sql`
        select count(*)::int as n from public.bookings a join public.bookings b
          on a.tenant_id = b.tenant_id and a.staff_id = b.staff_id and a.id < b.id
         and a.session_key <> b.session_key
         and tstzrange(a.blocked_from, a.blocked_until) && tstzrange(b.blocked_from, b.blocked_until)
        where a.tenant_id = ${tenant.id} and a.status in ('pending', 'confirmed') and b.status in ('pending', 'confirmed')`),
    );
    expect(overlaps.rows[0]?.n).toBe(0);
  });

  it("a group class of capacity 3 under 20 concurrent bookings: exactly 3 succeed", async () => {
    const start = at(52);
    const staffId = schedule.staffIds[1];
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => book({ serviceId: schedule.groupServiceId, start, staffId })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
  });

  it("staff logins racing for a class's seats cannot oversell it (the seat lock holds under RLS)", async () => {
    const { withTenant } = await import("@/lib/db");
    const { addMember } = await import("../support/factory");
    const member = await addMember(tenant.id, "staff");
    const start = at(56);
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () =>
        withTenant(member.actor, (tx) =>
          createBooking(
            tx,
            tenant,
            {
              serviceId: schedule.groupServiceId,
              start,
              staffId: schedule.staffIds[0],
              customerId: schedule.customerId,
              source: "dashboard",
              holdForConfirmation: false,
              publicOnly: false,
            },
            `staff:${member.userId}`,
          ),
        ),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
  });

  it("a room-bound service never double-books the room, whichever staff member asks", async () => {
    const start = at(54);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        book({ serviceId: schedule.roomServiceId, start, staffId: schedule.staffIds[i % 2] }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });
});

describe("as the anonymous booking page", () => {
  it("loads availability input through RLS and column grants, seeing busy time but no customer data", async () => {
    const { withTenant } = await import("@/lib/db");
    const { findService } = await import("@/lib/catalogue");
    const { loadAvailabilityInput } = await import("@/lib/bookings");
    await book({ start: at(60), staffId: schedule.staffIds[0] });
    const input = await withTenant({ kind: "anon" }, async (tx) => {
      const service = await findService(tx, tenant.id, schedule.serviceId);
      if (!service) throw new Error("anon cannot see the public service");
      return loadAvailabilityInput(tx, tenant, service, { from: at(59), to: at(62), now: new Date() });
    });
    expect(input.bookings.some((b) => b.start === at(60).getTime())).toBe(true);
    await expect(
      withTenant({ kind: "anon" }, (tx) =>
        tx.select({ c: tables.bookings.customerId }).from(tables.bookings),
      ),
    ).rejects.toThrow();
  });
});

describe("housekeeping", () => {
  it("moves a run-out hold to expired on its next tick", async () => {
    const { startHousekeeping } = await import("@/lib/maintenance");
    await withSystem("t", (tx) =>
      tx
        .update(tables.services)
        .set({ requiresConfirmation: true })
        .where(eq(tables.services.id, schedule.serviceId)),
    );
    try {
      const held = await book({ start: at(70), staffId: schedule.staffIds[1] });
      await withSystem("t", (tx) =>
        tx.execute(
          sql`update public.bookings set hold_expires_at = now() - interval '1 second' where id = ${held.booking.id}`,
        ),
      );
      const stop = startHousekeeping(50);
      const statusOf = async () =>
        (
          await withSystem("t", (tx) =>
            tx
              .select({ s: tables.bookings.status })
              .from(tables.bookings)
              .where(eq(tables.bookings.id, held.booking.id)),
          )
        )[0]?.s;
      for (let i = 0; i < 40 && (await statusOf()) !== "expired"; i++)
        await new Promise((r) => setTimeout(r, 50));
      stop();
      expect(await statusOf()).toBe("expired");
    } finally {
      await withSystem("t", (tx) =>
        tx
          .update(tables.services)
          .set({ requiresConfirmation: false })
          .where(eq(tables.services.id, schedule.serviceId)),
      );
    }
  });
});
