/**
 * Guests booking, viewing, cancelling and rescheduling online. These write as the system: the guest
 * is not yet an identity, so the manage token (matched by hash, with the booking id, in SQL) is the
 * whole authorisation, and every lookup that fails answers the same 404.
 */

import { and, eq, isNotNull } from "drizzle-orm";
import {
  cancelBooking,
  createBooking,
  customerForGuest,
  hashManageToken,
  rescheduleBooking,
} from "@/lib/bookings";
import { findService, findTenantBySlug, staffIdsForService, type TenantRecord } from "@/lib/catalogue";
import { type Tx, tables, withSystem } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { idempotent, requestHash } from "@/lib/http";
import { type BookingMoney, bookingMoney } from "@/lib/payments";
import { type CustomerPolicyView, customerPolicyView, readSnapshot } from "@/lib/policies";
import { forgetAvailability } from "./availability-cache";
import { type CreateBookingBody, instant, type RescheduleBody } from "./contract";

const { bookings, tenants, staffMembers } = tables;

export type CreatedBooking = {
  id: string;
  status: string;
  service_id: string;
  staff_id: string;
  start: string;
  end: string;
  price_cents: number;
  currency: string;
  manage_token: string;
};

export type ManagedBooking = {
  id: string;
  status: string;
  service_id: string;
  service_name: string;
  staff_id: string;
  staff_name: string;
  start: string;
  end: string;
  price_cents: number;
  currency: string;
  time_zone: string;
  practice: { slug: string; name: string };
  payment: Pick<
    BookingMoney,
    "status" | "amount_due_cents" | "amount_paid_cents" | "amount_refunded_cents" | "currency"
  >;
  policy: Omit<CustomerPolicyView, "cancel_online_until"> & { cancel_online_until: string | null };
};

const NOT_FOUND = "Booking not found";

/** The practice as anonymous visitors may see it; the system bypasses RLS, so check published here. */
async function publishedTenant(tx: Tx, slug: string): Promise<TenantRecord> {
  const tenant = await findTenantBySlug(tx, slug);
  const [published] = tenant
    ? await tx
        .select({ id: tenants.id })
        .from(tenants)
        .where(and(eq(tenants.id, tenant.id), isNotNull(tenants.publishedAt)))
    : [];
  if (!tenant || !published) throw new NotFound("Practice not found");
  return tenant;
}

/** A staff id the practice does not have (or who does not perform the service) is a 404, not a 409. */
async function assertPerforms(tx: Tx, tenantId: string, serviceId: string, staffId?: string | null) {
  if (staffId && !(await staffIdsForService(tx, tenantId, serviceId)).includes(staffId)) {
    throw new NotFound("Staff member not found");
  }
}

export function createPublicBooking(
  slug: string,
  body: CreateBookingBody,
  key: string | null,
  now = new Date(),
): Promise<{ status: number; body: Record<string, unknown>; replayed: boolean }> {
  return withSystem("public booking: a guest books online (not yet an identity)", async (tx) => {
    const tenant = await publishedTenant(tx, slug);
    return idempotent(tx, tenant.id, key, requestHash(body), async () => {
      const service = await findService(tx, tenant.id, body.service_id);
      if (!service?.isPublic) throw new NotFound("Service not found");
      await assertPerforms(tx, tenant.id, service.id, body.staff_id);
      const customerId = await customerForGuest(tx, tenant.id, body.customer);
      const { booking, manageToken } = await createBooking(
        tx,
        tenant,
        {
          serviceId: body.service_id,
          start: body.start,
          staffId: body.staff_id ?? null,
          customerId,
          ...(body.notes ? { notes: body.notes } : {}),
          customerTimeZone: body.time_zone ?? null,
          source: "public",
          holdForConfirmation: true,
          publicOnly: true,
        },
        "customer",
        now,
      );
      const created: CreatedBooking = {
        id: booking.id,
        status: booking.status,
        service_id: booking.serviceId,
        staff_id: booking.staffId,
        start: instant(booking.startAt),
        end: instant(booking.endAt),
        price_cents: booking.priceCents,
        currency: booking.currency,
        manage_token: manageToken,
      };
      return { status: 201, body: created };
    });
  }).then(forgetAfterWrite(slug));
}

/** Drops this process's cached availability for the practice once a write has committed. */
function forgetAfterWrite<T>(slug: string | ((result: T) => string)) {
  return (result: T): T => {
    forgetAvailability(typeof slug === "string" ? slug : slug(result));
    return result;
  };
}

/** The booking the token manages, with its practice; null when the id and token do not match. */
async function managed(
  tx: Tx,
  id: string,
  token: string,
): Promise<{ view: ManagedBooking; tenant: TenantRecord } | null> {
  const [row] = await tx
    .select({
      booking: {
        id: bookings.id,
        status: bookings.status,
        serviceId: bookings.serviceId,
        serviceName: bookings.serviceName,
        staffId: bookings.staffId,
        startAt: bookings.startAt,
        endAt: bookings.endAt,
        priceCents: bookings.priceCents,
        currency: bookings.currency,
        cancellationPolicy: bookings.cancellationPolicy,
      },
      staffName: staffMembers.displayName,
      tenant: {
        id: tenants.id,
        slug: tenants.slug,
        name: tenants.name,
        timeZone: tenants.timeZone,
        currency: tenants.currency,
        holdMinutes: tenants.holdMinutes,
        confirmationWindowMinutes: tenants.confirmationWindowMinutes,
      },
    })
    .from(bookings)
    .innerJoin(tenants, eq(tenants.id, bookings.tenantId))
    .innerJoin(
      staffMembers,
      and(eq(staffMembers.tenantId, bookings.tenantId), eq(staffMembers.id, bookings.staffId)),
    )
    .where(
      and(
        eq(bookings.id, id),
        eq(bookings.manageTokenHash, hashManageToken(token)),
        eq(tenants.status, "active"),
      ),
    );
  if (!row) return null;
  const { booking: b, tenant } = row;
  const money = await bookingMoney(tx, tenant.id, b.id);
  return {
    tenant,
    view: {
      id: b.id,
      status: b.status,
      service_id: b.serviceId,
      service_name: b.serviceName,
      staff_id: b.staffId,
      staff_name: row.staffName,
      start: instant(b.startAt),
      end: instant(b.endAt),
      price_cents: b.priceCents,
      currency: b.currency,
      time_zone: tenant.timeZone,
      practice: { slug: tenant.slug, name: tenant.name },
      payment: {
        status: money.status,
        amount_due_cents: money.amount_due_cents,
        amount_paid_cents: money.amount_paid_cents,
        amount_refunded_cents: money.amount_refunded_cents,
        currency: money.currency,
      },
      policy: publicPolicy(customerPolicyView(readSnapshot(b.cancellationPolicy), b)),
    },
  };
}

function publicPolicy(view: CustomerPolicyView): ManagedBooking["policy"] {
  const until = view.cancel_online_until;
  return { ...view, cancel_online_until: until ? instant(until) : null };
}

async function managedOr404(tx: Tx, id: string, token: string | null) {
  const found = token ? await managed(tx, id, token) : null;
  if (!found) throw new NotFound(NOT_FOUND);
  return found;
}

export function getManagedBooking(id: string, token: string | null): Promise<ManagedBooking> {
  return withSystem("public booking: a guest views a booking by its manage token", async (tx) => {
    return (await managedOr404(tx, id, token)).view;
  });
}

/** Cancelling twice is harmless: the second call answers the cancelled booking again. */
export function cancelManagedBooking(
  id: string,
  token: string | null,
  reason: string | undefined,
  now = new Date(),
): Promise<ManagedBooking> {
  return withSystem("public booking: a guest cancels by manage token", async (tx) => {
    const found = await managedOr404(tx, id, token);
    // The booking's policy (applied by the lifecycle) decides whether it may still be cancelled online.
    await cancelBooking(tx, found.tenant.id, id, "customer", reason || undefined, { now });
    return (await managedOr404(tx, id, token)).view;
  }).then(forgetAfterWrite((view: ManagedBooking) => view.practice.slug));
}

/** Moves the booking; a conflict (409) rolls everything back, so the original booking stands. */
export function rescheduleManagedBooking(
  id: string,
  token: string | null,
  change: RescheduleBody,
  now = new Date(),
): Promise<ManagedBooking> {
  return withSystem("public booking: a guest reschedules by manage token", async (tx) => {
    const found = await managedOr404(tx, id, token);
    await assertPerforms(tx, found.tenant.id, found.view.service_id, change.staff_id);
    await rescheduleBooking(
      tx,
      found.tenant,
      id,
      { start: change.start, staffId: change.staff_id ?? null },
      "customer",
      now,
    );
    return (await managedOr404(tx, id, token)).view;
  }).then(forgetAfterWrite((view: ManagedBooking) => view.practice.slug));
}
