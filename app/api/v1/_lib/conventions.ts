/**
 * What every team API request gets besides its actor: a per-key (or per-member) rate limit with the
 * IETF RateLimit headers, and Idempotency-Key handling for POST and PATCH.
 */
import { DEFAULT_RATE_LIMIT } from "@/lib/api-keys/fields";
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  idempotencyKey,
  json,
  type MemberActor,
  RateLimited,
  releaseIdempotencyKey,
  requestHash,
} from "@/lib/http";
import { createLimiter, rateLimitHeaders } from "@/lib/rate-limit";

/**
 * One point per request, per API key at its own limit (per signed-in member at the default). The
 * count lives in Redis when configured, so every instance spends from the same budget.
 */
export async function spendRequest(
  actor: MemberActor,
  keyLimit: number | null,
): Promise<Record<string, string>> {
  const points = keyLimit ?? DEFAULT_RATE_LIMIT;
  // Limiters are registered per prefix with fixed options, so each distinct limit has its own prefix.
  const limiter = createLimiter({
    keyPrefix: actor.apiKey ? `api-key-${points}` : "api-member",
    points,
    durationSeconds: 60,
    policyName: actor.apiKey ? "api-key" : "member",
  });
  const who = actor.apiKey ? `key:${actor.apiKey.id}` : `user:${actor.userId}:${actor.tenantId}`;
  const decision = await limiter.consume(who);
  const headers = rateLimitHeaders(decision, limiter.policyName);
  if (!decision.allowed) {
    throw new RateLimited(
      `Rate limit reached: ${points} requests per minute. Retry after ${decision.retryAfterSeconds} s.`,
      decision.retryAfterSeconds,
      headers,
    );
  }
  return headers;
}

const IDEMPOTENT_METHODS = new Set(["POST", "PATCH"]);

/** What a repeat must match: method, path and query, and the body (as canonical JSON when it is JSON). */
async function fingerprint(request: Request): Promise<string> {
  const text = await request.clone().text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: the handler will refuse it; the raw text still identifies the request.
  }
  const url = new URL(request.url);
  return requestHash({ method: request.method, path: url.pathname + url.search, body });
}

/**
 * Runs a POST or PATCH at most once per Idempotency-Key (per key or member, for 24 h): a repeat with the
 * same request replays the stored answer (`Idempotent-Replayed: true`), another request is a 422, and a
 * repeat while the first still runs is a 409. Failures drop the claim, so a retry runs afresh.
 */
export async function idempotently(
  request: Request,
  actor: MemberActor,
  run: () => Promise<Response>,
): Promise<Response> {
  const header = IDEMPOTENT_METHODS.has(request.method) ? idempotencyKey(request.headers) : null;
  if (header === null) return run();
  const key = `team:${actor.apiKey ? `key:${actor.apiKey.id}` : `user:${actor.userId}`}:${header}`;
  const claim = await claimIdempotencyKey(actor, key, await fingerprint(request));
  if (claim.replay) {
    const headers = { "Idempotent-Replayed": "true" };
    return claim.replay.status === 204
      ? new Response(null, { status: 204, headers })
      : json(claim.replay.body, { status: claim.replay.status, headers });
  }
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    await releaseIdempotencyKey(actor, key);
    throw error;
  }
  if (!response.ok) {
    await releaseIdempotencyKey(actor, key);
    return response;
  }
  const body = response.status === 204 ? {} : ((await response.clone().json()) as Record<string, unknown>);
  await completeIdempotencyKey(actor, key, { status: response.status, body });
  return response;
}
