"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { resetMessageIntro, saveMessageIntro, updateNotificationSettings } from "@/lib/notifications";
import { NotificationSettingsFields } from "@/lib/notifications/fields";
import { type ActionResult, defineAction } from "../../../_lib/action";
import { requestDevice, requireStaffMember } from "../../../_lib/session";

const PAGE = "/dashboard/settings/notifications";

/** Native forms post here; the outcome comes back in the query string so the page needs no client code. */
function back(result: ActionResult<unknown>, anchor = ""): never {
  revalidatePath(PAGE);
  const q = result.ok
    ? "saved=1"
    : `error=${encodeURIComponent([result.message, ...Object.values(result.fieldErrors)].join(" "))}`;
  redirect(`${PAGE}?${q}${anchor}`);
}

const saveSettings = defineAction(NotificationSettingsFields, async (input) => {
  const { actor } = await requireStaffMember();
  return updateNotificationSettings(actor, input, (await requestDevice()).ip);
});

export async function saveSettingsAction(form: FormData) {
  const hours = form
    .getAll("reminderHours")
    .map(String)
    .filter((v) => v.trim() !== "");
  back(
    await saveSettings({
      address: String(form.get("address") ?? ""),
      customerNote: String(form.get("customerNote") ?? ""),
      reminderOffsetsMinutes: hours.map((h) => Math.round(Number(h) * 60)),
      smsReminders: form.get("smsReminders") === "on",
      thankYouEnabled: form.get("thankYouEnabled") === "on",
      confirmationWindowMinutes: Math.round(Number(form.get("confirmationWindowHours") ?? "") * 60),
    }),
  );
}

const Intro = z.object({ kind: z.string(), intro: z.string() });
const saveIntro = defineAction(Intro, async (input) => {
  const { actor } = await requireStaffMember();
  await saveMessageIntro(actor, input);
  return null;
});
const resetIntro = defineAction(z.object({ kind: z.string() }), async ({ kind }) => {
  const { actor } = await requireStaffMember();
  await resetMessageIntro(actor, kind);
  return null;
});

export async function templateAction(form: FormData) {
  const kind = String(form.get("kind") ?? "");
  const result =
    form.get("intent") === "reset"
      ? await resetIntro({ kind })
      : await saveIntro({ kind, intro: String(form.get("intro") ?? "") });
  back(result, `#${kind}`);
}
