const CAP_MS = 60 * 60 * 1000;

/**
 * Exponential backoff with jitter: base·2^(n-1), capped at an hour, then a random 50–100 % of it so a
 * burst of failures (a provider outage) does not come back as a burst.
 */
export function retryDelayMs(failedAttempts: number, baseMs: number, random = Math.random): number {
  const exponential = Math.min(CAP_MS, baseMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(exponential * (0.5 + random() / 2));
}
