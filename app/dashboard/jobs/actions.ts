"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { discardPracticeJob, retryDeadPracticeJobs, retryPracticeJob } from "@/lib/tenants";
import { defineAction } from "../../_lib/action";
import { requireStaffMember } from "../../_lib/session";

const JobRef = z.object({ id: z.uuid() });

const retry = defineAction(JobRef, async ({ id }) => {
  const { actor } = await requireStaffMember();
  await retryPracticeJob(actor, id);
  revalidatePath("/dashboard/jobs");
  return null;
});

const discard = defineAction(JobRef, async ({ id }) => {
  const { actor } = await requireStaffMember();
  await discardPracticeJob(actor, id);
  revalidatePath("/dashboard/jobs");
  return null;
});

const retryDead = defineAction(z.undefined(), async () => {
  const { actor } = await requireStaffMember();
  const queued = await retryDeadPracticeJobs(actor);
  revalidatePath("/dashboard/jobs");
  return queued;
});

export async function retryJobAction(raw: unknown) {
  return retry(raw);
}
export async function discardJobAction(raw: unknown) {
  return discard(raw);
}
export async function retryDeadJobsAction() {
  return retryDead(undefined);
}
