import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { emitCustomerEvent, findService, type TenantRecord } from "@/lib/catalogue";
import { ACTIVE_STATUSES, type Tx, tables } from "@/lib/db";
import { Conflict, NotFound } from "@/lib/errors";
import { metrics } from "@/lib/observability";
import { amountDueOnline } from "@/lib/payments";
import { MINUTE } from "@/lib/scheduling";
import { SlotUnavailable } from "./errors";
import { nextSequence, recordEvent } from "./history";
import { deriveManageToken, hashManageToken } from "./manage-token";
import {
  type CancellationOutcome,
  cancellationUnderPolicy,
  type PolicyOverride,
  rescheduleUnderPolicy,
  snapshotFor,
} from "./policy-gate";
import { claim, expireStaleHolds, slotAt } from "./slot-claim";

const { bookings, customers } = tables;

export { recordEvent } from "./history";
export type BookingRecord = typeof bookings.$inferSelect;
export type GuestDetails = { name: string; email: string; phone?: string | null };
/** Who did it, as recorded in the booking's history: "customer", "staff:<userId>", "system". */
export type ActorLabel = string;

/** Finds the practice's customer by email or creates one; never overwrites stored details. */
export async function customerForGuest(tx: Tx, tenantId: string, guest: GuestDetails): Promise<string> {
  // citext compared with a text parameter is case-sensitive, so normalise before both statements.
  const email = guest.email.trim().toLowerCase();
  const [created] = await tx
    .insert(customers)
    .values({ tenantId, name: guest.name, email, phone: guest.phone ?? null })
    .onConflictDoNothing({ target: [customers.tenantId, customers.email] })
    .returning({ id: customers.id });
  if (created) await emitCustomerEvent(tx, "customer.created", tenantId, created.id, "customer");
  const [row] = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.email, email)));
  if (!row) throw new Error("customer upsert returned no row");
  return row.id;
}

export type NewBooking = {
  serviceId: string;
  start: Date;
  staffId?: string | null;
  customerId: string;
  notes?: string;
  /** The zone the customer booked from, for their messages. */
  customerTimeZone?: string | null;
  source: "public" | "dashboard" | "api";
  /** Public bookings of services that need confirmation hold their slot for the confirmation window. */
  holdForConfirmation: boolean;
  createdBy?: string | null;
  publicOnly: boolean;
};

export async function createBooking(
  tx: Tx,
  tenant: TenantRecord,
  input: NewBooking,
  actor: ActorLabel,
  now = new Date(),
): Promise<{ booking: BookingRecord; manageToken: string }> {
  const service = await findService(tx, tenant.id, input.serviceId);
  if (!service || (input.publicOnly && !service.isPublic)) throw new NotFound("Service not found");
  const slot = await slotAt(tx, tenant, service, input.start, now);
  const candidates = input.staffId ? slot.staffIds.filter((id) => id === input.staffId) : slot.staffIds;
  if (!candidates.length)
    throw new SlotUnavailable("That person is not available then — please pick another time.");

  const end = new Date(input.start.getTime() + service.durationMinutes * MINUTE);
  const from = new Date(input.start.getTime() - service.bufferBeforeMinutes * MINUTE);
  const to = new Date(end.getTime() + service.bufferAfterMinutes * MINUTE);
  await expireStaleHolds(tx, tenant.id, candidates, Object.values(slot.resourceIds ?? {}), from, to);

  const cancellationPolicy = await snapshotFor(tx, tenant.id, service);
  const bookingId = randomUUID();
  const manageToken = deriveManageToken(bookingId);
  const pending = input.holdForConfirmation && service.requiresConfirmation;
  const confirmBy = pending ? new Date(now.getTime() + tenant.confirmationWindowMinutes * MINUTE) : null;
  const booking = await claim(
    tx,
    tenant.id,
    service,
    slot,
    candidates,
    input.start,
    bookingId,
    async (staffId, resourceId, sessionKey, sp) => {
      const [row] = await sp
        .insert(bookings)
        .values({
          tenantId: tenant.id,
          id: bookingId,
          serviceId: service.id,
          staffId,
          resourceId,
          customerId: input.customerId,
          status: pending ? "pending" : "confirmed",
          startAt: input.start,
          endAt: end,
          serviceName: service.name,
          durationMinutes: service.durationMinutes,
          bufferBeforeMinutes: service.bufferBeforeMinutes,
          bufferAfterMinutes: service.bufferAfterMinutes,
          priceCents: service.priceCents,
          currency: service.currency,
          capacity: service.capacity,
          blockedFrom: from,
          blockedUntil: to,
          sessionKey,
          // Staff have the practice's confirmation window to answer; the slot is held exactly that long.
          holdExpiresAt: confirmBy,
          confirmBy,
          manageTokenHash: hashManageToken(manageToken),
          cancellationPolicy,
          paymentRule: service.paymentRule,
          amountDueCents: amountDueOnline(service),
          notes: input.notes ?? "",
          customerTimeZone: input.customerTimeZone ?? null,
          source: input.source,
          createdBy: input.createdBy ?? null,
        })
        .returning();
      if (!row) throw new Error("booking insert returned no row");
      return row;
    },
  );
  await recordEvent(tx, booking, "created", actor, null);
  // Counted at the write: the booking is the transaction's last change, so a rollback after it is rare.
  metrics().bookingsCreated.inc({ channel: input.source });
  return { booking, manageToken };
}

export async function lockBooking(tx: Tx, tenantId: string, bookingId: string): Promise<BookingRecord> {
  const [row] = await tx
    .select()
    .from(bookings)
    .where(and(eq(bookings.tenantId, tenantId), eq(bookings.id, bookingId)))
    .for("update");
  if (!row) throw new NotFound("Booking not found");
  return row;
}

/**
 * Cancelling twice is harmless: the second call returns the booking as it is. The booking's policy
 * decides whether a customer may cancel now and what it refunds and charges (kept in the history).
 */
export async function cancelBooking(
  tx: Tx,
  tenantId: string,
  bookingId: string,
  actor: ActorLabel,
  reason?: string,
  options: { now?: Date; override?: PolicyOverride } = {},
): Promise<BookingRecord & { outcome?: CancellationOutcome }> {
  const now = options.now ?? new Date();
  const before = await lockBooking(tx, tenantId, bookingId);
  if (before.status === "cancelled" || before.status === "expired") return before;
  if (!ACTIVE_STATUSES.includes(before.status)) {
    throw new Conflict(`A ${before.status.replace("_", "-")} booking cannot be cancelled.`);
  }
  const outcome = await cancellationUnderPolicy(tx, before, actor, now, options.override);
  const [after] = await tx
    .update(bookings)
    .set({
      status: "cancelled",
      cancelledAt: now,
      cancelledBy: actor,
      cancelReason: reason ?? null,
      holdExpiresAt: null,
      sequence: nextSequence,
    })
    .where(and(eq(bookings.tenantId, tenantId), eq(bookings.id, bookingId)))
    .returning();
  if (!after) throw new NotFound("Booking not found");
  await recordEvent(tx, after, "cancelled", actor, before, { policy_outcome: outcome });
  // The label drops the user id of "staff:<id>" so the series stay few.
  metrics().bookingsCancelled.inc({ by: actor.split(":")[0] });
  return { ...after, outcome };
}

/** Moves a booking; on a conflict nothing changes and the original booking stands. */
export async function rescheduleBooking(
  tx: Tx,
  tenant: TenantRecord,
  bookingId: string,
  change: { start: Date; staffId?: string | null },
  actor: ActorLabel,
  now = new Date(),
): Promise<BookingRecord> {
  const before = await lockBooking(tx, tenant.id, bookingId);
  if (!ACTIVE_STATUSES.includes(before.status)) {
    throw new Conflict(`A ${before.status.replace("_", "-")} booking cannot be rescheduled.`);
  }
  rescheduleUnderPolicy(before, actor, now);
  const service = await findService(tx, tenant.id, before.serviceId);
  if (!service) throw new Conflict("This service is no longer offered, so the booking cannot be moved.");
  const slot = await slotAt(tx, tenant, service, change.start, now, before.id);
  const wanted = change.staffId ?? before.staffId;
  const candidates = slot.staffIds.includes(wanted)
    ? [wanted, ...(change.staffId ? [] : slot.staffIds.filter((id) => id !== wanted))]
    : change.staffId
      ? []
      : slot.staffIds;
  if (!candidates.length) throw new SlotUnavailable();
  const end = new Date(change.start.getTime() + before.durationMinutes * MINUTE);
  const after = await claim(
    tx,
    tenant.id,
    service,
    slot,
    candidates,
    change.start,
    before.id,
    async (staffId, resourceId, sessionKey, sp) => {
      const [row] = await sp
        .update(bookings)
        .set({ startAt: change.start, endAt: end, staffId, resourceId, sessionKey, sequence: nextSequence })
        .where(and(eq(bookings.tenantId, tenant.id), eq(bookings.id, before.id)))
        .returning();
      if (!row) throw new NotFound("Booking not found");
      return row;
    },
  );
  await recordEvent(tx, after, "rescheduled", actor, before);
  return after;
}
