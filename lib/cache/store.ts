import Redis from "ioredis";
import { config } from "@/lib/config";
import { logger } from "@/lib/observability";

/** The small key-value surface Boka needs; Redis when configured, else an in-process map. */
export interface KeyValueStore {
  readonly kind: "redis" | "memory";
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  del(key: string): Promise<void>;
  ping(): Promise<void>;
}

export function memoryStore(now: () => number = Date.now): KeyValueStore {
  const entries = new Map<string, { value: string; expiresAt: number }>();
  return {
    kind: "memory",
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return null;
      if (entry.expiresAt <= now()) {
        entries.delete(key);
        return null;
      }
      return entry.value;
    },
    async set(key, value, ttlSeconds) {
      entries.set(key, { value, expiresAt: now() + ttlSeconds * 1000 });
    },
    async del(key) {
      entries.delete(key);
    },
    async ping() {},
  };
}

export function createRedis(url: string): Redis {
  const redis = new Redis(url, {
    // Fail fast while Redis is away instead of queueing: callers fall back to Postgres.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 1_000,
    commandTimeout: 1_000,
    retryStrategy: (attempt) => Math.min(attempt * 250, 5_000),
  });
  let warned = false;
  redis.on("error", (err) => {
    if (!warned) logger.warn({ err: err.message }, "redis unavailable; falling back where possible");
    warned = true;
  });
  redis.on("ready", () => {
    warned = false;
  });
  return redis;
}

export function redisStore(redis: Redis): KeyValueStore {
  return {
    kind: "redis",
    get: (key) => redis.get(key),
    async set(key, value, ttlSeconds) {
      await redis.set(key, value, "EX", ttlSeconds);
    },
    async del(key) {
      await redis.del(key);
    },
    async ping() {
      await redis.ping();
    },
  };
}

const globalForCache = globalThis as unknown as {
  bokaRedis?: Redis | null;
  bokaStore?: KeyValueStore;
  /** The shared client's first connection attempt has ended, either way (plain data for every bundle). */
  bokaRedisSettled?: boolean;
};

/** The shared Redis client, or null in the embedded default. */
export function redisClient(): Redis | null {
  if (globalForCache.bokaRedis === undefined) {
    const url = config().REDIS_URL;
    const redis = url ? createRedis(url) : null;
    globalForCache.bokaRedis = redis;
    globalForCache.bokaRedisSettled = false;
    const settle = () => {
      if (globalForCache.bokaRedis === redis) globalForCache.bokaRedisSettled = true;
    };
    redis?.once("ready", settle);
    redis?.once("error", settle);
  }
  return globalForCache.bokaRedis;
}

/**
 * The shared client, after waiting (at most `timeoutMs`) for its FIRST connection attempt to end: a
 * counter used in the first milliseconds after start-up would otherwise land in this process's
 * fallback while the rest land in Redis. Once that attempt has ended (connected or failed), nothing
 * waits: during an outage callers fall back at once.
 */
export async function connectedRedis(timeoutMs = 1_000): Promise<Redis | null> {
  const redis = redisClient();
  if (!redis || globalForCache.bokaRedisSettled || redis.status === "ready") return redis;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    function done() {
      clearTimeout(timer);
      redis?.off("ready", done).off("error", done);
      resolve();
    }
    redis.once("ready", done).once("error", done);
  });
  return redis;
}

export function keyValueStore(): KeyValueStore {
  if (!globalForCache.bokaStore) {
    const redis = redisClient();
    globalForCache.bokaStore = redis ? redisStore(redis) : memoryStore();
  }
  return globalForCache.bokaStore;
}

export async function closeCache(): Promise<void> {
  const redis = globalForCache.bokaRedis;
  globalForCache.bokaRedis = undefined;
  globalForCache.bokaStore = undefined;
  globalForCache.bokaRedisSettled = false;
  redis?.disconnect();
}
