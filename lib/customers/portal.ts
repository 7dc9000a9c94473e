/**
 * What a signed-in customer sees and edits in the portal. Reads run as the customer actor, so RLS alone
 * decides which rows come back (its own bookings and its own customer row); the practice's public rules
 * (minimum notice) are read as the anonymous actor, like the booking page reads them.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { emitCustomerEvent, findTenantBySlug, type TenantRecord } from "@/lib/catalogue";
import { ACTIVE_STATUSES, type BookingStatus, tables, withTenant } from "@/lib/db";
import { Forbidden, Unauthenticated } from "@/lib/errors";
import { ProfileFields } from "./fields";
import type { CustomerActor } from "./sessions";

const { bookings, customers, services } = tables;
const SLUG = /^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/;
const PAST_LIMIT = 50;

export type PortalBooking = {
  id: string;
  serviceName: string;
  start: Date;
  end: Date;
  status: BookingStatus;
  priceCents: number;
  currency: string;
  cancelReason: string | null;
  /** Until when the customer may cancel or move it online; null when it cannot be changed online. */
  changeableUntil: Date | null;
};
export type PortalProfile = { name: string; email: string; phone: string | null };
export type PortalOverview = { profile: PortalProfile; upcoming: PortalBooking[]; past: PortalBooking[] };

/** The practice as anyone may see it (active and published), or null: its portal is then a 404. */
export async function findPortalPractice(slug: string): Promise<TenantRecord | null> {
  if (!SLUG.test(slug)) return null;
  return withTenant({ kind: "anon" }, (tx) => findTenantBySlug(tx, slug));
}

/** Sessions are bound to one practice; an actor from another must never reach this practice's paths. */
export function assertPractice(tenant: TenantRecord, actor: CustomerActor): void {
  if (actor.tenantId !== tenant.id) throw new Forbidden("This sign-in belongs to another practice.");
}

/** The latest moment a booking may still be changed online: its start minus the service's notice. */
export function changeDeadline(start: Date, minNoticeMinutes: number): Date {
  return new Date(start.getTime() - minNoticeMinutes * 60_000);
}

/** Minimum notice of the practice's public services, as the booking page shows them. */
async function publicNotice(tenant: TenantRecord, serviceIds: string[]): Promise<Map<string, number>> {
  if (!serviceIds.length) return new Map();
  const rows = await withTenant({ kind: "anon" }, (tx) =>
    tx
      .select({ id: services.id, minNotice: services.minNoticeMinutes })
      .from(services)
      .where(and(eq(services.tenantId, tenant.id), inArray(services.id, serviceIds))),
  );
  return new Map(rows.map((r) => [r.id, r.minNotice]));
}

export async function portalOverview(
  tenant: TenantRecord,
  actor: CustomerActor,
  now = new Date(),
): Promise<PortalOverview> {
  assertPractice(tenant, actor);
  const { profile, rows } = await withTenant(actor, async (tx) => {
    const [profile] = await tx
      .select({ name: customers.name, email: customers.email, phone: customers.phone })
      .from(customers)
      .where(eq(customers.tenantId, tenant.id));
    // No customer filter here on purpose: RLS returns this customer's bookings and nobody else's.
    const rows = await tx
      .select({
        id: bookings.id,
        serviceId: bookings.serviceId,
        serviceName: bookings.serviceName,
        start: bookings.startAt,
        end: bookings.endAt,
        status: bookings.status,
        priceCents: bookings.priceCents,
        currency: bookings.currency,
        cancelReason: bookings.cancelReason,
        holdExpiresAt: bookings.holdExpiresAt,
      })
      .from(bookings)
      .where(eq(bookings.tenantId, tenant.id))
      .orderBy(asc(bookings.startAt));
    return { profile, rows };
  });
  if (!profile) throw new Unauthenticated("Please sign in again.");

  // Lapsed holds (swept or not yet) were never bookings from the customer's point of view.
  const shown = rows
    .filter(
      (b) => b.status !== "expired" && !(b.status === "pending" && b.holdExpiresAt && b.holdExpiresAt <= now),
    )
    .map(({ holdExpiresAt: _, ...b }) => b);
  const isUpcoming = (b: (typeof shown)[number]) => ACTIVE_STATUSES.includes(b.status) && b.end > now;
  const upcomingRows = shown.filter(isUpcoming);
  const notice = await publicNotice(tenant, [...new Set(upcomingRows.map((b) => b.serviceId))]);
  const view = ({ serviceId, ...b }: (typeof shown)[number], changeable: boolean): PortalBooking => {
    const minNotice = notice.get(serviceId);
    const deadline = changeable && minNotice !== undefined ? changeDeadline(b.start, minNotice) : null;
    return { ...b, changeableUntil: deadline && deadline > now && b.start > now ? deadline : null };
  };
  return {
    profile,
    upcoming: upcomingRows.map((b) => view(b, true)),
    past: shown
      .filter((b) => !isUpcoming(b))
      .reverse()
      .slice(0, PAST_LIMIT)
      .map((b) => view(b, false)),
  };
}

/** Name and phone only: RLS lets the customer update its own row, and a trigger pins every other column. */
export async function updateCustomerProfile(
  tenant: TenantRecord,
  actor: CustomerActor,
  raw: unknown,
): Promise<PortalProfile> {
  assertPractice(tenant, actor);
  const input = ProfileFields.parse(raw);
  const [row] = await withTenant(actor, async (tx) => {
    const rows = await tx
      .update(customers)
      .set({ name: input.name, phone: input.phone || null })
      .where(and(eq(customers.tenantId, tenant.id), eq(customers.id, actor.customerId)))
      .returning({ name: customers.name, email: customers.email, phone: customers.phone });
    if (rows.length) await emitCustomerEvent(tx, "customer.updated", tenant.id, actor.customerId, "customer");
    return rows;
  });
  if (!row) throw new Unauthenticated("Please sign in again.");
  return row;
}
