/**
 * The front desk's operations on bookings, through the booking lifecycle inside `withTenant` (so RLS
 * holds): book a customer into a slot, confirm/decline/complete/no-show, cancel, reschedule, read a
 * booking's details and history, and explain why a slot cannot be booked. Staff act only on their own
 * diary; another staff member's booking is "not found", as it would be across tenants.
 */
import { and, asc, eq, gt, lt } from "drizzle-orm";
import {
  actorLabel,
  assertOwnStaff,
  findService,
  loadTenant,
  type MemberActor,
  parseFields,
  requireTeam,
  visibleStaffIds,
} from "@/lib/catalogue";
import { type Tx, tables, withTenant } from "@/lib/db";
import { Forbidden, NotFound } from "@/lib/errors";
import type { Reason } from "@/lib/scheduling";
import { DAY, explainSlot, localToInstant, MINUTE, minuteOfDay } from "@/lib/scheduling";
import { loadAvailabilityInput } from "./availability-input";
import { SlotUnavailable } from "./errors";
import { CancelFields, DeskBookingFields, ExplainFields, RescheduleFields, StatusFields } from "./fields";
import {
  type BookingRecord,
  cancelBooking,
  createBooking,
  customerForGuest,
  rescheduleBooking,
} from "./lifecycle";
import { changeStatus } from "./status";

const { bookings, bookingEvents, customers, staffMembers, timeOff } = tables;

const at = (zone: string, date: string, time: string) =>
  new Date(localToInstant(zone, date, minuteOfDay(time)));

/** Every way a slot can be lost reads the same at the desk. */
async function slotGuard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SlotUnavailable) throw new SlotUnavailable();
    throw error;
  }
}

async function ownBooking(tx: Tx, actor: MemberActor, bookingId: string) {
  const [row] = await tx
    .select({ staffId: bookings.staffId })
    .from(bookings)
    .where(and(eq(bookings.tenantId, actor.tenantId), eq(bookings.id, bookingId)));
  if (!row) throw new NotFound("Booking not found");
  const visible = await visibleStaffIds(tx, actor);
  assertOwnStaff(visible, row.staffId);
  return visible;
}

function refuseOthersDiary(visible: string[] | null, staffId: string) {
  if (visible && !visible.includes(staffId)) throw new Forbidden("You can only book into your own diary.");
}

/** Books a customer (chosen, or typed in and matched by email) for the given staff member and time. */
export async function bookForCustomer(
  actor: MemberActor,
  raw: unknown,
  now = new Date(),
): Promise<BookingRecord> {
  requireTeam(actor);
  const input = parseFields(DeskBookingFields, raw);
  return slotGuard(() =>
    withTenant(actor, async (tx) => {
      refuseOthersDiary(await visibleStaffIds(tx, actor), input.staffId);
      const tenant = await loadTenant(tx, actor.tenantId);
      let customerId = input.customerId;
      if (input.customerMode === "new") {
        customerId = await customerForGuest(tx, tenant.id, {
          name: input.name,
          email: input.email,
          phone: input.phone || null,
        });
      } else {
        const [found] = await tx
          .select({ id: customers.id })
          .from(customers)
          .where(and(eq(customers.tenantId, tenant.id), eq(customers.id, input.customerId)));
        if (!found) throw new NotFound("Customer not found");
      }
      const { booking } = await createBooking(
        tx,
        tenant,
        {
          serviceId: input.serviceId,
          start: at(tenant.timeZone, input.date, input.time),
          staffId: input.staffId,
          customerId,
          notes: input.notes,
          source: "dashboard",
          holdForConfirmation: false,
          publicOnly: false,
          createdBy: actor.apiKey ? null : actor.userId,
        },
        actorLabel(actor),
        now,
      );
      return booking;
    }),
  );
}

export async function changeBookingStatus(
  actor: MemberActor,
  raw: unknown,
  now = new Date(),
): Promise<BookingRecord> {
  requireTeam(actor);
  const input = parseFields(StatusFields, raw);
  return withTenant(actor, async (tx) => {
    await ownBooking(tx, actor, input.bookingId);
    return changeStatus(tx, actor.tenantId, input.bookingId, input.action, actorLabel(actor), now);
  });
}

export async function cancelBookingAtDesk(actor: MemberActor, raw: unknown): Promise<BookingRecord> {
  requireTeam(actor);
  const input = parseFields(CancelFields, raw);
  return withTenant(actor, async (tx) => {
    await ownBooking(tx, actor, input.bookingId);
    return cancelBooking(tx, actor.tenantId, input.bookingId, actorLabel(actor), input.reason);
  });
}

/** On a conflict nothing changes: the original booking stands. */
export async function rescheduleAtDesk(
  actor: MemberActor,
  raw: unknown,
  now = new Date(),
): Promise<BookingRecord> {
  requireTeam(actor);
  const input = parseFields(RescheduleFields, raw);
  return slotGuard(() =>
    withTenant(actor, async (tx) => {
      refuseOthersDiary(await ownBooking(tx, actor, input.bookingId), input.staffId);
      const tenant = await loadTenant(tx, actor.tenantId);
      const start = at(tenant.timeZone, input.date, input.time);
      return rescheduleBooking(
        tx,
        tenant,
        input.bookingId,
        { start, staffId: input.staffId },
        actorLabel(actor),
        now,
      );
    }),
  );
}

export type BookingDetail = BookingRecord & {
  staffName: string;
  customer: { id: string; name: string; email: string; phone: string | null };
  events: { action: string; actor: string; createdAt: Date }[];
};

export async function bookingDetail(actor: MemberActor, bookingId: string): Promise<BookingDetail> {
  requireTeam(actor);
  return withTenant(actor, async (tx) => {
    await ownBooking(tx, actor, bookingId);
    const [row] = await tx
      .select({ booking: bookings, staffName: staffMembers.displayName, customer: customers })
      .from(bookings)
      .innerJoin(
        staffMembers,
        and(eq(staffMembers.tenantId, bookings.tenantId), eq(staffMembers.id, bookings.staffId)),
      )
      .innerJoin(
        customers,
        and(eq(customers.tenantId, bookings.tenantId), eq(customers.id, bookings.customerId)),
      )
      .where(and(eq(bookings.tenantId, actor.tenantId), eq(bookings.id, bookingId)));
    if (!row) throw new NotFound("Booking not found");
    const events = await tx
      .select({
        action: bookingEvents.action,
        actor: bookingEvents.actor,
        createdAt: bookingEvents.createdAt,
      })
      .from(bookingEvents)
      .where(and(eq(bookingEvents.tenantId, actor.tenantId), eq(bookingEvents.bookingId, bookingId)))
      .orderBy(asc(bookingEvents.id));
    const { id, name, email, phone } = row.customer;
    return { ...row.booking, staffName: row.staffName, customer: { id, name, email, phone }, events };
  });
}

/** The engine's reasons why `staffId` cannot take the service then; an empty list means bookable. */
export async function explainDeskSlot(actor: MemberActor, raw: unknown, now = new Date()): Promise<Reason[]> {
  requireTeam(actor);
  const input = parseFields(ExplainFields, raw);
  return withTenant(actor, async (tx) => {
    assertOwnStaff(await visibleStaffIds(tx, actor), input.staffId, "Staff member");
    const tenant = await loadTenant(tx, actor.tenantId);
    const service = await findService(tx, tenant.id, input.serviceId);
    if (!service) throw new NotFound("Service not found");
    const start = at(tenant.timeZone, input.date, input.time);
    const window = {
      from: new Date(start.getTime() - DAY),
      to: new Date(start.getTime() + service.durationMinutes * MINUTE + DAY),
      now,
    };
    const engineInput = await loadAvailabilityInput(tx, tenant, service, window);
    // The shared loader reads time off as the public page may (without reasons); the desk may see them.
    const offs = await tx
      .select({
        staffId: timeOff.staffId,
        start: timeOff.startsAt,
        end: timeOff.endsAt,
        reason: timeOff.reason,
      })
      .from(timeOff)
      .where(
        and(
          eq(timeOff.tenantId, tenant.id),
          lt(timeOff.startsAt, window.to),
          gt(timeOff.endsAt, window.from),
        ),
      );
    const staff = engineInput.staff.map((s) => ({
      ...s,
      timeOff: offs
        .filter((o) => o.staffId === s.id)
        .map((o) => ({ start: o.start.getTime(), end: o.end.getTime(), reason: o.reason || "time off" })),
    }));
    return explainSlot(
      { ...engineInput, staff },
      { staffId: input.staffId, start: start.getTime(), now: now.getTime() },
    );
  });
}
