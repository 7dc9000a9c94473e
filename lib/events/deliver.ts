import { and, eq } from "drizzle-orm";
import type { Logger } from "pino";
import { type SystemRunner, tables } from "@/lib/db";
import { retryDelayMs } from "./backoff";
import { renewLease } from "./claim";
import { handlersFor, maxAttempts } from "./registry";
import type { EventHandler, OutboxEvent } from "./types";

const { outbox, deliveries } = tables;

export type DeliverOptions = {
  workerId: string;
  leaseSeconds: number;
  retryBaseMs: number;
  system: SystemRunner;
  log: Logger;
};

type DeliveryRow = typeof deliveries.$inferSelect;

const MAX_ERROR = 2_000;

function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, MAX_ERROR);
}

/** A handler that outlives its share of the lease is treated as failed, so the lease stays ours. */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`handler timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function runHandler(
  event: OutboxEvent,
  handler: EventHandler,
  previous: DeliveryRow | undefined,
  o: DeliverOptions,
): Promise<void> {
  const attempt = (previous?.attempts ?? 0) + 1;
  const key = { tenantId: event.tenantId, eventId: event.id, handler: handler.name };
  // The attempt is counted before the handler runs: a worker that dies mid-handler still used one.
  await o.system("worker records a delivery attempt", (tx) =>
    tx
      .insert(deliveries)
      .values({ ...key, attempts: attempt })
      .onConflictDoUpdate({
        target: [deliveries.tenantId, deliveries.eventId, deliveries.handler],
        set: { attempts: attempt },
      }),
  );
  const log = o.log.child({ eventId: event.id, type: event.type, handler: handler.name, attempt });
  const where = and(
    eq(deliveries.tenantId, key.tenantId),
    eq(deliveries.eventId, key.eventId),
    eq(deliveries.handler, key.handler),
  );
  try {
    const ctx = { deliveryKey: `${event.id}:${handler.name}`, attempt, system: o.system, log };
    await withTimeout(handler.handle(event, ctx), Math.max(500, o.leaseSeconds * 800));
    await o.system("worker marks a delivery done", (tx) =>
      tx.update(deliveries).set({ status: "done", doneAt: new Date(), lastError: null }).where(where),
    );
  } catch (error) {
    const dead = attempt >= maxAttempts(handler);
    const next = new Date(Date.now() + retryDelayMs(attempt, o.retryBaseMs));
    log.warn({ err: describeError(error), dead }, "event handler failed");
    await o.system("worker records a failed delivery", (tx) =>
      tx
        .update(deliveries)
        .set({ status: dead ? "dead" : "pending", lastError: describeError(error), nextAttemptAt: next })
        .where(where),
    );
  }
}

/**
 * Runs every handler of a claimed event that has not yet succeeded (or died), then settles the event:
 * done when all are done, due again at the earliest retry while any is pending, dead otherwise. Settling
 * only applies while this worker still holds the claim.
 */
export async function deliver(event: OutboxEvent, o: DeliverOptions): Promise<void> {
  const handlers = handlersFor(event.type);
  const loadDeliveries = async () =>
    new Map(
      (
        await o.system("worker reads an event's deliveries", (tx) =>
          tx
            .select()
            .from(deliveries)
            .where(and(eq(deliveries.tenantId, event.tenantId), eq(deliveries.eventId, event.id))),
        )
      ).map((d) => [d.handler, d]),
    );
  const before = await loadDeliveries();
  for (const handler of handlers) {
    const previous = before.get(handler.name);
    if (previous && previous.status !== "pending") continue;
    if (previous && previous.nextAttemptAt.getTime() > Date.now()) continue;
    const held = await o.system("worker renews its lease on an event", (tx) =>
      renewLease(tx, event, o.workerId, o.leaseSeconds),
    );
    if (!held) {
      o.log.warn({ eventId: event.id }, "lease lost before a handler ran; another worker has the event");
      return;
    }
    await runHandler(event, handler, previous, o);
  }
  const after = await loadDeliveries();
  const states = handlers.map((h) => after.get(h.name));
  const pending = states.filter((d): d is DeliveryRow => !!d && d.status === "pending");
  const dead = states.filter((d): d is DeliveryRow => !!d && d.status === "dead");
  const failed = [...pending, ...dead].find((d) => d.lastError)?.lastError ?? null;
  const settle = pending.length
    ? {
        status: "pending" as const,
        availableAt: new Date(Math.min(...pending.map((d) => d.nextAttemptAt.getTime()))),
      }
    : dead.length
      ? { status: "dead" as const, doneAt: new Date() }
      : { status: "done" as const, doneAt: new Date() };
  await o.system("worker settles an event after its handlers ran", (tx) =>
    tx
      .update(outbox)
      .set({ ...settle, lastError: failed, lockedBy: null, lockedUntil: null })
      .where(
        and(
          eq(outbox.tenantId, event.tenantId),
          eq(outbox.id, event.id),
          eq(outbox.status, "pending"),
          eq(outbox.lockedBy, o.workerId),
          eq(outbox.attempts, event.attempts),
        ),
      ),
  );
}
