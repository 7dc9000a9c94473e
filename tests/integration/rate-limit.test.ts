import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { closeCache, redisClient } from "@/lib/cache";
import { resetConfigForTests } from "@/lib/config";
import { TooManyRequests } from "@/lib/errors";
import { createLimiter, enforce, rateLimitHeaders } from "@/lib/rate-limit";

const originalRedis = process.env.REDIS_URL;
const prefix = (name: string) => `test-${name}-${randomBytes(4).toString("hex")}`;

afterEach(async () => {
  if (originalRedis === undefined) delete process.env.REDIS_URL;
  else process.env.REDIS_URL = originalRedis;
  resetConfigForTests();
  await closeCache();
});

describe("rate limiting", () => {
  it("allows N requests in a window, then refuses with a Retry-After", async () => {
    const limiter = createLimiter({ keyPrefix: prefix("n"), points: 3, durationSeconds: 60 });
    const remaining = [];
    for (let i = 0; i < 3; i++) {
      const d = await limiter.consume("203.0.113.7");
      expect(d.allowed).toBe(true);
      remaining.push(d.remaining);
    }
    expect(remaining).toEqual([2, 1, 0]);
    const refused = await limiter.consume("203.0.113.7");
    expect(refused).toMatchObject({ allowed: false, limit: 3, remaining: 0 });
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    // Another key has its own count.
    expect((await limiter.consume("203.0.113.8")).allowed).toBe(true);
  });

  it("blocks for blockSeconds once spent; delete lifts it and reward gives points back", async () => {
    const limiter = createLimiter({
      keyPrefix: prefix("b"),
      points: 1,
      durationSeconds: 10,
      blockSeconds: 300,
    });
    await limiter.consume("k");
    const blocked = await limiter.consume("k");
    expect(blocked.allowed).toBe(false);
    expect(blocked.retryAfterSeconds).toBeGreaterThan(10);
    await limiter.delete("k");
    expect((await limiter.consume("k")).allowed).toBe(true);
    await limiter.reward("k");
    expect((await limiter.consume("k")).allowed).toBe(true);
  });

  it("writes IETF draft RateLimit headers, and Retry-After only when refused", () => {
    const allowed = {
      allowed: true,
      limit: 60,
      windowSeconds: 60,
      remaining: 59,
      resetSeconds: 30,
      retryAfterSeconds: 0,
    };
    expect(rateLimitHeaders(allowed, "default")).toEqual({
      "RateLimit-Policy": '"default";q=60;w=60',
      RateLimit: '"default";r=59;t=30',
    });
    const refused = { ...allowed, allowed: false, remaining: 0, retryAfterSeconds: 30 };
    expect(rateLimitHeaders(refused, 'we"ird')).toEqual({
      "RateLimit-Policy": '"we\\"ird";q=60;w=60',
      RateLimit: '"we\\"ird";r=0;t=30',
      "Retry-After": "30",
    });
  });

  it("enforce returns headers while allowed and throws TooManyRequests when refused", async () => {
    const limiter = createLimiter({
      keyPrefix: prefix("e"),
      points: 1,
      durationSeconds: 60,
      policyName: "login",
    });
    const headers = await enforce(limiter, "someone@example.test");
    expect(headers["RateLimit-Policy"]).toBe('"login";q=1;w=60');
    expect(headers.RateLimit).toMatch(/^"login";r=0;t=(60|59)$/);
    const error = await enforce(limiter, "someone@example.test").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyRequests);
    expect((error as TooManyRequests).retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  it("instances built with the same prefix share one count in this process", async () => {
    const keyPrefix = prefix("shared-mem");
    const first = createLimiter({ keyPrefix, points: 2, durationSeconds: 60 });
    const second = createLimiter({ keyPrefix, points: 2, durationSeconds: 60 });
    await first.consume("k");
    await second.consume("k");
    expect((await first.consume("k")).allowed).toBe(false);
    expect(() => createLimiter({ keyPrefix, points: 5, durationSeconds: 60 })).toThrow(/other options/);
  });

  it("rejects bad options and keys at the boundary", async () => {
    expect(() => createLimiter({ keyPrefix: "bad prefix", points: 1, durationSeconds: 1 })).toThrow();
    expect(() => createLimiter({ keyPrefix: prefix("p"), points: 0, durationSeconds: 1 })).toThrow();
    const limiter = createLimiter({ keyPrefix: prefix("k"), points: 1, durationSeconds: 1 });
    await expect(limiter.consume("")).rejects.toThrow();
    await expect(limiter.consume("k", 1.5)).rejects.toThrow();
  });

  it("with REDIS_URL pointing at a closed port, limits still apply from memory", async () => {
    process.env.REDIS_URL = "redis://127.0.0.1:1";
    resetConfigForTests();
    await closeCache();
    const limiter = createLimiter({ keyPrefix: prefix("down"), points: 2, durationSeconds: 60 });
    expect(limiter.backend).toBe("redis");
    expect((await limiter.consume("k")).allowed).toBe(true);
    expect((await limiter.consume("k")).allowed).toBe(true);
    const refused = await limiter.consume("k");
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    const headers = await enforce(limiter, "other");
    expect(headers.RateLimit).toMatch(/r=1;/);
  });
});

describe.runIf(process.env.REDIS_URL)("with real Redis", () => {
  it("two limiter instances with the same prefix share the count, and it is stored in Redis", async () => {
    // A fresh client answers from the memory insurance until connected; wait so Redis does the counting.
    const redis = redisClient();
    if (redis && redis.status !== "ready") await new Promise((resolve) => redis.once("ready", resolve));
    const keyPrefix = prefix("redis");
    const first = createLimiter({ keyPrefix, points: 3, durationSeconds: 60 });
    const second = createLimiter({ keyPrefix, points: 3, durationSeconds: 60 });
    expect(first.backend).toBe("redis");
    expect((await first.consume("k")).remaining).toBe(2);
    expect((await second.consume("k")).remaining).toBe(1);
    expect((await first.consume("k")).remaining).toBe(0);
    expect((await second.consume("k")).allowed).toBe(false);
    const keys = await redis?.keys(`${keyPrefix}:*`);
    expect(keys).toHaveLength(1);
    expect(Number(await redis?.get(keys?.[0] ?? ""))).toBe(4);
    // The key is a digest: no email or IP ends up in Redis.
    expect(keys?.[0]).not.toContain(":k");
  });
});
