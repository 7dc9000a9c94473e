import { createHash } from "node:crypto";
import { type KeyValueStore, keyValueStore, memoryStore } from "@/lib/cache";
import { TooManyRequests } from "@/lib/errors";
import { logger } from "@/lib/observability";
import { createLimiter } from "@/lib/rate-limit";

/**
 * Credential throttling for passwords, MFA codes and backup codes, per account and per client IP.
 *
 * - Growing delay per account: after FREE_FAILURES failures, the next attempt is refused until
 *   2^(failures - FREE_FAILURES) seconds after the last failure (capped), so guessing slows to a crawl
 *   while a person who mistypes twice never notices.
 * - Hard cap per account: ACCOUNT_FAILURES_PER_HOUR attempts that did not succeed, then 429 until the
 *   window ends. The attempt is counted BEFORE the credential is checked (atomically, in Redis or the
 *   in-process limiter), so a parallel burst cannot evaluate more than the cap; a success gives its
 *   point back. The caller emails the owner an unlock link when the cap is reached (throttle-unlock.ts).
 * - Hard cap per IP across accounts (credential stuffing). A request without a known IP skips it.
 *
 * The account key is whatever the caller names it by (the normalized email), known or not, so unknown
 * and known emails are throttled alike and the answers cannot tell them apart.
 */

export const ACCOUNT_FAILURES_PER_HOUR = 100;
export const IP_FAILURES_PER_WINDOW = 60;
export const IP_WINDOW_SECONDS = 600;
export const FREE_FAILURES = 3;
export const MAX_DELAY_SECONDS = 30;
const DELAY_STATE_SECONDS = 3600;

/** Seconds to wait after the last failure, given how many failures there have been. */
export function delaySeconds(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES), MAX_DELAY_SECONDS);
}

const accountLimiter = () =>
  createLimiter({
    keyPrefix: "auth-account",
    points: ACCOUNT_FAILURES_PER_HOUR,
    durationSeconds: 3600,
    policyName: "login",
  });

const ipLimiter = () =>
  createLimiter({
    keyPrefix: "auth-ip",
    points: IP_FAILURES_PER_WINDOW,
    durationSeconds: IP_WINDOW_SECONDS,
    policyName: "login-ip",
  });

export function normalizeAccount(account: string): string {
  return account.trim().toLowerCase();
}

// Delay state: { failures, last } per account. Redis when configured; if Redis fails, this process's map.
type DelayState = { failures: number; last: number };
const fallback = memoryStore();

async function kv<T>(op: (store: KeyValueStore) => Promise<T>): Promise<T> {
  try {
    return await op(keyValueStore());
  } catch (err) {
    logger.debug({ err }, "throttle store unavailable; using the in-process fallback");
    return op(fallback);
  }
}

/** Emails are personal data: the store sees a digest. */
const delayKey = (account: string) =>
  `throttle:delay:${createHash("sha256").update(account).digest("base64url").slice(0, 32)}`;

async function readDelay(account: string): Promise<DelayState | null> {
  const raw = await kv((s) => s.get(delayKey(account)));
  return raw ? (JSON.parse(raw) as DelayState) : null;
}

function wait(message: string, seconds: number): TooManyRequests {
  const s = Math.max(1, Math.ceil(seconds));
  const human = s < 90 ? `${s} seconds` : `${Math.ceil(s / 60)} minutes`;
  return new TooManyRequests(`${message} Please wait ${human} and try again.`, s);
}

export type ThrottleSubject = { account: string; ip?: string | null };

export type Attempt = {
  /** The credential was right: the attempt's points come back and the account's delay resets. */
  succeeded(): Promise<void>;
  /** The credential was wrong. `accountCapped`: this failure spent the account's last attempt this hour. */
  failed(): Promise<{ accountCapped: boolean }>;
};

/**
 * Call before checking a credential. Throws TooManyRequests (429 with Retry-After) when the account
 * must wait or is capped, or the IP is capped; otherwise returns the attempt to settle afterwards.
 * `now` is injectable so tests can step through the delays without sleeping.
 */
export async function beginAttempt(subject: ThrottleSubject, now = Date.now()): Promise<Attempt> {
  const account = normalizeAccount(subject.account);
  const state = await readDelay(account);
  const delay = state ? delaySeconds(state.failures) : 0;
  if (state && delay > 0) {
    const waitMs = state.last + delay * 1000 - now;
    if (waitMs > 0) throw wait("Too many attempts.", waitMs / 1000);
  }

  const accounts = accountLimiter();
  const forAccount = await accounts.consume(account);
  if (!forAccount.allowed) throw wait("Too many attempts.", forAccount.retryAfterSeconds);

  const ips = subject.ip ? ipLimiter() : null;
  if (ips && subject.ip) {
    const forIp = await ips.consume(subject.ip);
    if (!forIp.allowed) {
      await accounts.reward(account);
      throw wait("Too many attempts from your network.", forIp.retryAfterSeconds);
    }
  }

  return {
    async succeeded() {
      await accounts.reward(account);
      if (ips && subject.ip) await ips.reward(subject.ip);
      await kv((s) => s.del(delayKey(account)));
    },
    async failed() {
      const current = (await readDelay(account)) ?? { failures: 0, last: now };
      const next: DelayState = { failures: current.failures + 1, last: Math.max(current.last, now) };
      await kv((s) => s.set(delayKey(account), JSON.stringify(next), DELAY_STATE_SECONDS));
      return { accountCapped: forAccount.remaining === 0 };
    },
  };
}

/** Lifts the account's cap and delay (the owner followed an unlock link). The IP limits stay. */
export async function clearAccountThrottle(account: string): Promise<void> {
  const key = normalizeAccount(account);
  await accountLimiter().delete(key);
  await kv((s) => s.del(delayKey(key)));
}
