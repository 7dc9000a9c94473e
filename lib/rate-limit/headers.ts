import { TooManyRequests } from "@/lib/errors";
import type { Limiter, RateLimitDecision } from "./limiter";

/** A Structured Field string (RFC 9651): printable ASCII, with `"` and `\` escaped. */
function sfString(value: string): string {
  if (!/^[\x20-\x7e]*$/.test(value)) throw new Error("Rate limit policy names must be printable ASCII");
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * Headers per draft-ietf-httpapi-ratelimit-headers: the policy (quota q per window w seconds), the
 * current state (r remaining, t seconds until reset), and Retry-After (RFC 9110) when refused.
 */
export function rateLimitHeaders(decision: RateLimitDecision, policyName: string): Record<string, string> {
  const name = sfString(policyName);
  const headers: Record<string, string> = {
    "RateLimit-Policy": `${name};q=${decision.limit};w=${decision.windowSeconds}`,
    RateLimit: `${name};r=${decision.remaining};t=${decision.resetSeconds}`,
  };
  if (!decision.allowed) headers["Retry-After"] = String(decision.retryAfterSeconds);
  return headers;
}

/**
 * Spends points for `key`. Refused: throws TooManyRequests (a 429 with Retry-After through the route
 * wrapper). Allowed: returns the headers to attach to the response.
 */
export async function enforce(
  limiter: Limiter,
  key: string,
  options: { points?: number; message?: string } = {},
): Promise<Record<string, string>> {
  const decision = await limiter.consume(key, options.points);
  if (!decision.allowed) {
    throw new TooManyRequests(
      options.message ?? "Too many requests. Please wait a moment and try again.",
      decision.retryAfterSeconds,
    );
  }
  return rateLimitHeaders(decision, limiter.policyName);
}
