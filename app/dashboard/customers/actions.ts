"use server";
import { revalidatePath } from "next/cache";
import { createCustomer, updateCustomer } from "@/lib/catalogue";
import { CustomerFields, withId } from "@/lib/catalogue/fields";
import { defineAction } from "../../_lib/action";
import { requireStaffMember } from "../../_lib/session";

const create = defineAction(CustomerFields, async (input) => {
  const { actor } = await requireStaffMember();
  const created = await createCustomer(actor, input);
  revalidatePath("/dashboard/customers");
  return created;
});

const update = defineAction(withId(CustomerFields), async ({ id, ...input }) => {
  const { actor } = await requireStaffMember();
  await updateCustomer(actor, id, input);
  revalidatePath("/dashboard/customers");
  revalidatePath(`/dashboard/customers/${id}`);
  return null;
});

export async function createCustomerAction(raw: unknown) {
  return create(raw);
}
export async function updateCustomerAction(raw: unknown) {
  return update(raw);
}
