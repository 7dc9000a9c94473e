import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { type Tx, tables } from "@/lib/db";
import type { OutboxEventInput } from "./types";

const { outbox } = tables;

/** The channel workers LISTEN on; a NOTIFY is delivered when the enqueuing transaction commits. */
export const OUTBOX_CHANNEL = "boka_outbox";

const EventInput = z.object({
  tenantId: z.uuid(),
  type: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, "dotted lowercase, e.g. booking.created"),
  payload: z.record(z.string(), z.unknown()),
  dedupeKey: z.string().min(1).max(300),
  availableAt: z.date().optional(),
  subjectId: z.uuid().optional(),
});

/**
 * Writes an event inside the caller's transaction: it exists exactly when that transaction commits.
 * A second event with the same dedupe key is dropped, so a retried request emits nothing new.
 */
export async function enqueue(tx: Tx, event: OutboxEventInput): Promise<void> {
  const e = EventInput.parse(event);
  await tx
    .insert(outbox)
    .values({
      tenantId: e.tenantId,
      type: e.type,
      payload: e.payload,
      dedupeKey: e.dedupeKey,
      subjectId: e.subjectId ?? null,
      ...(e.availableAt ? { availableAt: e.availableAt } : {}),
    })
    // No conflict target: naming one needs SELECT on the row, which a customer's own transaction lacks.
    // The only other unique key is the random primary key.
    .onConflictDoNothing();
  if (!e.availableAt || e.availableAt.getTime() <= Date.now()) {
    await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
  }
}

/** Cancels a subject's pending events of one type (a booking's reminders when it is cancelled). */
export async function cancelScheduled(
  tx: Tx,
  tenantId: string,
  subjectId: string,
  type: string,
): Promise<number> {
  const rows = await tx
    .update(outbox)
    .set({ status: "cancelled" })
    .where(
      and(
        eq(outbox.tenantId, tenantId),
        eq(outbox.subjectId, subjectId),
        eq(outbox.type, type),
        eq(outbox.status, "pending"),
      ),
    )
    .returning({ id: outbox.id });
  return rows.length;
}

/**
 * Deletes finished (done or cancelled) events older than `days`, with their deliveries, and the
 * once-only mail records of that age (no retry can reach back that far). Dead events stay for the Jobs
 * page until someone retries or discards them.
 */
export async function purgeFinishedEvents(tx: Tx, days: number): Promise<number> {
  const before = sql`now() - make_interval(days => ${days})`;
  const events = await tx.execute(sql`
    delete from public.outbox
    where status in ('done', 'cancelled') and coalesce(done_at, created_at) < ${before}
    returning id`);
  const mail = await tx.execute(
    sql`delete from public.sent_mail where sent_at < ${before} returning dedupe_key`,
  );
  return events.rows.length + mail.rows.length;
}
