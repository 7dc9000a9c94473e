import type { z } from "zod";
import { RateLimited, type RouteContext, readJson, route } from "@/lib/http";
import { createLimiter, type LimiterOptions, rateLimitHeaders } from "@/lib/rate-limit";

/**
 * Per-IP quotas of the public API (documented in docs/api.md). Writes are stricter: each one books,
 * cancels or moves real time and sends mail, while the booking page reads many times per booking.
 */
export const PUBLIC_LIMITS = {
  read: { keyPrefix: "public-read", points: 120, durationSeconds: 60 },
  write: { keyPrefix: "public-write", points: 20, durationSeconds: 60 },
} satisfies Record<string, LimiterOptions>;

/** Catalogue and availability may be embedded on any site; they use no cookies and return no secrets. */
const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "RateLimit, RateLimit-Policy, Retry-After, X-Request-Id",
};

/** Spends one point for the caller's IP; refused → a 429 carrying Retry-After and the quota headers. */
async function spend(policy: keyof typeof PUBLIC_LIMITS, ip: string | null): Promise<Record<string, string>> {
  const limiter = createLimiter(PUBLIC_LIMITS[policy]);
  const decision = await limiter.consume(ip ?? "unknown");
  const headers = rateLimitHeaders(decision, limiter.policyName);
  if (!decision.allowed) {
    throw new RateLimited(
      "Too many requests. Please wait a moment and try again.",
      decision.retryAfterSeconds,
      headers,
    );
  }
  return headers;
}

type Options = { policy: keyof typeof PUBLIC_LIMITS; cors?: boolean };

/**
 * `route()` plus the public API's per-IP rate limit (checked first, so even a 404 costs a point) and,
 * for embeddable reads, `Access-Control-Allow-Origin: *` on every answer including errors.
 */
export function publicRoute<P>(options: Options, handler: (ctx: RouteContext<P>) => Promise<Response>) {
  const inner = route<P>(async (ctx) => {
    const limits = await spend(options.policy, ctx.ip);
    const response = await handler(ctx);
    for (const [name, value] of Object.entries(limits)) response.headers.set(name, value);
    return response;
  });
  if (!options.cors) return inner;
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const response = await inner(request, context);
    for (const [name, value] of Object.entries(CORS_HEADERS)) response.headers.set(name, value);
    return response;
  };
}

/** A JSON body that may be left out entirely (treated as `{}`); present, it must be valid. */
export async function optionalJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  return schema.parse(await readJson(request, { optional: true }));
}
