/** The worker: retries with backoff, dead after max attempts, Jobs retry, per-handler reruns, shutdown. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, withTenant } from "@/lib/db";
import {
  type EventHandler,
  listJobs,
  registerHandler,
  retryJobs,
  startWorker,
  unregisterHandler,
  type Worker,
} from "@/lib/events";
import { deliveriesOf, enqueueAs, outboxRow, settled, waitFor } from "../support/events";
import { createPractice, type TestPractice } from "../support/factory";

let practice: TestPractice;
let worker: Worker | undefined;
const registered: string[] = [];

function handler(h: EventHandler) {
  registerHandler(h);
  registered.push(h.name);
}
function start(types: string[], extra: Parameters<typeof startWorker>[0] = {}) {
  worker = startWorker({ pollMs: 50, retryBaseMs: 10, leaseSeconds: 5, types, ...extra });
  return worker;
}

beforeAll(async () => {
  practice = await createPractice();
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  for (const name of registered.splice(0)) unregisterHandler(name);
});
afterAll(closeDatabase);

describe("worker retries", () => {
  it("delivers a handler that fails three times, recording every attempt", async () => {
    const seen: number[] = [];
    handler({
      name: "test-flaky",
      types: ["test.flaky"],
      async handle(_event, ctx) {
        seen.push(ctx.attempt);
        if (ctx.attempt <= 3) throw new Error(`failure ${ctx.attempt}`);
      },
    });
    start(["test.flaky"]);
    await enqueueAs(practice.owner.actor, { type: "test.flaky", payload: {}, dedupeKey: "flaky" });
    const row = await settled(practice.tenantId, "flaky", "done");
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(row.attempts).toBe(4);
    expect(row.lastError).toBeNull();
    const [delivery] = await deliveriesOf(practice.tenantId, row.id);
    expect(delivery).toMatchObject({ handler: "test-flaky", status: "done", attempts: 4 });
    expect(delivery?.doneAt).toBeInstanceOf(Date);
  });

  it("marks an always-failing delivery dead, shows it on the Jobs list, and a retry delivers it", async () => {
    let healthy = false;
    let calls = 0;
    handler({
      name: "test-broken",
      types: ["test.broken"],
      maxAttempts: 3,
      async handle() {
        calls++;
        if (!healthy) throw new Error("provider said no");
      },
    });
    start(["test.broken"]);
    await enqueueAs(practice.owner.actor, { type: "test.broken", payload: { a: 1 }, dedupeKey: "broken" });
    const dead = await settled(practice.tenantId, "broken", "dead");
    expect(calls).toBe(3);
    expect(dead.lastError).toBe("Error: provider said no");

    const jobs = await withTenant(practice.owner.actor, (tx) =>
      listJobs(tx, practice.tenantId, { status: "dead" }),
    );
    expect(jobs.map((j) => [j.id, j.status, j.lastError])).toContainEqual([
      dead.id,
      "dead",
      "Error: provider said no",
    ]);
    expect(jobs.find((j) => j.id === dead.id)?.deliveries).toMatchObject([
      { handler: "test-broken", status: "dead", attempts: 3 },
    ]);

    healthy = true;
    const queued = await withTenant(practice.owner.actor, (tx) =>
      retryJobs(tx, practice.tenantId, [dead.id]),
    );
    expect(queued).toEqual([{ tenantId: practice.tenantId, id: dead.id }]);
    await settled(practice.tenantId, "broken", "done");
    expect(calls).toBe(4);
  });

  it("a retry reruns only the handlers that have not succeeded", async () => {
    const runs = { steady: 0, shaky: 0 };
    handler({
      name: "test-steady",
      types: ["test.pair"],
      async handle() {
        runs.steady++;
      },
    });
    handler({
      name: "test-shaky",
      types: ["test.pair"],
      async handle(_e, ctx) {
        runs.shaky++;
        if (ctx.attempt < 3) throw new Error("not yet");
      },
    });
    start(["test.pair"]);
    await enqueueAs(practice.owner.actor, { type: "test.pair", payload: {}, dedupeKey: "pair" });
    await settled(practice.tenantId, "pair", "done");
    expect(runs).toEqual({ steady: 1, shaky: 3 });
  });
});

describe("wake-up and shutdown", () => {
  it("a NOTIFY after commit wakes a worker long before its next poll", async () => {
    let ran = false;
    handler({
      name: "test-wake",
      types: ["test.wake"],
      async handle() {
        ran = true;
      },
    });
    start(["test.wake"], { pollMs: 60_000 });
    // The first claim runs at start-up; wait for the worker to be asleep before enqueueing.
    await new Promise((r) => setTimeout(r, 500));
    await enqueueAs(practice.owner.actor, { type: "test.wake", payload: {}, dedupeKey: "wake" });
    await waitFor(async () => ran, 10_000);
  });

  it("stop() lets an in-flight event finish within the grace period", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let started = 0;
    handler({
      name: "test-finish",
      types: ["test.finish"],
      async handle() {
        started++;
        await gate;
      },
    });
    const w = start(["test.finish"], { shutdownGraceMs: 10_000 });
    await enqueueAs(practice.owner.actor, { type: "test.finish", payload: {}, dedupeKey: "finish" });
    await waitFor(async () => started === 1);
    const stopping = w.stop();
    await new Promise((r) => setTimeout(r, 200));
    release();
    await stopping;
    expect((await outboxRow(practice.tenantId, "finish"))?.status).toBe("done");
  });

  it("stop() gives back an event that overruns the grace period; the next worker settles it", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let started = 0;
    handler({
      name: "test-slow",
      types: ["test.slow"],
      async handle() {
        started++;
        await gate;
      },
    });
    const w = start(["test.slow"], { shutdownGraceMs: 300 });
    await enqueueAs(practice.owner.actor, { type: "test.slow", payload: {}, dedupeKey: "slow" });
    await waitFor(async () => started === 1);
    await w.stop();
    const released = await outboxRow(practice.tenantId, "slow");
    expect(released).toMatchObject({ status: "pending", lockedBy: null });
    expect(released?.availableAt.getTime()).toBeLessThanOrEqual(Date.now());

    // The overrunning handler completes after all: its delivery is done, so it is not run again.
    release();
    const id = released?.id ?? "";
    await waitFor(async () => (await deliveriesOf(practice.tenantId, id))[0]?.status === "done");
    start(["test.slow"]);
    await settled(practice.tenantId, "slow", "done");
    expect(started).toBe(1);
  });
});
