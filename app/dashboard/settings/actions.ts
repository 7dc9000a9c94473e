"use server";
import { revalidatePath } from "next/cache";
import { TenantSettingsInput, updateTenantSettings } from "@/lib/tenants";
import { defineAction } from "../../_lib/action";
import { requestDevice, requireStaffMember } from "../../_lib/session";

const run = defineAction(TenantSettingsInput, async (input) => {
  const { actor } = await requireStaffMember();
  const saved = await updateTenantSettings(actor, input, (await requestDevice()).ip);
  revalidatePath("/dashboard", "layout");
  return saved;
});

export async function updateSettingsAction(raw: unknown) {
  return run(raw);
}
