/** Rooms and equipment (typed resources a service can require) and practice-wide closures. */
import { and, asc, eq } from "drizzle-orm";
import { isUniqueViolation, pgError, tables, withTenant } from "@/lib/db";
import { Conflict, NotFound, ValidationFailed } from "@/lib/errors";
import { type MemberActor, parseFields, requireManager, requireTeam } from "./access";
import { ClosureFields, ResourceFields, ResourceTypeFields } from "./fields";

const { resourceTypes, resources, closures } = tables;

export type ResourceTypeRow = { id: string; name: string };
export type ResourceRow = { id: string; name: string; typeId: string; isActive: boolean };
export type ClosureRow = { id: string; startsOn: string; endsOn: string; reason: string };

export async function listResources(
  actor: MemberActor,
): Promise<{ types: ResourceTypeRow[]; resources: ResourceRow[] }> {
  requireTeam(actor);
  return withTenant(actor, async (tx) => ({
    types: await tx
      .select({ id: resourceTypes.id, name: resourceTypes.name })
      .from(resourceTypes)
      .where(eq(resourceTypes.tenantId, actor.tenantId))
      .orderBy(asc(resourceTypes.name)),
    resources: await tx
      .select({
        id: resources.id,
        name: resources.name,
        typeId: resources.typeId,
        isActive: resources.isActive,
      })
      .from(resources)
      .where(eq(resources.tenantId, actor.tenantId))
      .orderBy(asc(resources.name)),
  }));
}

const duplicateName = () =>
  new ValidationFailed("Some fields need attention.", [
    { field: "name", message: "A type with this name already exists" },
  ]);

export async function createResourceType(actor: MemberActor, raw: unknown): Promise<{ id: string }> {
  requireManager(actor);
  const input = parseFields(ResourceTypeFields, raw);
  try {
    return await withTenant(actor, async (tx) => {
      const [row] = await tx
        .insert(resourceTypes)
        .values({ tenantId: actor.tenantId, name: input.name })
        .returning({ id: resourceTypes.id });
      if (!row) throw new Error("resource type insert returned no row");
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName();
    throw error;
  }
}

export async function renameResourceType(actor: MemberActor, typeId: string, raw: unknown): Promise<void> {
  requireManager(actor);
  const input = parseFields(ResourceTypeFields, raw);
  try {
    await withTenant(actor, async (tx) => {
      const updated = await tx
        .update(resourceTypes)
        .set({ name: input.name })
        .where(and(eq(resourceTypes.tenantId, actor.tenantId), eq(resourceTypes.id, typeId)))
        .returning({ id: resourceTypes.id });
      if (!updated.length) throw new NotFound("Type not found");
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName();
    throw error;
  }
}

/** A type that a service requires, or whose rooms have bookings, stays: deleting would rewrite history. */
export async function deleteResourceType(actor: MemberActor, typeId: string): Promise<void> {
  requireManager(actor);
  try {
    await withTenant(actor, (tx) =>
      tx
        .delete(resourceTypes)
        .where(and(eq(resourceTypes.tenantId, actor.tenantId), eq(resourceTypes.id, typeId))),
    );
  } catch (error) {
    if (pgError(error)?.code === "23503") {
      throw new Conflict(
        "This type is still used by a service or by rooms with bookings; change those first, or deactivate the rooms.",
      );
    }
    throw error;
  }
}

async function checkType(actor: MemberActor, typeId: string) {
  const found = await withTenant(actor, (tx) =>
    tx
      .select({ id: resourceTypes.id })
      .from(resourceTypes)
      .where(and(eq(resourceTypes.tenantId, actor.tenantId), eq(resourceTypes.id, typeId))),
  );
  if (!found.length) {
    throw new ValidationFailed("Some fields need attention.", [
      { field: "typeId", message: "Choose a type from the list" },
    ]);
  }
}

export async function createResource(actor: MemberActor, raw: unknown): Promise<{ id: string }> {
  requireManager(actor);
  const input = parseFields(ResourceFields, raw);
  await checkType(actor, input.typeId);
  return withTenant(actor, async (tx) => {
    const [row] = await tx
      .insert(resources)
      .values({ tenantId: actor.tenantId, name: input.name, typeId: input.typeId, isActive: input.isActive })
      .returning({ id: resources.id });
    if (!row) throw new Error("resource insert returned no row");
    return row;
  });
}

/** Resources are deactivated rather than deleted: past bookings still point at them. */
export async function updateResource(actor: MemberActor, resourceId: string, raw: unknown): Promise<void> {
  requireManager(actor);
  const input = parseFields(ResourceFields, raw);
  await checkType(actor, input.typeId);
  await withTenant(actor, async (tx) => {
    const updated = await tx
      .update(resources)
      .set({ name: input.name, typeId: input.typeId, isActive: input.isActive })
      .where(and(eq(resources.tenantId, actor.tenantId), eq(resources.id, resourceId)))
      .returning({ id: resources.id });
    if (!updated.length) throw new NotFound("Room or equipment not found");
  });
}

export async function listClosures(actor: MemberActor): Promise<ClosureRow[]> {
  requireTeam(actor);
  return withTenant(actor, (tx) =>
    tx
      .select({
        id: closures.id,
        startsOn: closures.startsOn,
        endsOn: closures.endsOn,
        reason: closures.reason,
      })
      .from(closures)
      .where(eq(closures.tenantId, actor.tenantId))
      .orderBy(asc(closures.startsOn)),
  );
}

export async function createClosure(actor: MemberActor, raw: unknown): Promise<{ id: string }> {
  requireManager(actor);
  const input = parseFields(ClosureFields, raw);
  return withTenant(actor, async (tx) => {
    const [row] = await tx
      .insert(closures)
      .values({ tenantId: actor.tenantId, ...input })
      .returning({ id: closures.id });
    if (!row) throw new Error("closure insert returned no row");
    return row;
  });
}

export async function deleteClosure(actor: MemberActor, closureId: string): Promise<void> {
  requireManager(actor);
  await withTenant(actor, (tx) =>
    tx.delete(closures).where(and(eq(closures.tenantId, actor.tenantId), eq(closures.id, closureId))),
  );
}
