/**
 * A signed-in customer cancels or moves their own booking "within the practice's rules": not once the
 * booking is inside its service's minimum notice, and only to a time the engine says is free.
 *
 * Who may: the booking is first read as the customer actor, so RLS must agree it is theirs. The change
 * itself then runs on the system path, because cancelBooking/rescheduleBooking read schedules, other
 * bookings and holds, lock staff rows and write booking_events — none of which a customer may see — and
 * giving the customer actor those rights would expose far more than its own bookings. Inside that system
 * transaction the booking is locked with the customer's id in the WHERE clause, so the ownership the RLS
 * read established is re-checked under the lock before anything changes.
 */
import { and, eq } from "drizzle-orm";
import { cancelBooking, loadAvailabilityInput, rescheduleBooking } from "@/lib/bookings";
import { findService, type TenantRecord } from "@/lib/catalogue";
import { ACTIVE_STATUSES, type BookingStatus, type Tx, tables, withSystem, withTenant } from "@/lib/db";
import { Conflict, NotFound } from "@/lib/errors";
import { DAY, findSlots, localToInstant } from "@/lib/scheduling";
import { CancelFields, RescheduleFields, SlotsFields } from "./fields";
import { assertPractice, changeDeadline } from "./portal";
import type { CustomerActor } from "./sessions";

const { bookings, services } = tables;
const NOT_FOUND = "Booking not found";

type Own = { id: string; serviceId: string; staffId: string; status: BookingStatus; startAt: Date };

/** The booking as the customer actor sees it: RLS returns it only if it is this customer's. */
async function ownBooking(tenant: TenantRecord, actor: CustomerActor, bookingId: string): Promise<Own> {
  assertPractice(tenant, actor);
  const [row] = await withTenant(actor, (tx) =>
    tx
      .select({
        id: bookings.id,
        serviceId: bookings.serviceId,
        staffId: bookings.staffId,
        status: bookings.status,
        startAt: bookings.startAt,
      })
      .from(bookings)
      .where(and(eq(bookings.tenantId, tenant.id), eq(bookings.id, bookingId))),
  );
  if (!row) throw new NotFound(NOT_FOUND);
  return row;
}

function hours(minutes: number): string {
  if (minutes % 60) return `${minutes} minutes`;
  return minutes === 60 ? "1 hour" : `${minutes / 60} hours`;
}

/** Refuses a change once the booking has started or is inside its service's minimum notice. */
export function assertOutsideNotice(start: Date, minNoticeMinutes: number, now: Date): void {
  if (start <= now)
    throw new Conflict("This booking has already started, so it can no longer be changed online.");
  if (changeDeadline(start, minNoticeMinutes) <= now) {
    throw new Conflict(
      `This practice asks for ${hours(minNoticeMinutes)} notice, so this booking can no longer be changed online. Please contact the practice.`,
    );
  }
}

/** Locks the customer's booking on the system path and applies the notice rule of its service. */
async function lockOwn(tx: Tx, tenantId: string, actor: CustomerActor, bookingId: string, now: Date) {
  const [row] = await tx
    .select({ status: bookings.status, startAt: bookings.startAt, minNotice: services.minNoticeMinutes })
    .from(bookings)
    .innerJoin(services, and(eq(services.tenantId, bookings.tenantId), eq(services.id, bookings.serviceId)))
    .where(
      and(
        eq(bookings.tenantId, tenantId),
        eq(bookings.id, bookingId),
        eq(bookings.customerId, actor.customerId),
      ),
    )
    .for("update", { of: bookings });
  if (!row) throw new NotFound(NOT_FOUND);
  return { ...row, check: () => assertOutsideNotice(row.startAt, row.minNotice, now) };
}

export async function cancelOwnBooking(
  tenant: TenantRecord,
  actor: CustomerActor,
  raw: unknown,
  now = new Date(),
) {
  const input = CancelFields.parse(raw);
  await ownBooking(tenant, actor, input.bookingId);
  return withSystem("customer portal: a signed-in customer cancels their own booking", async (tx) => {
    const row = await lockOwn(tx, tenant.id, actor, input.bookingId, now);
    // Cancelling twice is harmless (cancelBooking answers the booking as it is), whatever the notice.
    if (ACTIVE_STATUSES.includes(row.status)) row.check();
    return cancelBooking(tx, tenant.id, input.bookingId, "customer", input.reason || undefined);
  });
}

export async function rescheduleOwnBooking(
  tenant: TenantRecord,
  actor: CustomerActor,
  raw: unknown,
  now = new Date(),
) {
  const input = RescheduleFields.parse(raw);
  await ownBooking(tenant, actor, input.bookingId);
  return withSystem("customer portal: a signed-in customer reschedules their own booking", async (tx) => {
    const row = await lockOwn(tx, tenant.id, actor, input.bookingId, now);
    row.check();
    // The engine applies the notice and horizon to the new time; the current staff member is preferred.
    return rescheduleBooking(tx, tenant, input.bookingId, { start: new Date(input.start) }, "customer", now);
  });
}

export type RescheduleSlot = { start: string; sameStaff: boolean };

/**
 * Free times on one local day (the practice's zone) the booking could move to. Computed like the public
 * availability endpoint, as the anonymous actor — but leaving this booking out, so the customer may also
 * move it by less than its own length.
 */
export async function rescheduleSlots(
  tenant: TenantRecord,
  actor: CustomerActor,
  raw: unknown,
  now = new Date(),
): Promise<RescheduleSlot[]> {
  const input = SlotsFields.parse(raw);
  const own = await ownBooking(tenant, actor, input.bookingId);
  if (!ACTIVE_STATUSES.includes(own.status)) {
    throw new Conflict(`A ${own.status.replace("_", "-")} booking cannot be rescheduled.`);
  }
  return withTenant({ kind: "anon" }, async (tx) => {
    const service = await findService(tx, tenant.id, own.serviceId);
    if (!service) {
      throw new Conflict("This service is no longer booked online. Please contact the practice to move it.");
    }
    assertOutsideNotice(own.startAt, service.minNoticeMinutes, now);
    const zone = tenant.timeZone;
    const availability = await loadAvailabilityInput(tx, tenant, service, {
      from: new Date(localToInstant(zone, input.date, 0) - DAY),
      to: new Date(localToInstant(zone, input.date, 1440) + DAY),
      now,
      excludeBookingId: own.id,
    });
    return findSlots(availability, { from: input.date, to: input.date, timeZone: zone, now: now.getTime() })
      .filter((slot) => slot.start !== own.startAt.getTime())
      .map((slot) => ({
        start: new Date(slot.start).toISOString(),
        sameStaff: slot.staffIds.includes(own.staffId),
      }));
  });
}
