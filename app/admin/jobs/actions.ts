"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { discardPlatformJob, retryPlatformJobs } from "@/lib/admin";
import { defineAction } from "../../_lib/action";
import { adminForAction } from "../_lib/guard";

const JobRef = z.object({ tenantId: z.uuid(), id: z.uuid() });

const retry = defineAction(JobRef, async (ref) => {
  const queued = await retryPlatformJobs(await adminForAction(), ref);
  revalidatePath("/admin/jobs");
  return queued;
});
const discard = defineAction(JobRef, async (ref) => {
  await discardPlatformJob(await adminForAction(), ref);
  revalidatePath("/admin/jobs");
  return null;
});
const retryDead = defineAction(z.undefined(), async () => {
  const queued = await retryPlatformJobs(await adminForAction(), "all-dead");
  revalidatePath("/admin/jobs");
  return queued;
});

export async function retryPlatformJobAction(raw: unknown) {
  return retry(raw);
}
export async function discardPlatformJobAction(raw: unknown) {
  return discard(raw);
}
export async function retryDeadPlatformJobsAction() {
  return retryDead(undefined);
}
