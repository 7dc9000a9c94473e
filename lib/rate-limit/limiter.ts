import { createHash } from "node:crypto";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { z } from "zod";
import { connectedRedis, redisClient } from "@/lib/cache";
import { logger } from "@/lib/observability";

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

/** One fixed window of one key: plain data, so any copy of this module can read and change it. */
type Window = { consumed: number; resetAt: number };
type Counter = { signature: string; windows: Map<string, Window>; operations: number };

/**
 * The in-process counts, one Counter per prefix, shared by every createLimiter call in this process: a
 * route that builds its limiter per request must not get a fresh (empty) count each time. Next.js gives
 * route handlers and server actions separate bundles, each with its own copy of this module and of
 * rate-limiter-flexible, so the registry holds plain data under a string key, never a class instance
 * that another copy would fail an `instanceof` on. It is the whole store without Redis and the
 * fallback when Redis is unreachable.
 */
const REGISTRY_KEY = "__bokaRateLimitCounters";
const SWEEP_EVERY = 1_000;

function counterFor(o: z.output<typeof LimiterOptions>): Counter {
  const global = globalThis as unknown as Record<string, Map<string, Counter> | undefined>;
  global[REGISTRY_KEY] ??= new Map();
  const registry = global[REGISTRY_KEY];
  const signature = `${o.points}/${o.durationSeconds}/${o.blockSeconds ?? 0}`;
  const existing = registry.get(o.keyPrefix);
  if (existing) {
    if (existing.signature !== signature) {
      throw new Error(`Rate limit prefix "${o.keyPrefix}" is already used with other options`);
    }
    return existing;
  }
  const counter: Counter = { signature, windows: new Map(), operations: 0 };
  registry.set(o.keyPrefix, counter);
  return counter;
}

/** The live window of a key (a lapsed one counts as none). Synchronous, so a consume is atomic here. */
function liveWindow(counter: Counter, key: string, now: number): Window | undefined {
  const window = counter.windows.get(key);
  if (window && window.resetAt > now) return window;
  if (window) counter.windows.delete(key);
  return undefined;
}

function memoryConsume(counter: Counter, key: string, points: number, o: z.output<typeof LimiterOptions>) {
  const now = Date.now();
  if (++counter.operations % SWEEP_EVERY === 0) {
    for (const [k, w] of counter.windows) if (w.resetAt <= now) counter.windows.delete(k);
  }
  let window = liveWindow(counter, key, now);
  if (!window) {
    window = { consumed: 0, resetAt: now + o.durationSeconds * 1000 };
    counter.windows.set(key, window);
  }
  window.consumed += points;
  const allowed = window.consumed <= o.points;
  // Like rate-limiter-flexible: the block starts with the first consume past the quota.
  if (!allowed && o.blockSeconds && window.consumed - points <= o.points) {
    window.resetAt = now + o.blockSeconds * 1000;
  }
  const resetSeconds = Math.max(0, Math.ceil((window.resetAt - now) / 1000));
  return {
    allowed,
    limit: o.points,
    windowSeconds: o.durationSeconds,
    remaining: allowed ? Math.max(0, o.points - window.consumed) : 0,
    resetSeconds,
    retryAfterSeconds: allowed ? 0 : Math.max(1, resetSeconds),
  } satisfies RateLimitDecision;
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
 * Redis fails, the in-process count answers instead, so an outage loosens limits to one process's
 * share but never removes them and never turns into a 500.
 */
export function createLimiter(options: LimiterOptions): Limiter {
  const o = LimiterOptions.parse(options);
  const counter = counterFor(o);
  const redis = redisClient();
  const store = redis
    ? new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: o.keyPrefix,
        points: o.points,
        duration: o.durationSeconds,
        blockDuration: o.blockSeconds ?? 0,
        // Go straight to the in-process count while disconnected instead of waiting on a dead socket.
        rejectIfRedisNotReady: true,
      })
    : null;

  /** Runs `op` on Redis; a Redis failure (not a refusal) runs `fallback` on the in-process count. */
  async function withFallback<T>(op: (s: RateLimiterRedis) => Promise<T>, fallback: () => T): Promise<T> {
    if (!store) return fallback();
    try {
      await connectedRedis();
      return await op(store);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw error;
      logger.debug({ err: error, prefix: o.keyPrefix }, "rate limit store unavailable; counting in process");
      return fallback();
    }
  }

  return {
    keyPrefix: o.keyPrefix,
    policyName: o.policyName ?? o.keyPrefix,
    backend: redis ? "redis" : "memory",
    async consume(key, points = 1) {
      const k = digest(Key.parse(key));
      const p = Points.parse(points);
      try {
        return await withFallback(
          async (s) => decision(await s.consume(k, p), true, o),
          () => memoryConsume(counter, k, p, o),
        );
      } catch (refusal) {
        // The library rejects with a RateLimiterRes when refused; anything else is a real error.
        if (refusal instanceof RateLimiterRes) return decision(refusal, false, o);
        throw refusal;
      }
    },
    async reward(key, points = 1) {
      const k = digest(Key.parse(key));
      const p = Points.parse(points);
      await withFallback(
        async (s) => void (await s.reward(k, p)),
        () => {
          const window = liveWindow(counter, k, Date.now());
          if (window) window.consumed -= p;
        },
      );
    },
    async delete(key) {
      const k = digest(Key.parse(key));
      // Both stores: counts made during an outage must not outlive an unlock either.
      counter.windows.delete(k);
      await withFallback(
        async (s) => void (await s.delete(k)),
        () => undefined,
      );
    },
  };
}
