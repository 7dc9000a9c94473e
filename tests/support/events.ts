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

/** Reads server-sent events from a streaming Response until `match` accepts one (or fails after `ms`). */
export async function nextEvent(
  response: Response,
  match: (e: { id?: string; event?: string; data: unknown }) => boolean,
  ms = 15_000,
): Promise<{ id?: string; event?: string; data: unknown }> {
  const reader = response.body?.getReader();
  if (!reader) throw new Error("no stream");
  const decoder = new TextDecoder();
  let buffer = "";
  const timer = setTimeout(() => void reader.cancel(), ms);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error("the stream ended before the expected event");
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = Object.fromEntries(
          block
            .split("\n")
            .filter((l) => l && !l.startsWith(":"))
            .map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 1).trim()]),
        ) as Record<string, string>;
        if (fields.data !== undefined) {
          const event = { id: fields.id, event: fields.event, data: JSON.parse(fields.data) as unknown };
          if (match(event)) return event;
        }
        end = buffer.indexOf("\n\n");
      }
    }
  } finally {
    clearTimeout(timer);
    reader.releaseLock();
  }
}
