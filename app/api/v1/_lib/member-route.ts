/**
 * The team API's route wrapper: `route()` (request id, Origin check, problem+json) plus the actor: the
 * member behind the session, or the practice behind `Authorization: Bearer <API key>`. Each route names
 * the scope a key needs (or "session": team, ownership, settings, audit and key management refuse
 * keys). Role permissions are NOT checked here: every handler calls a lib function that runs
 * `assertCan` (and RLS), so the API answers exactly what the dashboard does, for a key by its scopes.
 *
 * JSON is snake_case on the wire and camelCase in lib: bodies are converted after validation, results
 * before sending, and a lib field error (`staffIds.0`) is renamed to the field the client sent (`staff_ids.0`).
 */
import { z } from "zod";
import { bearerToken, resolveApiKey } from "@/lib/api-keys";
import { assertScope, type Scope, SessionOnly } from "@/lib/api-keys/fields";
import { NotFound, Unauthenticated, ValidationFailed } from "@/lib/errors";
import {
  json,
  type MemberActor,
  memberFromSession,
  type RouteContext,
  route,
  zodFieldErrors,
} from "@/lib/http";
import { type ListPage, PageParams } from "@/lib/pagination";
import { instant } from "@/lib/public-booking";
import { idempotently, spendRequest } from "./conventions";

export type MemberContext<P> = RouteContext<P> & { actor: MemberActor };
/** The scope an API key needs for a route, or "session" for routes only a signed-in member may use. */
export type RouteAccess = Scope | "session";

async function actorFor<P>(
  ctx: RouteContext<P>,
  access: RouteAccess,
): Promise<{ actor: MemberActor; keyLimit: number | null }> {
  const token = bearerToken(ctx.request.headers);
  if (token === null) return { actor: memberFromSession(await ctx.session()), keyLimit: null };
  if (access === "session") throw new SessionOnly();
  const resolved = await resolveApiKey(token);
  if (!resolved) throw new Unauthenticated("The API key is not valid: it is wrong, revoked or expired.");
  assertScope(resolved.actor.apiKey.scopes, access);
  return { actor: resolved.actor, keyLimit: resolved.rateLimitPerMinute };
}

/**
 * The actor, then its rate limit (the RateLimit headers go on every answer from here on, errors too),
 * then the handler, through Idempotency-Key handling for POST and PATCH.
 */
export function memberRoute<P = Record<string, string>>(
  access: RouteAccess,
  handler: (ctx: MemberContext<P>) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    let limits: Record<string, string> = {};
    const response = await route<P>(async (ctx) => {
      const { actor, keyLimit } = await actorFor(ctx, access);
      limits = await spendRequest(actor, keyLimit);
      try {
        return await idempotently(ctx.request, actor, () => handler({ ...ctx, actor }));
      } catch (error) {
        if (error instanceof ValidationFailed) {
          const errors = error.errors.map((e) => ({ ...e, field: snakePath(e.field) }));
          throw new ValidationFailed(error.message, errors);
        }
        throw error;
      }
    })(request, context);
    for (const [name, value] of Object.entries(limits)) response.headers.set(name, value);
    return response;
  };
}

const toSnake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const toCamel = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
/** lib's camelCase field names to the wire's; header names (`Idempotency-Key`) stay as they are. */
const snakePath = (path: string) =>
  path
    .split(".")
    .map((p) => (/^[a-z][A-Za-z0-9]*$/.test(p) ? toSnake(p) : p))
    .join(".");

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** Keys to snake_case and instants to ISO 8601 UTC, all the way down. */
export function snake(value: unknown): unknown {
  if (value instanceof Date) return instant(value);
  if (Array.isArray(value)) return value.map(snake);
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [toSnake(k), snake(v)]));
  }
  return value;
}

/** A validated snake_case body as lib's field names. */
export function camel<T>(value: T): unknown {
  if (Array.isArray(value)) return value.map(camel);
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [toCamel(k), camel(v)]));
  }
  return value;
}

export function ok(body: unknown, status = 200): Response {
  return json(snake(body), { status, headers: { "Cache-Control": "private, no-store" } });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: { "Cache-Control": "private, no-store" } });
}

/** A malformed id names nothing: 404, identical to a missing one (and to another practice's). */
export function pathId(value: unknown, what: string): string {
  const parsed = z.uuid().safeParse(value);
  if (!parsed.success) throw new NotFound(`${what} not found`);
  return parsed.data;
}

/** The query string through a schema; bad values are field errors named as the client sent them. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const parsed = schema.safeParse(queryParams(request));
  if (!parsed.success) {
    throw new ValidationFailed("Some query parameters need attention.", zodFieldErrors(parsed.error));
  }
  return parsed.data;
}

/** `limit`, `starting_after` and `ending_before`. */
export const listParams = (request: Request): PageParams => parseQuery(request, PageParams);

/** A cursor page as the wire carries it: `{object: "list", data, has_more}`. */
export function list<T>(page: ListPage<T>, present: (row: T) => unknown = (row) => row): Response {
  return ok({ object: "list", data: page.data.map(present), hasMore: page.hasMore });
}

/** The query string as a plain object (a repeated name keeps its first value), keys as lib names them. */
export function queryParams(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) out[toCamel(key)] ??= value;
  return out;
}
