import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { afterAll, describe, expect, it, vi } from "vitest";

/**
 * Next.js gives route handlers and server actions separate bundles, each with its own copy of
 * rate-limiter-flexible and of lib/rate-limit, sharing one globalThis. Here each import of the limiter
 * gets a fresh copy of the real package, as two bundles would.
 */
const require = createRequire(import.meta.url);
function freshRateLimiterFlexible(): Record<string, unknown> {
  const root = require.resolve("rate-limiter-flexible").replace(/index\.js$/, "");
  for (const id of Object.keys(require.cache)) if (id.startsWith(root)) delete require.cache[id];
  return require("rate-limiter-flexible") as Record<string, unknown>;
}

type LimiterModule = typeof import("@/lib/rate-limit");
async function bundleCopy(): Promise<LimiterModule> {
  vi.resetModules();
  vi.doMock("rate-limiter-flexible", () => freshRateLimiterFlexible());
  return import("@/lib/rate-limit");
}

const originalRedis = process.env.REDIS_URL;
// With no Redis here, a configured but closed port still builds the Redis limiter (and its insurance).
process.env.REDIS_URL ??= "redis://127.0.0.1:1";

afterAll(async () => {
  const { closeCache } = await import("@/lib/cache");
  await closeCache();
  if (originalRedis === undefined) delete process.env.REDIS_URL;
  else process.env.REDIS_URL = originalRedis;
});

describe("limiters across Next bundles (defect 1)", () => {
  it("two copies of the module both build and use a limiter with one prefix, in either order", async () => {
    const action = await bundleCopy();
    const handler = await bundleCopy();
    expect(action.createLimiter).not.toBe(handler.createLimiter);
    // With a real Redis, wait for the connection so Redis (not the fallback) does all the counting.
    const redis = (await import("@/lib/cache")).redisClient();
    if (originalRedis && redis && redis.status !== "ready") await new Promise((r) => redis.once("ready", r));
    for (const [first, second] of [
      [action, handler],
      [handler, action],
    ] as const) {
      const options = {
        keyPrefix: `bundles-${randomBytes(4).toString("hex")}`,
        points: 3,
        durationSeconds: 60,
      };
      const a = first.createLimiter(options);
      const b = second.createLimiter(options);
      expect(b.backend).toBe("redis");
      expect((await a.consume("k")).allowed).toBe(true);
      expect((await b.consume("k")).allowed).toBe(true);
      expect((await a.consume("k")).allowed).toBe(true);
      // Both copies count against one quota (Redis, or the shared in-process store while it is away).
      expect((await b.consume("k")).allowed).toBe(false);
      await b.delete("k");
      expect((await a.consume("k")).allowed).toBe(true);
    }
  });

  it("without Redis, the in-process counts are shared by both copies", async () => {
    const saved = process.env.REDIS_URL;
    delete process.env.REDIS_URL;
    await (await import("@/lib/cache")).closeCache();
    try {
      const action = await bundleCopy();
      const handler = await bundleCopy();
      const options = {
        keyPrefix: `bundles-mem-${randomBytes(4).toString("hex")}`,
        points: 2,
        durationSeconds: 60,
      };
      const a = action.createLimiter(options);
      const b = handler.createLimiter(options);
      expect(a.backend).toBe("memory");
      expect((await a.consume("k")).allowed).toBe(true);
      expect((await b.consume("k")).allowed).toBe(true);
      expect((await a.consume("k")).allowed).toBe(false);
      expect(() => handler.createLimiter({ ...options, points: 5 })).toThrow(/other options/);
    } finally {
      process.env.REDIS_URL = saved;
    }
  });
});
