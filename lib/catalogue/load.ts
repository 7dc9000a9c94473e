import { and, eq } from "drizzle-orm";
import { type Tx, tables } from "@/lib/db";

const { services, serviceStaff, staffMembers, tenants } = tables;

export type ServiceRecord = typeof services.$inferSelect;
export type TenantRecord = {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  currency: string;
  holdMinutes: number;
  /** How long a request for a service that needs confirmation holds its slot awaiting staff. */
  confirmationWindowMinutes: number;
};

/** The tenant as anonymous visitors see it; explicit columns because `anon` has column grants only. */
export async function findTenantBySlug(tx: Tx, slug: string): Promise<TenantRecord | null> {
  const [row] = await tx
    .select({
      id: tenants.id,
      slug: tenants.slug,
      name: tenants.name,
      timeZone: tenants.timeZone,
      currency: tenants.currency,
      holdMinutes: tenants.holdMinutes,
      confirmationWindowMinutes: tenants.confirmationWindowMinutes,
    })
    .from(tenants)
    .where(and(eq(tenants.slug, slug), eq(tenants.status, "active")));
  return row ?? null;
}

export async function findService(
  tx: Tx,
  tenantId: string,
  serviceId: string,
): Promise<ServiceRecord | null> {
  const [row] = await tx
    .select()
    .from(services)
    .where(and(eq(services.tenantId, tenantId), eq(services.id, serviceId), eq(services.isActive, true)));
  return row ?? null;
}

export async function staffIdsForService(tx: Tx, tenantId: string, serviceId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: staffMembers.id })
    .from(serviceStaff)
    .innerJoin(
      staffMembers,
      and(eq(staffMembers.tenantId, serviceStaff.tenantId), eq(staffMembers.id, serviceStaff.staffId)),
    )
    .where(
      and(
        eq(serviceStaff.tenantId, tenantId),
        eq(serviceStaff.serviceId, serviceId),
        eq(staffMembers.isActive, true),
      ),
    )
    .orderBy(staffMembers.id);
  return rows.map((r) => r.id);
}
