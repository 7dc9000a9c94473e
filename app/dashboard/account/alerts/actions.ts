"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ALERT_KINDS, AlertPreferencesInput, saveMyAlertPreferences } from "@/lib/notifications";
import { defineAction } from "../../../_lib/action";
import { requireStaffMember } from "../../../_lib/session";

const save = defineAction(AlertPreferencesInput, async (input) => {
  const { actor } = await requireStaffMember();
  return saveMyAlertPreferences(actor, input);
});

export async function saveAlertsAction(form: FormData) {
  const result = await save(Object.fromEntries(ALERT_KINDS.map((k) => [k, form.get(k) === "on"])));
  revalidatePath("/dashboard/account/alerts");
  redirect(`/dashboard/account/alerts?${result.ok ? "saved=1" : "error=1"}`);
}
