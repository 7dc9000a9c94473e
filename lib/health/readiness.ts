import type Redis from "ioredis";
import { redisClient } from "@/lib/cache";
import { pingDatabase } from "@/lib/db";
import { mailer } from "@/lib/mail";

type Result = "ok" | string;
export type Readiness = {
  /** Every required check passed: the process can serve requests. */
  ready: boolean;
  /** Required: without them nothing works (database, Redis when configured). */
  checks: Record<string, Result>;
  /** Optional: a failure degrades one feature (mail, payments) but the instance keeps serving. */
  degraded: Record<string, Result>;
};

/**
 * A dependency whose outage degrades a feature rather than the instance. Each returns null when the
 * deployment does not use it (no SMTP_URL: the dev mailbox needs no server). A new provider (payments)
 * adds one entry here.
 */
export type DegradedCheck = { name: string; probe: () => (() => Promise<unknown>) | null; timeoutMs: number };

const DEGRADED_CHECKS: DegradedCheck[] = [
  {
    name: "smtp",
    probe: () => mailer().verify ?? null,
    timeoutMs: 5_000,
  },
];

/** Load balancers poll readiness every few seconds; an SMTP handshake each time would be rude. */
const DEGRADED_TTL_MS = 30_000;
const globalForReadiness = globalThis as unknown as {
  bokaDegraded?: Map<string, { at: number; result: Result }>;
};

async function check(fn: () => Promise<unknown>, timeoutMs: number): Promise<Result> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return "ok";
  } catch (error) {
    return (error as Error).message || "failed";
  } finally {
    clearTimeout(timer);
  }
}

/** A client still connecting (offline queue off) would refuse the ping; give it the check's time to connect. */
async function pingRedis(redis: Redis): Promise<void> {
  if (redis.status !== "ready") {
    await new Promise((resolve, reject) => {
      redis.once("ready", resolve);
      redis.once("error", reject);
    });
  }
  await redis.ping();
}

async function degradedChecks(checks: DegradedCheck[], now: number): Promise<Record<string, Result>> {
  globalForReadiness.bokaDegraded ??= new Map();
  const memo = globalForReadiness.bokaDegraded;
  const results: Record<string, Result> = {};
  await Promise.all(
    checks.map(async ({ name, probe, timeoutMs }) => {
      const fn = probe();
      if (!fn) return;
      const last = memo.get(name);
      if (last && now - last.at < DEGRADED_TTL_MS) {
        results[name] = last.result;
        return;
      }
      const result = await check(fn, timeoutMs);
      memo.set(name, { at: now, result });
      results[name] = result;
    }),
  );
  return results;
}

/** Forget remembered degraded results (tests switch SMTP servers). */
export function resetReadinessForTests(): void {
  globalForReadiness.bokaDegraded?.clear();
}

/** The database always; Redis only when REDIS_URL configures it; then the optional providers. */
export async function readiness(extra: DegradedCheck[] = [], now = Date.now()): Promise<Readiness> {
  const checks: Record<string, Result> = { database: await check(pingDatabase, 3_000) };
  const redis = redisClient();
  if (redis) checks.redis = await check(() => pingRedis(redis), 2_000);
  const degraded = await degradedChecks([...DEGRADED_CHECKS, ...extra], now);
  return { ready: Object.values(checks).every((v) => v === "ok"), checks, degraded };
}
