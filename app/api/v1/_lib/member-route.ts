/**
 * The dashboard API's route wrapper: `route()` (request id, Origin check, problem+json) plus the team
 * member behind the session. Permissions are NOT checked here: every handler calls a lib function that
 * runs `assertCan` (and RLS), so the API answers exactly what the dashboard does. API keys will be
 * resolved here too, into the same member actor.
 *
 * JSON is snake_case on the wire and camelCase in lib: bodies are converted after validation, results
 * before sending, and a lib field error (`staffIds.0`) is renamed to the field the client sent (`staff_ids.0`).
 */
import { z } from "zod";
import { NotFound, ValidationFailed } from "@/lib/errors";
import { json, type MemberActor, memberFromSession, type RouteContext, route } from "@/lib/http";
import { instant } from "@/lib/public-booking";

export type MemberContext<P> = RouteContext<P> & { actor: MemberActor };

export function memberRoute<P = Record<string, string>>(
  handler: (ctx: MemberContext<P>) => Promise<Response>,
) {
  return route<P>(async (ctx) => {
    const actor = memberFromSession(await ctx.session());
    try {
      return await handler({ ...ctx, actor });
    } catch (error) {
      if (error instanceof ValidationFailed) {
        const errors = error.errors.map((e) => ({ ...e, field: snakePath(e.field) }));
        throw new ValidationFailed(error.message, errors);
      }
      throw error;
    }
  });
}

const toSnake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const toCamel = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const snakePath = (path: string) => path.split(".").map(toSnake).join(".");

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

/** The query string as a plain object (a repeated name keeps its first value), keys as lib names them. */
export function queryParams(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) out[toCamel(key)] ??= value;
  return out;
}
