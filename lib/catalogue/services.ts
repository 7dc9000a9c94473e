/** What the practice sells: services with their timing, price, capacity, room needs and staff. */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type Tx, tables, withTenant } from "@/lib/db";
import { NotFound, ValidationFailed } from "@/lib/errors";
import { loadTenant, type MemberActor, parseFields, requireManager, requireTeam } from "./access";
import { ServiceFields } from "./fields";
import { currencyDigits, minorToDecimal, parseMoney } from "./money";

const { services, serviceStaff, staffMembers, resourceTypes } = tables;

export type ServiceRow = typeof services.$inferSelect & {
  staffIds: string[];
  resourceTypeName: string | null;
};

export async function listServices(actor: MemberActor): Promise<ServiceRow[]> {
  requireTeam(actor);
  return withTenant(actor, async (tx) => {
    const rows = await tx
      .select({ service: services, resourceTypeName: resourceTypes.name })
      .from(services)
      .leftJoin(
        resourceTypes,
        and(eq(resourceTypes.tenantId, services.tenantId), eq(resourceTypes.id, services.resourceTypeId)),
      )
      .where(eq(services.tenantId, actor.tenantId))
      .orderBy(sql`${services.isActive} desc`, asc(services.name));
    const links = await tx
      .select({ serviceId: serviceStaff.serviceId, staffId: serviceStaff.staffId })
      .from(serviceStaff)
      .where(eq(serviceStaff.tenantId, actor.tenantId));
    return rows.map((r) => ({
      ...r.service,
      resourceTypeName: r.resourceTypeName,
      staffIds: links.filter((l) => l.serviceId === r.service.id).map((l) => l.staffId),
    }));
  });
}

/** The service as its edit form shows it (price as a decimal in the practice's currency). */
export async function getServiceForm(
  actor: MemberActor,
  serviceId: string,
): Promise<{ values: ServiceFields; currency: string; name: string }> {
  requireTeam(actor);
  return withTenant(actor, async (tx) => {
    const [row] = await tx
      .select()
      .from(services)
      .where(and(eq(services.tenantId, actor.tenantId), eq(services.id, serviceId)));
    if (!row) throw new NotFound("Service not found");
    const links = await tx
      .select({ staffId: serviceStaff.staffId })
      .from(serviceStaff)
      .where(and(eq(serviceStaff.tenantId, actor.tenantId), eq(serviceStaff.serviceId, serviceId)));
    return {
      name: row.name,
      currency: row.currency,
      values: {
        name: row.name,
        description: row.description,
        durationMinutes: row.durationMinutes,
        price: minorToDecimal(row.priceCents, row.currency),
        bufferBeforeMinutes: row.bufferBeforeMinutes,
        bufferAfterMinutes: row.bufferAfterMinutes,
        minNoticeMinutes: row.minNoticeMinutes,
        maxDaysInAdvance: row.maxDaysInAdvance,
        slotIntervalMinutes: row.slotIntervalMinutes,
        capacity: row.capacity,
        resourceTypeId: row.resourceTypeId ?? "",
        staffIds: links.map((l) => l.staffId),
        requiresConfirmation: row.requiresConfirmation,
        isActive: row.isActive,
        isPublic: row.isPublic,
      },
    };
  });
}

/** Field values → columns, after checking the price and that the staff and room type are this practice's. */
async function toColumns(tx: Tx, tenantId: string, currency: string, input: ServiceFields) {
  const priceCents = parseMoney(input.price, currency);
  if (priceCents === null) {
    const digits = currencyDigits(currency);
    throw new ValidationFailed("Some fields need attention.", [
      {
        field: "price",
        message: digits
          ? `Enter a price in ${currency} with at most ${digits} decimal places, e.g. 45.00`
          : `Enter a whole price in ${currency}, e.g. 4500`,
      },
    ]);
  }
  const staffIds = [...new Set(input.staffIds)];
  if (staffIds.length) {
    const known = await tx
      .select({ id: staffMembers.id })
      .from(staffMembers)
      .where(and(eq(staffMembers.tenantId, tenantId), inArray(staffMembers.id, staffIds)));
    if (known.length !== staffIds.length) {
      throw new ValidationFailed("Some fields need attention.", [
        { field: "staffIds", message: "Choose staff from the list" },
      ]);
    }
  }
  if (input.resourceTypeId) {
    const [type] = await tx
      .select({ id: resourceTypes.id })
      .from(resourceTypes)
      .where(and(eq(resourceTypes.tenantId, tenantId), eq(resourceTypes.id, input.resourceTypeId)));
    if (!type) {
      throw new ValidationFailed("Some fields need attention.", [
        { field: "resourceTypeId", message: "Choose a room or equipment type from the list" },
      ]);
    }
  }
  return {
    staffIds,
    columns: {
      name: input.name,
      description: input.description,
      durationMinutes: input.durationMinutes,
      priceCents,
      currency,
      bufferBeforeMinutes: input.bufferBeforeMinutes,
      bufferAfterMinutes: input.bufferAfterMinutes,
      minNoticeMinutes: input.minNoticeMinutes,
      maxDaysInAdvance: input.maxDaysInAdvance,
      slotIntervalMinutes: input.slotIntervalMinutes,
      capacity: input.capacity,
      resourceTypeId: input.resourceTypeId || null,
      requiresConfirmation: input.requiresConfirmation,
      isActive: input.isActive,
      isPublic: input.isPublic,
    },
  };
}

async function linkStaff(tx: Tx, tenantId: string, serviceId: string, staffIds: string[]) {
  await tx
    .delete(serviceStaff)
    .where(and(eq(serviceStaff.tenantId, tenantId), eq(serviceStaff.serviceId, serviceId)));
  if (staffIds.length) {
    await tx.insert(serviceStaff).values(staffIds.map((staffId) => ({ tenantId, serviceId, staffId })));
  }
}

/** Prices are in the practice's currency as it is now; each booking keeps its own snapshot. */
export async function createService(actor: MemberActor, raw: unknown): Promise<{ id: string }> {
  requireManager(actor);
  const input = parseFields(ServiceFields, raw);
  return withTenant(actor, async (tx) => {
    const tenant = await loadTenant(tx, actor.tenantId);
    const { columns, staffIds } = await toColumns(tx, actor.tenantId, tenant.currency, input);
    const [row] = await tx
      .insert(services)
      .values({ tenantId: actor.tenantId, ...columns })
      .returning({ id: services.id });
    if (!row) throw new Error("service insert returned no row");
    await linkStaff(tx, actor.tenantId, row.id, staffIds);
    return row;
  });
}

export async function updateService(actor: MemberActor, serviceId: string, raw: unknown): Promise<void> {
  requireManager(actor);
  const input = parseFields(ServiceFields, raw);
  await withTenant(actor, async (tx) => {
    const tenant = await loadTenant(tx, actor.tenantId);
    const { columns, staffIds } = await toColumns(tx, actor.tenantId, tenant.currency, input);
    const updated = await tx
      .update(services)
      .set(columns)
      .where(and(eq(services.tenantId, actor.tenantId), eq(services.id, serviceId)))
      .returning({ id: services.id });
    if (!updated.length) throw new NotFound("Service not found");
    await linkStaff(tx, actor.tenantId, serviceId, staffIds);
  });
}

/** Deactivated services disappear from booking; existing bookings keep their snapshot. */
export async function setServiceActive(actor: MemberActor, serviceId: string, isActive: boolean) {
  requireManager(actor);
  await withTenant(actor, async (tx) => {
    const updated = await tx
      .update(services)
      .set({ isActive })
      .where(and(eq(services.tenantId, actor.tenantId), eq(services.id, serviceId)))
      .returning({ id: services.id });
    if (!updated.length) throw new NotFound("Service not found");
  });
}
