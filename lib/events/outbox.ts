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
    .onConflictDoNothing({ target: [outbox.tenantId, outbox.dedupeKey] });
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
