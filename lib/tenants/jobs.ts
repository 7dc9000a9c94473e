/**
 * The practice's Jobs page and API: open background jobs (outbox events) with their errors; retry one,
 * retry every dead one, discard one. Owners only (`jobs.manage`); RLS keeps it to their practice.
 */
import { z } from "zod";
import { assertCan } from "@/lib/auth";
import { type Actor, withTenant } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { discardJob, type Job, JobQuery, listJobs, retryJobs } from "@/lib/events";

export { JOB_FILTERS, type Job, JobQuery } from "@/lib/events";

const JobId = z.uuid();

function jobId(raw: unknown): string {
  const parsed = JobId.safeParse(raw);
  if (!parsed.success) throw new NotFound("Job not found");
  return parsed.data;
}

export async function listPracticeJobs(actor: Actor, query: unknown = {}): Promise<Job[]> {
  assertCan(actor, "jobs.manage");
  const q = JobQuery.parse(query);
  return withTenant(actor, (tx) => listJobs(tx, actor.tenantId, q));
}

/** Queues a pending or dead job to run now; a finished or unknown one is a 404. */
export async function retryPracticeJob(actor: Actor, id: unknown): Promise<void> {
  assertCan(actor, "jobs.manage");
  const jobIdValue = jobId(id);
  const queued = await withTenant(actor, (tx) => retryJobs(tx, actor.tenantId, [jobIdValue]));
  if (!queued.length) throw new NotFound("Job not found");
}

export async function retryDeadPracticeJobs(actor: Actor): Promise<number> {
  assertCan(actor, "jobs.manage");
  return (await withTenant(actor, (tx) => retryJobs(tx, actor.tenantId, "all-dead"))).length;
}

export async function discardPracticeJob(actor: Actor, id: unknown): Promise<void> {
  assertCan(actor, "jobs.manage");
  const jobIdValue = jobId(id);
  if (!(await withTenant(actor, (tx) => discardJob(tx, actor.tenantId, jobIdValue)))) {
    throw new NotFound("Job not found");
  }
}
