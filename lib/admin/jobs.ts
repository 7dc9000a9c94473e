/**
 * Background jobs across every practice, for the platform admin: the same list and actions as a
 * practice's Jobs page. Retries and discards are written to both audit logs, like every admin action.
 */
import { inArray } from "drizzle-orm";
import { z } from "zod";
import { type Tx, tables, withSystem } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { discardJob, type Job, JobQuery, listJobs, retryJobs } from "@/lib/events";
import { confirmAdminInTx, type PlatformAdmin } from "./access";
import { parseInput } from "./input";
import { auditAdminAction, type PlatformAction } from "./platform-log";

export type PlatformJob = Job & { practice: { slug: string; name: string } };

const JobRef = z.object({ tenantId: z.uuid(), id: z.uuid() });

async function practicesOf(tx: Tx, ids: string[]) {
  const rows = ids.length
    ? await tx
        .select({ id: tables.tenants.id, slug: tables.tenants.slug, name: tables.tenants.name })
        .from(tables.tenants)
        .where(inArray(tables.tenants.id, [...new Set(ids)]))
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}

async function audit(
  tx: Tx,
  admin: PlatformAdmin,
  action: PlatformAction,
  jobs: { tenantId: string; id: string }[],
) {
  const practices = await practicesOf(
    tx,
    jobs.map((j) => j.tenantId),
  );
  for (const [tenantId, practice] of practices) {
    const ids = jobs.filter((j) => j.tenantId === tenantId).map((j) => j.id);
    await auditAdminAction(tx, admin, { action, tenant: practice, details: { jobs: ids } });
  }
}

export async function listPlatformJobs(admin: PlatformAdmin, raw: unknown = {}): Promise<PlatformJob[]> {
  const query = parseInput(JobQuery, raw);
  return withSystem(
    "platform admin lists every practice's jobs (checked: platform admin with MFA)",
    async (tx) => {
      await confirmAdminInTx(tx, admin);
      const jobs = await listJobs(tx, null, query);
      const practices = await practicesOf(
        tx,
        jobs.map((j) => j.tenantId),
      );
      return jobs.map((j) => ({
        ...j,
        practice: practices.get(j.tenantId) ?? { slug: "", name: "(deleted practice)" },
      }));
    },
  );
}

/** One job (`{tenantId, id}`) or, with "all-dead", every dead job of every practice. */
export async function retryPlatformJobs(admin: PlatformAdmin, which: unknown): Promise<number> {
  const ref = which === "all-dead" ? "all-dead" : parseInput(JobRef, which);
  return withSystem("platform admin retries jobs (checked: platform admin with MFA; audited)", async (tx) => {
    await confirmAdminInTx(tx, admin);
    const queued =
      ref === "all-dead"
        ? await retryJobs(tx, null, "all-dead")
        : await retryJobs(tx, ref.tenantId, [ref.id]);
    if (ref !== "all-dead" && !queued.length) throw new NotFound("Job not found");
    await audit(tx, admin, "jobs.retried", queued);
    return queued.length;
  });
}

export async function discardPlatformJob(admin: PlatformAdmin, which: unknown): Promise<void> {
  const ref = parseInput(JobRef, which);
  await withSystem(
    "platform admin discards a job (checked: platform admin with MFA; audited)",
    async (tx) => {
      await confirmAdminInTx(tx, admin);
      if (!(await discardJob(tx, ref.tenantId, ref.id))) throw new NotFound("Job not found");
      await audit(tx, admin, "jobs.discarded", [ref]);
    },
  );
}
