import { and, desc, eq, inArray, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { type Tx, tables } from "@/lib/db";
import { OUTBOX_CHANNEL } from "./outbox";

const { outbox, deliveries } = tables;

/** What the Jobs page shows: retrying ("failed") and dead events with their errors, or the queue. */
export const JOB_FILTERS = ["pending", "failed", "dead"] as const;
export const JobQuery = z.object({
  status: z.enum(JOB_FILTERS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type JobQuery = z.input<typeof JobQuery>;

export type JobDelivery = {
  handler: string;
  status: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
};
export type Job = {
  id: string;
  tenantId: string;
  type: string;
  status: "pending" | "failed" | "dead";
  attempts: number;
  lastError: string | null;
  availableAt: Date;
  createdAt: Date;
  subjectId: string | null;
  deliveries: JobDelivery[];
};

function filterFor(status: JobQuery["status"]): SQL | undefined {
  switch (status) {
    case "pending":
      return and(eq(outbox.status, "pending"), isNull(outbox.lastError));
    case "failed":
      return and(eq(outbox.status, "pending"), isNotNull(outbox.lastError));
    case "dead":
      return eq(outbox.status, "dead");
    default:
      return inArray(outbox.status, ["pending", "dead"]);
  }
}

/** Open jobs, newest first; `tenantId` null lists every practice (platform admin, system path). */
export async function listJobs(tx: Tx, tenantId: string | null, query: JobQuery = {}): Promise<Job[]> {
  const q = JobQuery.parse(query);
  const rows = await tx
    .select()
    .from(outbox)
    .where(and(tenantId ? eq(outbox.tenantId, tenantId) : undefined, filterFor(q.status)))
    .orderBy(desc(outbox.createdAt))
    .limit(q.limit);
  if (!rows.length) return [];
  const attempts = await tx
    .select()
    .from(deliveries)
    .where(or(...rows.map((r) => and(eq(deliveries.tenantId, r.tenantId), eq(deliveries.eventId, r.id)))));
  return rows.map((r) => ({
    id: r.id,
    tenantId: r.tenantId,
    type: r.type,
    status: r.status === "dead" ? "dead" : r.lastError ? "failed" : "pending",
    attempts: r.attempts,
    lastError: r.lastError,
    availableAt: r.availableAt,
    createdAt: r.createdAt,
    subjectId: r.subjectId,
    deliveries: attempts
      .filter((d) => d.tenantId === r.tenantId && d.eventId === r.id)
      .map((d) => ({
        handler: d.handler,
        status: d.status,
        attempts: d.attempts,
        lastError: d.lastError,
        nextAttemptAt: d.nextAttemptAt,
      })),
  }));
}

/**
 * Makes dead (or waiting) jobs due now: their dead deliveries get a fresh set of attempts; deliveries
 * that succeeded stay done, so a retry reruns only what failed. Returns the jobs queued.
 */
export async function retryJobs(
  tx: Tx,
  tenantId: string | null,
  ids: string[] | "all-dead",
): Promise<{ tenantId: string; id: string }[]> {
  const which =
    ids === "all-dead"
      ? eq(outbox.status, "dead")
      : and(inArray(outbox.id, ids), inArray(outbox.status, ["pending", "dead"]));
  const queued = await tx
    .update(outbox)
    .set({ status: "pending", availableAt: sql`now()`, lockedBy: null, lockedUntil: null })
    .where(and(tenantId ? eq(outbox.tenantId, tenantId) : undefined, which))
    .returning({ tenantId: outbox.tenantId, id: outbox.id });
  for (const job of queued) {
    await tx
      .update(deliveries)
      .set({ status: "pending", attempts: 0, nextAttemptAt: sql`now()` })
      .where(
        and(
          eq(deliveries.tenantId, job.tenantId),
          eq(deliveries.eventId, job.id),
          inArray(deliveries.status, ["pending", "dead"]),
        ),
      );
  }
  if (queued.length) await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
  return queued;
}

/** Discards an open job: it is kept for the record as cancelled and never runs. */
export async function discardJob(tx: Tx, tenantId: string | null, id: string): Promise<boolean> {
  const rows = await tx
    .update(outbox)
    .set({ status: "cancelled", lockedBy: null, lockedUntil: null })
    .where(
      and(
        tenantId ? eq(outbox.tenantId, tenantId) : undefined,
        eq(outbox.id, id),
        inArray(outbox.status, ["pending", "dead"]),
      ),
    )
    .returning({ id: outbox.id });
  return rows.length === 1;
}
