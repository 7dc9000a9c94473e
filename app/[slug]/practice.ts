import { and, asc, eq } from "drizzle-orm";
import { cache } from "react";
import type { PublicService } from "@/components/booking/service-list";
import { findTenantBySlug } from "@/lib/catalogue";
import { tables, withTenant } from "@/lib/db";

export type PublicPractice = {
  slug: string;
  name: string;
  timeZone: string;
  currency: string;
  services: PublicService[];
  staffNames: Record<string, string>;
};

// Same shape as lib/tenants/fields Slug; anything else cannot be a practice, so skip the database.
const SLUG = /^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/;

/**
 * What the public pages render on the server, read as `anon` so RLS shows only an active practice's
 * active, public services. Explicit columns: anon has column grants only. Cached per request, so the
 * page and its metadata share one read.
 */
export const loadPractice = cache(async (slug: string): Promise<PublicPractice | null> => {
  if (!SLUG.test(slug)) return null;
  return withTenant({ kind: "anon" }, async (tx) => {
    const tenant = await findTenantBySlug(tx, slug);
    if (!tenant) return null;
    const { services, staffMembers } = tables;
    const serviceRows = await tx
      .select({
        id: services.id,
        name: services.name,
        description: services.description,
        durationMinutes: services.durationMinutes,
        priceCents: services.priceCents,
        currency: services.currency,
        capacity: services.capacity,
      })
      .from(services)
      .where(and(eq(services.tenantId, tenant.id), eq(services.isActive, true), eq(services.isPublic, true)))
      .orderBy(asc(services.name), asc(services.id));
    const staffRows = await tx
      .select({ id: staffMembers.id, name: staffMembers.displayName })
      .from(staffMembers)
      .where(and(eq(staffMembers.tenantId, tenant.id), eq(staffMembers.isActive, true)));
    return {
      slug: tenant.slug,
      name: tenant.name,
      timeZone: tenant.timeZone,
      currency: tenant.currency,
      services: serviceRows,
      staffNames: Object.fromEntries(staffRows.map((s) => [s.id, s.name])),
    };
  });
});
