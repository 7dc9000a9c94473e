/**
 * Two workers on one real Postgres never run one job twice: 1,000 events, two workers claiming at once,
 * every (event, handler) delivered exactly once. PGlite is a single session, so SKIP LOCKED has nothing
 * to race against there; this runs on real Postgres only.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase, tables, withSystem } from "@/lib/db";
import { enqueue, registerHandler, startWorker, unregisterHandler } from "@/lib/events";
import { waitFor } from "../support/events";
import { createPractice } from "../support/factory";

const JOBS = 1_000;
const TYPE = "test.concurrent";

afterAll(closeDatabase);

describe.skipIf(!process.env.DATABASE_URL)(
  "two workers on real Postgres (skipped on PGlite: one session, no concurrent claims)",
  () => {
    it("process each of 1,000 jobs exactly once", async () => {
      const practice = await createPractice();
      await withSystem("test enqueues a thousand events", async (tx) => {
        for (let i = 0; i < JOBS; i++) {
          await enqueue(tx, { tenantId: practice.tenantId, type: TYPE, payload: { i }, dedupeKey: `c${i}` });
        }
      });
      const runs = new Map<string, string[]>();
      // One handler for both workers; each run records which worker ran it.
      registerHandler({
        name: "test-concurrent",
        types: [TYPE],
        async handle(event, ctx) {
          const list = runs.get(event.id) ?? [];
          list.push(ctx.log.bindings().worker as string);
          runs.set(event.id, list);
          await new Promise((r) => setImmediate(r));
        },
      });
      const started = [1, 2].map(() => startWorker({ types: [TYPE], pollMs: 50, batch: 10 }));
      try {
        await waitFor(async () => {
          const [row] = await withSystem("test counts finished events", (tx) =>
            tx
              .select({ n: sql<number>`count(*)::int` })
              .from(tables.outbox)
              .where(and(eq(tables.outbox.tenantId, practice.tenantId), eq(tables.outbox.status, "done"))),
          );
          return row?.n === JOBS;
        }, 120_000);
      } finally {
        await Promise.all(started.map((w) => w.stop()));
        unregisterHandler("test-concurrent");
      }
      const [counts] = await withSystem("test counts deliveries", (tx) =>
        tx
          .select({ n: sql<number>`count(*)::int`, attempts: sql<number>`sum(attempts)::int` })
          .from(tables.deliveries)
          .where(eq(tables.deliveries.tenantId, practice.tenantId)),
      );
      expect(counts).toEqual({ n: JOBS, attempts: JOBS });
      expect(runs.size).toBe(JOBS);
      expect([...runs.values()].filter((ran) => ran.length !== 1)).toEqual([]);
      const byWorker = new Set([...runs.values()].map(([w]) => w));
      expect(byWorker.size).toBe(2);
    }, 180_000);
  },
);
