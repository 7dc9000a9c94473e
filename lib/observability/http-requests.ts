import { config } from "@/lib/config";
import { logger } from "./logger";
import { metrics } from "./metrics";
import type { RequestFacts } from "./request-context";
import { routeOf } from "./route-pattern";

/** What scripts/serve.mjs reports when a response has finished. */
export type FinishedRequest = RequestFacts & {
  method: string;
  /** The path without its query string: queries can carry emails and tokens. */
  pathname: string;
  status: number;
  durationMs: number;
};

/**
 * One JSON log line and one histogram sample per request. The line names the route pattern, never the
 * path, and no query, header, address or body: nothing in it identifies a person.
 */
export function recordRequest(request: FinishedRequest): void {
  const route = routeOf(request.pathname, config().NODE_ENV === "production");
  const method = /^[A-Z]{1,10}$/.test(request.method) ? request.method : "OTHER";
  metrics().httpDuration.observe(
    { method, route, status: String(request.status) },
    request.durationMs / 1000,
  );
  logger.info(
    {
      requestId: request.requestId,
      method,
      route,
      status: request.status,
      durationMs: Math.round(request.durationMs * 10) / 10,
      tenantId: request.tenantId ?? null,
      actor: request.actorKind ?? (request.usedSystem ? "system" : "none"),
    },
    "request",
  );
}

const OBSERVER = Symbol.for("boka.requestObserver");

/** scripts/serve.mjs calls the observer through globalThis (it cannot import TypeScript from lib). */
export function installRequestObserver(): void {
  (globalThis as unknown as { [OBSERVER]?: typeof recordRequest })[OBSERVER] = recordRequest;
}
