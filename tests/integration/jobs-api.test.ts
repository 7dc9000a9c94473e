/** The Jobs API: a dead job is listed with its error, a retry delivers it, discard cancels; problem+json. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as retry } from "@/app/api/v1/jobs/[id]/retry/route";
import { DELETE as discard } from "@/app/api/v1/jobs/[id]/route";
import { POST as retryDead } from "@/app/api/v1/jobs/retry-dead/route";
import { GET as list } from "@/app/api/v1/jobs/route";
import { closeDatabase } from "@/lib/db";
import { registerHandler, startWorker, unregisterHandler, type Worker } from "@/lib/events";
import { enqueueAs, outboxRow, settled } from "../support/events";
import { addMember, createPractice, type TestPractice } from "../support/factory";
import { signedInAs } from "../support/http";

const TYPE = "test.jobs_api";
let practice: TestPractice;
let owner: Awaited<ReturnType<typeof signedInAs>>;
let worker: Worker | undefined;
let healthy = false;

beforeAll(async () => {
  practice = await createPractice();
  owner = await signedInAs(practice.owner.userId, practice.tenantId);
  registerHandler({
    name: "test-jobs-api",
    types: [TYPE],
    maxAttempts: 2,
    async handle() {
      if (!healthy) throw new Error("SMTP relay refused the message");
    },
  });
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});
afterAll(async () => {
  unregisterHandler("test-jobs-api");
  await closeDatabase();
});

const run = () => {
  worker = startWorker({ types: [TYPE], pollMs: 50, retryBaseMs: 10 });
};

type JobJson = { id: string; status: string; last_error: string | null; deliveries: { attempts: number }[] };

describe("/api/v1/jobs", () => {
  it("lists a dead job with its error; retry runs it again and it is delivered", async () => {
    healthy = false;
    await enqueueAs(practice.owner.actor, { type: TYPE, payload: {}, dedupeKey: "dead-1" });
    run();
    const dead = await settled(practice.tenantId, "dead-1", "dead");
    const res = await owner.call(list, "/api/v1/jobs?status=dead");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { jobs: JobJson[] };
    expect(body.jobs.find((j) => j.id === dead.id)).toMatchObject({
      status: "dead",
      last_error: "Error: SMTP relay refused the message",
      deliveries: [{ attempts: 2 }],
    });

    healthy = true;
    const retried = await owner.call(retry, `/api/v1/jobs/${dead.id}/retry`, {
      method: "POST",
      params: { id: dead.id },
    });
    expect(retried.status).toBe(204);
    await settled(practice.tenantId, "dead-1", "done");
    const again = await owner.call(retry, `/api/v1/jobs/${dead.id}/retry`, {
      method: "POST",
      params: { id: dead.id },
    });
    expect(again.status).toBe(404);
    expect(again.headers.get("content-type")).toContain("application/problem+json");
  });

  it("retry-dead queues every dead job; discard cancels one", async () => {
    healthy = false;
    for (const key of ["dead-a", "dead-b"]) {
      await enqueueAs(practice.owner.actor, { type: TYPE, payload: {}, dedupeKey: key });
    }
    run();
    await settled(practice.tenantId, "dead-a", "dead");
    const b = await settled(practice.tenantId, "dead-b", "dead");
    await worker?.stop();

    const res = await owner.call(retryDead, "/api/v1/jobs/retry-dead", { method: "POST" });
    expect(await res.json()).toEqual({ queued: 2 });
    const discarded = await owner.call(discard, `/api/v1/jobs/${b.id}`, {
      method: "DELETE",
      params: { id: b.id },
    });
    expect(discarded.status).toBe(204);
    healthy = true;
    run();
    await settled(practice.tenantId, "dead-a", "done");
    expect((await outboxRow(practice.tenantId, "dead-b"))?.status).toBe("cancelled");
  });

  it("answers a bad filter with 422, a malformed id with 404, and a manager with 403", async () => {
    const bad = await owner.call(list, "/api/v1/jobs?status=everything");
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { request_id?: string }).request_id).toBeTruthy();
    const missing = await owner.call(retry, "/api/v1/jobs/nope/retry", {
      method: "POST",
      params: { id: "nope" },
    });
    expect(missing.status).toBe(404);
    const manager = await addMember(practice.tenantId, "manager");
    const asManager = await signedInAs(manager.userId, practice.tenantId);
    expect((await asManager.call(list, "/api/v1/jobs")).status).toBe(403);
  });
});
