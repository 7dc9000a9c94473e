/** The platform admin's Jobs view: every practice's dead jobs, retry and discard, audited in both logs. */
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/admin/jobs/route";
import { POST as retryRoute } from "@/app/api/v1/admin/tenants/[id]/jobs/[jobId]/retry/route";
import {
  assertPlatformAdmin,
  discardPlatformJob,
  listPlatformJobs,
  type PlatformAdmin,
  retryPlatformJobs,
} from "@/lib/admin";
import { resolveSession } from "@/lib/auth";
import { closeDatabase, tables, withSystem } from "@/lib/db";
import { registerHandler, startWorker, unregisterHandler, type Worker } from "@/lib/events";
import { createAdmin } from "../support/admin";
import { enqueueAs, outboxRow, settled } from "../support/events";
import { createPractice, type TestPractice } from "../support/factory";
import { signedInAs } from "../support/http";

const TYPE = "test.admin_jobs";
let healthy = false;
let worker: Worker | undefined;
let practices: TestPractice[];
let admin: PlatformAdmin;
let client: Awaited<ReturnType<typeof createAdmin>>["client"];

beforeAll(async () => {
  practices = [await createPractice(), await createPractice()];
  const created = await createAdmin();
  client = created.client;
  admin = await assertPlatformAdmin(await resolveSession(client.token));
  registerHandler({
    name: "test-admin-jobs",
    types: [TYPE],
    maxAttempts: 1,
    async handle() {
      if (!healthy) throw new Error("webhook endpoint answered 500");
    },
  });
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});
afterAll(async () => {
  unregisterHandler("test-admin-jobs");
  await closeDatabase();
});

const run = () => {
  worker = startWorker({ types: [TYPE], pollMs: 50, retryBaseMs: 10 });
};

describe("platform jobs", () => {
  it("lists dead jobs of every practice; a retry is delivered and audited in the practice's log", async () => {
    healthy = false;
    for (const p of practices)
      await enqueueAs(p.owner.actor, { type: TYPE, payload: {}, dedupeKey: "admin-dead" });
    run();
    const dead = await Promise.all(practices.map((p) => settled(p.tenantId, "admin-dead", "dead")));
    await worker?.stop();

    const listed = await listPlatformJobs(admin, { status: "dead", limit: 200 });
    for (const [i, p] of practices.entries()) {
      expect(listed.find((j) => j.id === dead[i]?.id)).toMatchObject({
        tenantId: p.tenantId,
        practice: { slug: p.slug },
        lastError: "Error: webhook endpoint answered 500",
      });
    }
    const res = await client.call(listRoute, "/api/v1/admin/jobs?status=dead");
    expect(res.status).toBe(200);

    healthy = true;
    const first = practices[0] as TestPractice;
    const job = dead[0]?.id ?? "";
    const retried = await client.call(
      retryRoute,
      `/api/v1/admin/tenants/${first.tenantId}/jobs/${job}/retry`,
      {
        method: "POST",
        params: { id: first.tenantId, jobId: job },
      },
    );
    expect(retried.status).toBe(204);
    run();
    await settled(first.tenantId, "admin-dead", "done");
    const audit = await withSystem("test reads the practice's audit log", (tx) =>
      tx
        .select({ action: tables.auditLog.action, details: tables.auditLog.details })
        .from(tables.auditLog)
        .where(and(eq(tables.auditLog.tenantId, first.tenantId), eq(tables.auditLog.action, "jobs.retried"))),
    );
    expect(audit).toMatchObject([{ action: "jobs.retried", details: { jobs: [job] } }]);

    const second = practices[1] as TestPractice;
    await discardPlatformJob(admin, { tenantId: second.tenantId, id: dead[1]?.id });
    expect((await outboxRow(second.tenantId, "admin-dead"))?.status).toBe("cancelled");
    await expect(retryPlatformJobs(admin, { tenantId: second.tenantId, id: dead[1]?.id })).rejects.toThrow(
      "Job not found",
    );
  });

  it("refuses a practice owner", async () => {
    const owner = practices[0] as TestPractice;
    const asOwner = await signedInAs(owner.owner.userId, owner.tenantId);
    expect((await asOwner.call(listRoute, "/api/v1/admin/jobs")).status).toBe(403);
  });
});
