import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { createBooking, customerForGuest, type NewBooking } from "@/lib/bookings";
import { findTenantBySlug, type TenantRecord } from "@/lib/catalogue";
import { tables, withSystem } from "@/lib/db";
import type { HandlerContext, OutboxEvent } from "@/lib/events";
import { logger } from "@/lib/observability";
import { createPractice, type TestPractice, unique } from "./factory";
import { createSchedule, type TestSchedule } from "./schedule";

export type World = { practice: TestPractice; tenant: TenantRecord; schedule: TestSchedule };

export async function notificationWorld(timeZone = "Europe/London"): Promise<World> {
  const practice = await createPractice({ published: true, timeZone });
  const schedule = await createSchedule(practice.tenantId, { staffCount: 2 });
  const tenant = await withSystem("test loads tenant", (tx) => findTenantBySlug(tx, practice.slug));
  if (!tenant) throw new Error("tenant not found");
  return { practice, tenant, schedule };
}

/** A whole hour `hours` from the next UTC midnight plus two days: inside the 24/7 test hours. */
export function hoursAhead(hours: number): Date {
  const base = new Date();
  base.setUTCHours(0, 0, 0, 0);
  return new Date(base.getTime() + (48 + hours) * 3_600_000);
}

export async function bookAsGuest(
  w: World,
  start: Date,
  guest: { phone?: string | null; email?: string } = {},
  overrides: Partial<NewBooking> = {},
) {
  const email = guest.email ?? `${unique("guest")}@example.test`;
  return withSystem("test books as a guest", async (tx) => {
    const customerId = await customerForGuest(tx, w.tenant.id, {
      name: "Gail Guest",
      email,
      phone: guest.phone ?? null,
    });
    const created = await createBooking(
      tx,
      w.tenant,
      {
        serviceId: w.schedule.serviceId,
        start,
        staffId: w.schedule.staffIds[0] ?? null,
        customerId,
        source: "public",
        holdForConfirmation: true,
        publicOnly: true,
        ...overrides,
      },
      "customer",
    );
    return { ...created, email };
  });
}

export function handlerContext(deliveryKey = `${randomUUID()}:test`): HandlerContext {
  return { deliveryKey, attempt: 1, system: withSystem, log: logger };
}

/** An outbox event as the worker hands it to handlers. */
export function outboxEvent(tenantId: string, type: string, payload: Record<string, unknown>): OutboxEvent {
  return {
    id: randomUUID(),
    tenantId,
    type,
    payload,
    dedupeKey: `${type}:${randomUUID()}`,
    subjectId: (payload.booking_id as string | undefined) ?? null,
    attempts: 1,
    createdAt: new Date(),
    availableAt: new Date(),
  };
}

/** The contract's booking event payload for a booking as it is now. */
export async function bookingPayload(
  tenantId: string,
  bookingId: string,
  extra: Record<string, unknown> = {},
) {
  const [b] = await withSystem("test reads a booking", (tx) =>
    tx
      .select()
      .from(tables.bookings)
      .where(and(eq(tables.bookings.tenantId, tenantId), eq(tables.bookings.id, bookingId))),
  );
  if (!b) throw new Error("booking not found");
  return {
    booking_id: b.id,
    status: b.status,
    starts_at: b.startAt.toISOString(),
    ends_at: b.endAt.toISOString(),
    service_id: b.serviceId,
    staff_id: b.staffId,
    customer_id: b.customerId,
    actor: "customer",
    sequence: b.sequence,
    ...extra,
  };
}
