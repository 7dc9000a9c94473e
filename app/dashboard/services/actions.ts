"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createService, setServiceActive, updateService } from "@/lib/catalogue";
import { ServiceFields, withId } from "@/lib/catalogue/fields";
import { defineAction } from "../../_lib/action";
import { requireStaffMember } from "../../_lib/session";

const create = defineAction(ServiceFields, async (input) => {
  const { actor } = await requireStaffMember();
  const created = await createService(actor, input);
  revalidatePath("/dashboard/services");
  return created;
});

const update = defineAction(withId(ServiceFields), async ({ id, ...input }) => {
  const { actor } = await requireStaffMember();
  await updateService(actor, id, input);
  revalidatePath("/dashboard/services");
  return null;
});

const activate = defineAction(z.object({ id: z.uuid(), isActive: z.boolean() }), async ({ id, isActive }) => {
  const { actor } = await requireStaffMember();
  await setServiceActive(actor, id, isActive);
  revalidatePath("/dashboard/services");
  return null;
});

export async function createServiceAction(raw: unknown) {
  return create(raw);
}

export async function updateServiceAction(raw: unknown) {
  return update(raw);
}

export async function setServiceActiveAction(raw: unknown) {
  return activate(raw);
}
