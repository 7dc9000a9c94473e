import { TooManyRequests } from "@/lib/errors";
import { createLimiter, type Limiter, type RateLimitDecision } from "@/lib/rate-limit";
import { beginDelayedAttempt, clearDelay } from "./delay";

/**
 * Credential throttling for passwords, MFA codes and backup codes, per account, per device and per IP.
 *
 * - Budgets: a browser with a valid device cookie for the account (device-cookie.ts) spends its own
 *   budget; every other client spends the account's shared one. So an attacker can throttle the
 *   shared budget but not the owner's known browsers. A device that spends its own budget is treated
 *   as unknown until the window ends.
 * - Growing delay per budget (throttle-delay.ts): checked and counted atomically before the
 *   credential is checked.
 * - Hard cap per budget: ACCOUNT_FAILURES_PER_HOUR attempts that did not succeed for unknown devices
 *   together, DEVICE_FAILURES_PER_HOUR per known device, then 429 until the window ends. Counted
 *   BEFORE the credential is checked (atomically), so a parallel burst cannot evaluate more than the
 *   cap; a success gives its point back. When the shared cap is reached the caller emails the owner an
 *   unlock link (throttle-unlock.ts).
 * - Hard cap per IP across accounts (credential stuffing). A request without a known IP skips it.
 *
 * The account key is whatever the caller names it by (the normalized email), known or not, so unknown
 * and known emails are throttled alike and the answers cannot tell them apart.
 */

export { delaySeconds, FREE_FAILURES, MAX_DELAY_SECONDS } from "./delay";
export const ACCOUNT_FAILURES_PER_HOUR = 100;
export const DEVICE_FAILURES_PER_HOUR = 10;
export const IP_FAILURES_PER_WINDOW = 60;
export const IP_WINDOW_SECONDS = 600;

const accountLimiter = () =>
  createLimiter({
    keyPrefix: "auth-account",
    points: ACCOUNT_FAILURES_PER_HOUR,
    durationSeconds: 3600,
    policyName: "login",
  });

const deviceLimiter = () =>
  createLimiter({
    keyPrefix: "auth-device",
    points: DEVICE_FAILURES_PER_HOUR,
    durationSeconds: 3600,
    policyName: "login-device",
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

function wait(message: string, seconds: number): TooManyRequests {
  const s = Math.max(1, Math.ceil(seconds));
  const human = s < 90 ? `${s} seconds` : `${Math.ceil(s / 60)} minutes`;
  return new TooManyRequests(`${message} Please wait ${human} and try again.`, s);
}

/** `device`: the nonce of a verified device cookie for this account (verifyDeviceToken), if any. */
export type ThrottleSubject = { account: string; ip?: string | null; device?: string | null };

export type Attempt = {
  /** The credential was right: the attempt's points come back and the budget's delay resets. */
  succeeded(): Promise<void>;
  /** The credential was wrong. `accountCapped`: this failure spent the shared budget's last attempt this hour. */
  failed(): Promise<{ accountCapped: boolean }>;
};

type Budget = { key: string; limiter: Limiter; shared: boolean };
type Reservation =
  | { budget: Budget; decision: RateLimitDecision }
  | { refused: TooManyRequests; capped: boolean };

/**
 * The shared budget: the delay, then the cap, each atomic; a refused delay spends no cap point, so a
 * burst cannot use up the hour's cap without being checked.
 */
async function reserveShared(budget: Budget, now: number): Promise<Reservation> {
  const waitMs = await beginDelayedAttempt(budget.key, now);
  if (waitMs > 0) return { refused: wait("Too many attempts.", waitMs / 1000), capped: false };
  const decision = await budget.limiter.consume(budget.key);
  if (!decision.allowed) {
    return { refused: wait("Too many attempts.", decision.retryAfterSeconds), capped: true };
  }
  return { budget, decision };
}

/** A device's budget: the cap first (a spent device is answered by the shared budget), then the delay. */
async function reserveDevice(budget: Budget, now: number): Promise<Reservation> {
  const decision = await budget.limiter.consume(budget.key);
  if (!decision.allowed) {
    return { refused: wait("Too many attempts.", decision.retryAfterSeconds), capped: true };
  }
  const waitMs = await beginDelayedAttempt(budget.key, now);
  if (waitMs > 0) {
    await budget.limiter.reward(budget.key);
    return { refused: wait("Too many attempts.", waitMs / 1000), capped: false };
  }
  return { budget, decision };
}

/**
 * Call before checking a credential. Throws TooManyRequests (429 with Retry-After) when the budget
 * must wait or is capped, or the IP is capped; otherwise returns the attempt to settle afterwards.
 * `now` is injectable so tests can step through the delays without sleeping.
 */
export async function beginAttempt(subject: ThrottleSubject, now = Date.now()): Promise<Attempt> {
  const account = normalizeAccount(subject.account);
  const shared: Budget = { key: account, limiter: accountLimiter(), shared: true };
  let reservation: Reservation | null = null;
  if (subject.device) {
    const own = { key: `${account}\ndevice:${subject.device}`, limiter: deviceLimiter(), shared: false };
    reservation = await reserveDevice(own, now);
    // A device that spent its own hourly cap is no longer trusted: it joins the shared budget.
    if ("refused" in reservation && reservation.capped) reservation = null;
  }
  reservation ??= await reserveShared(shared, now);
  if ("refused" in reservation) throw reservation.refused;
  const { budget, decision } = reservation;

  const ips = subject.ip ? ipLimiter() : null;
  if (ips && subject.ip) {
    const forIp = await ips.consume(subject.ip);
    if (!forIp.allowed) {
      await budget.limiter.reward(budget.key);
      throw wait("Too many attempts from your network.", forIp.retryAfterSeconds);
    }
  }

  return {
    async succeeded() {
      await budget.limiter.reward(budget.key);
      if (ips && subject.ip) await ips.reward(subject.ip);
      await clearDelay(budget.key);
    },
    async failed() {
      return { accountCapped: budget.shared && decision.remaining === 0 };
    },
  };
}

/** Lifts the account's shared cap and delay (the owner followed an unlock link). The IP limits stay. */
export async function clearAccountThrottle(account: string): Promise<void> {
  const key = normalizeAccount(account);
  await accountLimiter().delete(key);
  await clearDelay(key);
}
