import { createHash } from "node:crypto";
import { connectedRedis, redisClient } from "@/lib/cache";
import { logger } from "@/lib/observability";

/**
 * The growing delay per throttle key: after FREE_FAILURES attempts, the next one is refused until
 * 2^(attempts - FREE_FAILURES) seconds after the last (capped). Checking the delay and counting the
 * attempt are ONE atomic step (a Lua script in Redis; a synchronous map update in process), and the
 * attempt counts as a failure from the moment it is let through, so a parallel burst gets exactly
 * FREE_FAILURES checks before the delay applies; a success clears the count.
 */

export const FREE_FAILURES = 3;
export const MAX_DELAY_SECONDS = 30;
const STATE_SECONDS = 3600;

/** Seconds to wait after the last failure, given how many failures there have been. */
export function delaySeconds(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES), MAX_DELAY_SECONDS);
}

type DelayState = { failures: number; last: number; expiresAt: number };

// KEYS[1] the state hash; ARGV: now (ms), FREE_FAILURES, MAX_DELAY_SECONDS, state TTL (s).
// Returns the milliseconds still to wait, or 0 when the attempt was let through (and counted).
const BEGIN_SCRIPT = `
local state = redis.call('HMGET', KEYS[1], 'failures', 'last')
local failures = tonumber(state[1]) or 0
local last = tonumber(state[2]) or 0
local now = tonumber(ARGV[1])
local free = tonumber(ARGV[2])
if failures >= free then
  local delay = math.min(2 ^ (failures - free), tonumber(ARGV[3])) * 1000
  local wait = last + delay - now
  if wait > 0 then return math.ceil(wait) end
end
redis.call('HSET', KEYS[1], 'failures', failures + 1, 'last', string.format('%d', math.max(last, now)))
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[4]))
return 0
`;

/** Emails are personal data: the store sees a digest. */
const stateKey = (key: string) =>
  `throttle:wait:${createHash("sha256").update(key).digest("base64url").slice(0, 32)}`;

// The in-process states are plain data under a string key: every Next bundle's copy shares them.
const REGISTRY_KEY = "__bokaThrottleDelays";
function memoryStates(): Map<string, DelayState> {
  const global = globalThis as unknown as Record<string, Map<string, DelayState> | undefined>;
  global[REGISTRY_KEY] ??= new Map();
  return global[REGISTRY_KEY];
}

/** No await between the read and the write: atomic within this process. */
function beginInProcess(key: string, now: number): number {
  const states = memoryStates();
  const wallClock = Date.now();
  if (states.size > 10_000) for (const [k, s] of states) if (s.expiresAt <= wallClock) states.delete(k);
  const live = states.get(key);
  const state = live && live.expiresAt > wallClock ? live : { failures: 0, last: 0, expiresAt: 0 };
  const wait = state.last + delaySeconds(state.failures) * 1000 - now;
  if (state.failures >= FREE_FAILURES && wait > 0) return Math.ceil(wait);
  states.set(key, {
    failures: state.failures + 1,
    last: Math.max(state.last, now),
    expiresAt: wallClock + STATE_SECONDS * 1000,
  });
  return 0;
}

/**
 * Checks the delay for `key` and, if none applies, counts this attempt. Returns the milliseconds the
 * caller must still wait (0: go ahead). `now` is injectable so tests step through delays. If Redis
 * fails, this process's count answers instead.
 */
export async function beginDelayedAttempt(key: string, now: number): Promise<number> {
  const redis = await connectedRedis();
  const k = stateKey(key);
  if (redis) {
    try {
      const wait = await redis.eval(BEGIN_SCRIPT, 1, k, now, FREE_FAILURES, MAX_DELAY_SECONDS, STATE_SECONDS);
      return Number(wait);
    } catch (err) {
      logger.debug({ err }, "throttle store unavailable; using the in-process count");
    }
  }
  return beginInProcess(k, now);
}

/** Forgets the delay (a success, or an unlock link). */
export async function clearDelay(key: string): Promise<void> {
  const k = stateKey(key);
  memoryStates().delete(k);
  try {
    await redisClient()?.del(k);
  } catch (err) {
    logger.debug({ err }, "throttle store unavailable; cleared the in-process count only");
  }
}
