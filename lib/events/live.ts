import { z } from "zod";
import { redisClient } from "@/lib/cache";
import { config } from "@/lib/config";
import { connection } from "@/lib/db";
import { logger } from "@/lib/observability";
import type { LiveChange } from "./types";

/** Redis pub/sub channel and Postgres NOTIFY channel for live-update hints. */
const REDIS_CHANNEL = "boka:live";
const PG_CHANNEL = "boka_live";

const Change = z.object({
  tenantId: z.uuid(),
  channel: z.union([z.literal("bookings"), z.string().regex(/^availability:[0-9a-f-]{36}$/)]),
  message: z.object({ type: z.string().max(64), booking_id: z.uuid().optional(), version: z.number() }),
});

type Listener = (c: LiveChange) => void;
type Transport = {
  kind: "memory" | "redis" | "postgres";
  publish(c: LiveChange): Promise<void>;
  close(): Promise<void>;
};
type Bus = {
  byTenant: Map<string, Set<Listener>>;
  any: Set<Listener>;
  /** The newest version this process has seen per practice and channel (for Last-Event-ID). */
  latest: Map<string, number>;
  transport?: Promise<Transport>;
};

const globalForLive = globalThis as unknown as { bokaLive?: Bus };

function bus(): Bus {
  globalForLive.bokaLive ??= { byTenant: new Map(), any: new Set(), latest: new Map() };
  return globalForLive.bokaLive;
}

const latestKey = (tenantId: string, channel: string) => `${tenantId}\n${channel}`;

function deliverLocally(change: LiveChange) {
  const b = bus();
  const key = latestKey(change.tenantId, change.channel);
  b.latest.set(key, Math.max(b.latest.get(key) ?? 0, change.message.version));
  for (const listener of [...(b.byTenant.get(change.tenantId) ?? []), ...b.any]) {
    try {
      listener(change);
    } catch (err) {
      logger.warn({ err }, "live-update listener failed");
    }
  }
}

function receive(raw: string) {
  try {
    deliverLocally(Change.parse(JSON.parse(raw)) as LiveChange);
  } catch (err) {
    logger.warn({ err }, "ignored a malformed live-update message");
  }
}

/**
 * Redis pub/sub when REDIS_URL is set; else Postgres LISTEN/NOTIFY on a real server; else (embedded,
 * one process) straight to this process's listeners. Every instance subscribes, including the
 * publisher, so a message reaches local listeners exactly once, through the transport.
 */
async function openTransport(): Promise<Transport> {
  const redis = redisClient();
  if (redis) {
    // The shared client fails fast while Redis is away; the subscriber queues until it connects.
    const subscriber = redis.duplicate({ enableOfflineQueue: true, commandTimeout: undefined });
    subscriber.on("message", (_channel: string, raw: string) => receive(raw));
    subscriber.on("error", () => {});
    await subscriber.subscribe(REDIS_CHANNEL);
    return {
      kind: "redis",
      async publish(c) {
        await redis.publish(REDIS_CHANNEL, JSON.stringify(c));
      },
      close: async () => subscriber.disconnect(),
    };
  }
  if (config().DATABASE_URL) {
    const { driver } = await connection();
    const unlisten = await driver.listen(PG_CHANNEL, receive);
    return {
      kind: "postgres",
      close: unlisten,
      publish: (c) =>
        driver.withSession(async (s) => {
          await s.query("select pg_notify($1, $2)", [PG_CHANNEL, JSON.stringify(c)]);
        }),
    };
  }
  return { kind: "memory", publish: async (c) => deliverLocally(c), close: async () => {} };
}

function transport(): Promise<Transport> {
  const b = bus();
  b.transport ??= openTransport().catch((err) => {
    b.transport = undefined;
    throw err;
  });
  return b.transport;
}

/** Which fan-out this process uses (opens it on first use). */
export async function liveTransportKind(): Promise<Transport["kind"]> {
  return (await transport()).kind;
}

/** Publishes a hint to every instance. Hints are advisory: a failure is logged, never thrown. */
export async function publishChange(change: LiveChange): Promise<void> {
  const c = Change.parse(change) as LiveChange;
  try {
    await (await transport()).publish(c);
  } catch (err) {
    logger.warn({ err }, "live-update publish failed; delivering to this process only");
    deliverLocally(c);
  }
}

/** The newest hint version this process has seen for a practice's channel, if any. */
export function latestVersion(tenantId: string, channel: LiveChange["channel"]): number | undefined {
  return bus().latest.get(latestKey(tenantId, channel));
}

/** Listens for a practice's hints from any instance; returns the unsubscribe. */
export function subscribeChanges(tenantId: string, onChange: Listener): () => void {
  const b = bus();
  const set = b.byTenant.get(tenantId) ?? new Set();
  set.add(onChange);
  b.byTenant.set(tenantId, set);
  void transport().catch((err) => logger.warn({ err }, "live-update subscription unavailable"));
  return () => {
    set.delete(onChange);
    if (set.size === 0) b.byTenant.delete(tenantId);
  };
}

/** Listens for every practice's hints (per-process caches that must drop stale entries). */
export function subscribeAllChanges(onChange: Listener): () => void {
  const b = bus();
  b.any.add(onChange);
  void transport().catch((err) => logger.warn({ err }, "live-update subscription unavailable"));
  return () => b.any.delete(onChange);
}

/** Closes this process's subscription (shutdown, tests); listeners stay and a later use reopens it. */
export async function closeLiveUpdates(): Promise<void> {
  const b = bus();
  const open = b.transport;
  b.transport = undefined;
  await (await open?.catch(() => null))?.close();
}

/** Listeners this process holds for a practice (open streams and the like). */
export function listenerCount(tenantId: string): number {
  return bus().byTenant.get(tenantId)?.size ?? 0;
}
