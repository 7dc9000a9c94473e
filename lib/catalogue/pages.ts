/**
 * The API's cursor pages over customers, services and staff (lib/pagination: newest first, keyset on
 * created_at and id). The dashboard keeps its own orderings (by name) in the list functions beside these.
 */
import { and, eq, inArray } from "drizzle-orm";
import { tables, withTenant } from "@/lib/db";
import { keysetPage, type ListPage, type PageParams } from "@/lib/pagination";
import { type MemberActor, requireTeam } from "./access";
import { type CustomerRow, customerSearch } from "./customers";
import type { ServiceRow } from "./services";
import type { StaffRow } from "./staff";

const { customers, services, serviceStaff, resourceTypes, staffMembers, users } = tables;

export function listCustomersPage(
  actor: MemberActor,
  query: string,
  page: PageParams,
): Promise<ListPage<CustomerRow & { createdAt: Date }>> {
  requireTeam(actor);
  const scope = eq(customers.tenantId, actor.tenantId);
  const keyset = { table: customers, createdAt: customers.createdAt, id: customers.id, scope };
  return withTenant(actor, (tx) =>
    keysetPage(tx, { ...keyset, where: and(scope, customerSearch(query)) }, page, (where, orderBy, limit) =>
      tx
        .select({
          id: customers.id,
          name: customers.name,
          email: customers.email,
          phone: customers.phone,
          notes: customers.notes,
          createdAt: customers.createdAt,
        })
        .from(customers)
        .where(where)
        .orderBy(...orderBy)
        .limit(limit),
    ),
  );
}

export function listServicesPage(actor: MemberActor, page: PageParams): Promise<ListPage<ServiceRow>> {
  requireTeam(actor);
  const scope = eq(services.tenantId, actor.tenantId);
  const keyset = { table: services, createdAt: services.createdAt, id: services.id, scope, where: scope };
  return withTenant(actor, async (tx) => {
    const result = await keysetPage(tx, keyset, page, (where, orderBy, limit) =>
      tx
        .select({ service: services, resourceTypeName: resourceTypes.name })
        .from(services)
        .leftJoin(
          resourceTypes,
          and(eq(resourceTypes.tenantId, services.tenantId), eq(resourceTypes.id, services.resourceTypeId)),
        )
        .where(where)
        .orderBy(...orderBy)
        .limit(limit),
    );
    const ids = result.data.map((r) => r.service.id);
    const links = ids.length
      ? await tx
          .select({ serviceId: serviceStaff.serviceId, staffId: serviceStaff.staffId })
          .from(serviceStaff)
          .where(and(eq(serviceStaff.tenantId, actor.tenantId), inArray(serviceStaff.serviceId, ids)))
      : [];
    const data = result.data.map((r) => ({
      ...r.service,
      resourceTypeName: r.resourceTypeName,
      staffIds: links.filter((l) => l.serviceId === r.service.id).map((l) => l.staffId),
    }));
    return { ...result, data };
  });
}

export function listStaffPage(
  actor: MemberActor,
  page: PageParams,
): Promise<ListPage<StaffRow & { createdAt: Date }>> {
  requireTeam(actor);
  const scope = eq(staffMembers.tenantId, actor.tenantId);
  const keyset = {
    table: staffMembers,
    createdAt: staffMembers.createdAt,
    id: staffMembers.id,
    scope,
    where: scope,
  };
  return withTenant(actor, async (tx) => {
    const result = await keysetPage(tx, keyset, page, (where, orderBy, limit) =>
      tx
        .select({
          id: staffMembers.id,
          displayName: staffMembers.displayName,
          userId: staffMembers.userId,
          timeZone: staffMembers.timeZone,
          isActive: staffMembers.isActive,
          createdAt: staffMembers.createdAt,
        })
        .from(staffMembers)
        .where(where)
        .orderBy(...orderBy)
        .limit(limit),
    );
    const userIds = result.data.flatMap((r) => (r.userId ? [r.userId] : []));
    const emails = userIds.length
      ? await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, userIds))
      : [];
    const data = result.data.map((r) => ({
      ...r,
      userEmail: emails.find((u) => u.id === r.userId)?.email ?? null,
    }));
    return { ...result, data };
  });
}
