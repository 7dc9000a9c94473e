import type Redis from "ioredis";
import { redisClient } from "@/lib/cache";
import { pingDatabase } from "@/lib/db";

export type Readiness = { ready: boolean; checks: Record<string, "ok" | string> };

async function check(fn: () => Promise<unknown>, timeoutMs: number): Promise<"ok" | string> {
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

/** The database always; Redis only when REDIS_URL configures it. */
export async function readiness(): Promise<Readiness> {
  const checks: Record<string, string> = { database: await check(pingDatabase, 3_000) };
  const redis = redisClient();
  if (redis) checks.redis = await check(() => pingRedis(redis), 2_000);
  return { ready: Object.values(checks).every((v) => v === "ok"), checks };
}
