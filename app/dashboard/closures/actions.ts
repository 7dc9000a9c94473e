"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createClosure, deleteClosure } from "@/lib/catalogue";
import { ClosureFields } from "@/lib/catalogue/fields";
import { defineAction } from "../../_lib/action";
import { requireStaffMember } from "../../_lib/session";

const create = defineAction(ClosureFields, async (input) => {
  const { actor } = await requireStaffMember();
  await createClosure(actor, input);
  revalidatePath("/dashboard/closures");
  return null;
});

const remove = defineAction(z.object({ id: z.uuid() }), async ({ id }) => {
  const { actor } = await requireStaffMember();
  await deleteClosure(actor, id);
  revalidatePath("/dashboard/closures");
  return null;
});

export async function createClosureAction(raw: unknown) {
  return create(raw);
}
export async function deleteClosureAction(raw: unknown) {
  return remove(raw);
}
