import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/lib/db";
import type { OutboxEvent } from "./types";

const ClaimedRow = z.object({
  tenant_id: z.string(),
  id: z.string(),
  type: z.string(),
  payload: z.record(z.string(), z.unknown()),
  dedupe_key: z.string(),
  subject_id: z.string().nullable(),
  attempts: z.coerce.number(),
  created_at: z.coerce.date(),
  due_at: z.coerce.date(),
});

/**
 * Claims up to `limit` due events for `workerId` (only of `types` when given: a dedicated pool). SKIP LOCKED lets concurrent workers pass over rows
 * another is claiming; the claim moves `available_at` to the end of the lease, so the row is not due
 * again unless this worker dies (or overruns) before finishing it.
 */
export async function claimDue(
  tx: Tx,
  workerId: string,
  limit: number,
  leaseSeconds: number,
  types?: readonly string[],
): Promise<OutboxEvent[]> {
  const ofTypes = types?.length
    ? sql`and type in (${sql.join(
        types.map((t) => sql`${t}`),
        sql`, `,
      )})`
    : sql``;
  const result = await tx.execute(sql`
    with due as (
      select tenant_id, id, available_at from public.outbox
      where status = 'pending' and available_at <= now() ${ofTypes}
      order by available_at
      limit ${limit}
      for update skip locked
    )
    update public.outbox o
    set attempts = o.attempts + 1,
        locked_by = ${workerId},
        locked_until = now() + make_interval(secs => ${leaseSeconds}),
        available_at = now() + make_interval(secs => ${leaseSeconds})
    from due
    where o.tenant_id = due.tenant_id and o.id = due.id
    returning o.tenant_id, o.id, o.type, o.payload, o.dedupe_key, o.subject_id, o.attempts,
              o.created_at, due.available_at as due_at`);
  return result.rows.map((raw) => {
    const r = ClaimedRow.parse(raw);
    return {
      id: r.id,
      tenantId: r.tenant_id,
      type: r.type,
      payload: r.payload,
      dedupeKey: r.dedupe_key,
      subjectId: r.subject_id,
      attempts: r.attempts,
      createdAt: r.created_at,
      availableAt: r.due_at,
    };
  });
}

/**
 * Extends this worker's lease on an event it is still working on. False when the lease was lost (it ran
 * out and another worker claimed the event): the caller must stop.
 */
export async function renewLease(
  tx: Tx,
  event: OutboxEvent,
  workerId: string,
  leaseSeconds: number,
): Promise<boolean> {
  const result = await tx.execute(sql`
    update public.outbox
    set locked_until = now() + make_interval(secs => ${leaseSeconds}),
        available_at = now() + make_interval(secs => ${leaseSeconds})
    where tenant_id = ${event.tenantId} and id = ${event.id} and status = 'pending'
      and locked_by = ${workerId} and attempts = ${event.attempts}
    returning id`);
  return result.rows.length === 1;
}

/** Gives claimed events back (graceful shutdown): they are due at once for any other worker. */
export async function releaseClaims(tx: Tx, workerId: string): Promise<number> {
  const result = await tx.execute(sql`
    update public.outbox
    set locked_by = null, locked_until = null, available_at = now()
    where status = 'pending' and locked_by = ${workerId}
    returning id`);
  return result.rows.length;
}
