"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  ReactivateFields,
  ReasonFields,
  reactivatePractice,
  SupportViewFields,
  suspendPractice,
  viewBookingsAsSupport,
} from "@/lib/admin";
import { defineAction } from "../../_lib/action";
import { requestDevice } from "../../_lib/session";
import { adminForAction } from "../_lib/guard";

const Target = z.object({ tenantId: z.uuid("Choose a practice from the list") });
const ip = async () => (await requestDevice()).ip;

const suspend = defineAction(ReasonFields.extend(Target.shape), async ({ tenantId, ...input }) => {
  const practice = await suspendPractice(await adminForAction(), tenantId, input, await ip());
  revalidatePath("/admin", "layout");
  return practice;
});

const reactivate = defineAction(ReactivateFields.extend(Target.shape), async ({ tenantId, ...input }) => {
  const practice = await reactivatePractice(await adminForAction(), tenantId, input, await ip());
  revalidatePath("/admin", "layout");
  return practice;
});

// Each call is one audited opening (the reason and page are written to both logs before any row is read).
const supportView = defineAction(SupportViewFields.extend(Target.shape), async ({ tenantId, ...input }) =>
  viewBookingsAsSupport(await adminForAction(), tenantId, input, await ip()),
);

export async function suspendPracticeAction(raw: unknown) {
  return suspend(raw);
}
export async function reactivatePracticeAction(raw: unknown) {
  return reactivate(raw);
}
export async function viewBookingsAsSupportAction(raw: unknown) {
  return supportView(raw);
}
