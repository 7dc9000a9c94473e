"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  createResource,
  createResourceType,
  deleteResourceType,
  renameResourceType,
  updateResource,
} from "@/lib/catalogue";
import { ResourceFields, ResourceTypeFields, withId } from "@/lib/catalogue/fields";
import { defineAction } from "../../_lib/action";
import { requireStaffMember } from "../../_lib/session";

const done = () => {
  revalidatePath("/dashboard/resources");
  return null;
};

const createType = defineAction(ResourceTypeFields, async (input) => {
  const { actor } = await requireStaffMember();
  await createResourceType(actor, input);
  return done();
});

const renameType = defineAction(withId(ResourceTypeFields), async ({ id, ...input }) => {
  const { actor } = await requireStaffMember();
  await renameResourceType(actor, id, input);
  return done();
});

const deleteType = defineAction(z.object({ id: z.uuid() }), async ({ id }) => {
  const { actor } = await requireStaffMember();
  await deleteResourceType(actor, id);
  return done();
});

const create = defineAction(ResourceFields, async (input) => {
  const { actor } = await requireStaffMember();
  await createResource(actor, input);
  return done();
});

const update = defineAction(withId(ResourceFields), async ({ id, ...input }) => {
  const { actor } = await requireStaffMember();
  await updateResource(actor, id, input);
  return done();
});

export async function createResourceTypeAction(raw: unknown) {
  return createType(raw);
}
export async function renameResourceTypeAction(raw: unknown) {
  return renameType(raw);
}
export async function deleteResourceTypeAction(raw: unknown) {
  return deleteType(raw);
}
export async function createResourceAction(raw: unknown) {
  return create(raw);
}
export async function updateResourceAction(raw: unknown) {
  return update(raw);
}
