import { and, eq } from "drizzle-orm";
import { type Actor, tables, withSystem, withTenant } from "@/lib/db";
import { enqueue, type OutboxEventInput } from "@/lib/events";

/** Polls until `check` returns a value (not undefined/false), or fails after `ms`. */
export async function waitFor<T>(check: () => Promise<T | undefined | false>, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function enqueueAs(
  actor: Extract<Actor, { kind: "member" }>,
  event: Omit<OutboxEventInput, "tenantId">,
) {
  await withTenant(actor, (tx) => enqueue(tx, { ...event, tenantId: actor.tenantId }));
}

export async function outboxRow(tenantId: string, dedupeKey: string) {
  const [row] = await withSystem("test reads an outbox row", (tx) =>
    tx
      .select()
      .from(tables.outbox)
      .where(and(eq(tables.outbox.tenantId, tenantId), eq(tables.outbox.dedupeKey, dedupeKey))),
  );
  return row;
}

export async function deliveriesOf(tenantId: string, eventId: string) {
  return withSystem("test reads deliveries", (tx) =>
    tx
      .select()
      .from(tables.deliveries)
      .where(and(eq(tables.deliveries.tenantId, tenantId), eq(tables.deliveries.eventId, eventId))),
  );
}

/** Waits until the event has settled into `status`; returns the row. */
export function settled(tenantId: string, dedupeKey: string, status: "done" | "dead", ms?: number) {
  return waitFor(async () => {
    const row = await outboxRow(tenantId, dedupeKey);
    return row?.status === status ? row : undefined;
  }, ms);
}
