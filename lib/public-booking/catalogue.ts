/**
 * What anyone may read about a practice: its profile, public services, their staff and free slots.
 * Everything runs as the anonymous actor, so RLS and anon's column grants decide what is visible;
 * queries name their columns because anon may read only some of them.
 */
import { and, asc, eq } from "drizzle-orm";
import { loadAvailabilityInput } from "@/lib/bookings";
import { findService, findTenantBySlug, type TenantRecord } from "@/lib/catalogue";
import { config } from "@/lib/config";
import { type Tx, tables, withTenant } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { DAY, findSlots, localToInstant } from "@/lib/scheduling";
import { cachedAvailability, noteTenantSlug } from "./availability-cache";
import { type AvailabilityQuery, instant } from "./contract";

const { services, serviceStaff, staffMembers } = tables;

export type PublicTenant = { slug: string; name: string; time_zone: string; currency: string };
export type PublicService = {
  id: string;
  name: string;
  description: string;
  duration_minutes: number;
  price_cents: number;
  currency: string;
  capacity: number;
};
export type PublicStaff = { id: string; name: string };
export type PublicSlot = { start: string; end: string; staff_ids: string[]; seats_left: number };
export type PublicAvailability = { time_zone: string; data: PublicSlot[] };

function asAnon<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withTenant({ kind: "anon" }, fn);
}

async function tenantOr404(tx: Tx, slug: string): Promise<TenantRecord> {
  const tenant = await findTenantBySlug(tx, slug);
  if (!tenant) throw new NotFound("Practice not found");
  return tenant;
}

/** Active and public only (RLS says so for anon too; the filter keeps the intent readable here). */
async function publicServiceOr404(tx: Tx, tenant: TenantRecord, serviceId: string) {
  const service = await findService(tx, tenant.id, serviceId);
  if (!service?.isPublic) throw new NotFound("Service not found");
  return service;
}

export function publicTenant(slug: string): Promise<PublicTenant> {
  return asAnon(async (tx) => {
    const t = await tenantOr404(tx, slug);
    return { slug: t.slug, name: t.name, time_zone: t.timeZone, currency: t.currency };
  });
}

/** The practice and public service a live availability stream follows (404s as the catalogue's). */
export function publicServiceRef(
  slug: string,
  serviceId: string,
): Promise<{ tenantId: string; serviceId: string }> {
  return asAnon(async (tx) => {
    const tenant = await tenantOr404(tx, slug);
    const service = await publicServiceOr404(tx, tenant, serviceId);
    return { tenantId: tenant.id, serviceId: service.id };
  });
}

export function publicServices(slug: string): Promise<{ data: PublicService[] }> {
  return asAnon(async (tx) => {
    const tenant = await tenantOr404(tx, slug);
    const rows = await tx
      .select({
        id: services.id,
        name: services.name,
        description: services.description,
        duration_minutes: services.durationMinutes,
        price_cents: services.priceCents,
        currency: services.currency,
        capacity: services.capacity,
      })
      .from(services)
      .where(and(eq(services.tenantId, tenant.id), eq(services.isActive, true), eq(services.isPublic, true)))
      .orderBy(asc(services.name), asc(services.id));
    return { data: rows };
  });
}

export function publicStaff(slug: string, serviceId: string): Promise<{ data: PublicStaff[] }> {
  return asAnon(async (tx) => {
    const tenant = await tenantOr404(tx, slug);
    await publicServiceOr404(tx, tenant, serviceId);
    const rows = await tx
      .select({ id: staffMembers.id, name: staffMembers.displayName })
      .from(serviceStaff)
      .innerJoin(
        staffMembers,
        and(eq(staffMembers.tenantId, serviceStaff.tenantId), eq(staffMembers.id, serviceStaff.staffId)),
      )
      .where(
        and(
          eq(serviceStaff.tenantId, tenant.id),
          eq(serviceStaff.serviceId, serviceId),
          eq(staffMembers.isActive, true),
        ),
      )
      .orderBy(asc(staffMembers.displayName), asc(staffMembers.id));
    return { data: rows };
  });
}

/**
 * Free slots whose start falls on the local dates `from`–`to` in `time_zone` (default: the practice's).
 * The data window is padded a day each side: appointments, buffers and time off can straddle midnight.
 */
export function publicAvailability(
  slug: string,
  query: AvailabilityQuery,
  now?: Date,
): Promise<PublicAvailability> {
  // An explicit `now` (tests) must compute afresh; live traffic may share a recent answer.
  if (now) return computeAvailability(slug, query, now);
  const key = JSON.stringify([
    query.service_id,
    query.from,
    query.to,
    query.staff_id ?? null,
    query.time_zone ?? null,
  ]);
  return cachedAvailability(slug, key, config().AVAILABILITY_CACHE_SECONDS, () =>
    computeAvailability(slug, query, new Date()),
  );
}

function computeAvailability(slug: string, query: AvailabilityQuery, now: Date): Promise<PublicAvailability> {
  return asAnon(async (tx) => {
    const tenant = await tenantOr404(tx, slug);
    noteTenantSlug(tenant.id, slug);
    const service = await publicServiceOr404(tx, tenant, query.service_id);
    const timeZone = query.time_zone ?? tenant.timeZone;
    const input = await loadAvailabilityInput(tx, tenant, service, {
      from: new Date(localToInstant(timeZone, query.from, 0) - DAY),
      to: new Date(localToInstant(timeZone, query.to, 1440) + DAY),
      now,
    });
    if (query.staff_id && !input.service.staffIds.includes(query.staff_id)) {
      throw new NotFound("Staff member not found");
    }
    const slots = findSlots(input, {
      from: query.from,
      to: query.to,
      timeZone,
      now: now.getTime(),
      ...(query.staff_id ? { staffId: query.staff_id } : {}),
    });
    return {
      time_zone: timeZone,
      data: slots.map((s) => ({
        start: instant(s.start),
        end: instant(s.end),
        staff_ids: s.staffIds,
        seats_left: s.seatsLeft,
      })),
    };
  });
}
