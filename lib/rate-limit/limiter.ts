import { createHash } from "node:crypto";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";
import { z } from "zod";
import { redisClient } from "@/lib/cache";

const LimiterOptions = z.object({
  // Becomes part of a Redis key and a default policy name: keep it short and header-safe.
  keyPrefix: z.string().regex(/^[a-z0-9][a-z0-9:_-]{0,63}$/i, "letters, digits, ':', '_' or '-'"),
  points: z.number().int().min(1),
  durationSeconds: z.number().int().min(1),
  /** Once the points are spent, refuse for this long (default: until the window ends). */
  blockSeconds: z.number().int().min(1).optional(),
  /** Name used in the RateLimit headers; defaults to keyPrefix. */
  policyName: z
    .string()
    .regex(/^[\x20-\x7e]{1,64}$/, "printable ASCII")
    .optional(),
});
export type LimiterOptions = z.input<typeof LimiterOptions>;

const Key = z.string().min(1).max(1024);
const Points = z.number().int().min(1);

/** What one consume decided; all times are whole seconds. */
export type RateLimitDecision = {
  allowed: boolean;
  /** Points per window (the policy's quota). */
  limit: number;
  windowSeconds: number;
  remaining: number;
  /** Seconds until the window (or a block) ends and points are available again. */
  resetSeconds: number;
  /** 0 when allowed; otherwise how long the client should wait. */
  retryAfterSeconds: number;
};

export type Limiter = {
  readonly keyPrefix: string;
  readonly policyName: string;
  readonly backend: "redis" | "memory";
  consume(key: string, points?: number): Promise<RateLimitDecision>;
  /** Gives points back, e.g. after a successful login so failures alone count. */
  reward(key: string, points?: number): Promise<void>;
  /** Forgets the key entirely (lifts a block). */
  delete(key: string): Promise<void>;
};

type MemoryEntry = { signature: string; limiter: RateLimiterMemory };
const globalForLimits = globalThis as unknown as { bokaMemoryLimiters?: Map<string, MemoryEntry> };

/**
 * One in-process limiter per prefix, shared by every createLimiter call in this process: a route that
 * builds its limiter per request must not get a fresh (empty) count each time. It is the whole store
 * without Redis and the insurance when Redis is unreachable.
 */
function memoryLimiter(o: z.output<typeof LimiterOptions>): RateLimiterMemory {
  globalForLimits.bokaMemoryLimiters ??= new Map();
  const registry = globalForLimits.bokaMemoryLimiters;
  const signature = `${o.points}/${o.durationSeconds}/${o.blockSeconds ?? 0}`;
  const existing = registry.get(o.keyPrefix);
  if (existing) {
    if (existing.signature !== signature) {
      throw new Error(`Rate limit prefix "${o.keyPrefix}" is already used with other options`);
    }
    return existing.limiter;
  }
  const limiter = new RateLimiterMemory({
    keyPrefix: o.keyPrefix,
    points: o.points,
    duration: o.durationSeconds,
    blockDuration: o.blockSeconds ?? 0,
  });
  registry.set(o.keyPrefix, { signature, limiter });
  return limiter;
}

/** Keys are often emails or IPs: store a digest so Redis holds no personal data and keys stay short. */
function digest(key: string): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 32);
}

function decision(res: RateLimiterRes, allowed: boolean, o: z.output<typeof LimiterOptions>) {
  const resetSeconds = Math.max(0, Math.ceil(res.msBeforeNext / 1000));
  return {
    allowed,
    limit: o.points,
    windowSeconds: o.durationSeconds,
    remaining: allowed ? Math.max(0, res.remainingPoints) : 0,
    resetSeconds,
    retryAfterSeconds: allowed ? 0 : Math.max(1, resetSeconds),
  } satisfies RateLimitDecision;
}

/**
 * A fixed-window limiter. With REDIS_URL the count lives in Redis (shared by all app processes); if
 * Redis fails, the per-process memory limiter answers instead, so an outage loosens limits to one
 * process's share but never removes them and never turns into a 500.
 */
export function createLimiter(options: LimiterOptions): Limiter {
  const o = LimiterOptions.parse(options);
  const memory = memoryLimiter(o);
  const redis = redisClient();
  const store: RateLimiterAbstract = redis
    ? new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: o.keyPrefix,
        points: o.points,
        duration: o.durationSeconds,
        blockDuration: o.blockSeconds ?? 0,
        // Go straight to the insurance while disconnected instead of waiting on a dead socket.
        rejectIfRedisNotReady: true,
        insuranceLimiter: memory,
      })
    : memory;

  return {
    keyPrefix: o.keyPrefix,
    policyName: o.policyName ?? o.keyPrefix,
    backend: redis ? "redis" : "memory",
    async consume(key, points = 1) {
      const k = digest(Key.parse(key));
      try {
        return decision(await store.consume(k, Points.parse(points)), true, o);
      } catch (refusal) {
        // The library rejects with a RateLimiterRes when refused; anything else is a real error.
        if (refusal instanceof RateLimiterRes) return decision(refusal, false, o);
        throw refusal;
      }
    },
    async reward(key, points = 1) {
      await store.reward(digest(Key.parse(key)), Points.parse(points));
    },
    async delete(key) {
      await store.delete(digest(Key.parse(key)));
    },
  };
}
