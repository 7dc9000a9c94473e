import type { z } from "zod";
import { resolveSession, type SessionContext, sessionCookieName } from "@/lib/auth";
import { Forbidden, NotFound } from "@/lib/errors";
import { logger } from "@/lib/observability";
import { nulPath, readJson, rejectNul } from "./body";
import { problemResponse } from "./problem";
import { clientIp, isForeignOrigin, readCookie, requestId } from "./request";

export type RouteContext<P> = {
  request: Request;
  params: P;
  requestId: string;
  ip: string | null;
  /** The signed-in session from the cookie, or null. */
  session: () => Promise<SessionContext | null>;
  /** The JSON body parsed against a schema: malformed JSON and wrong types are a 422, never a 500. */
  json: <S extends z.ZodType>(schema: S) => Promise<z.infer<S>>;
};

/** API answers are per caller and may carry personal data: no shared cache keeps them, errors included. */
const NO_STORE = "private, no-store";

type Handler<P> = (ctx: RouteContext<P>) => Promise<Response>;

/**
 * Every route handler goes through here: request id, Origin check for cookie-authenticated unsafe
 * methods, typed errors to problem+json, and no stack traces in responses.
 */
export function route<P = Record<string, string>>(handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const id = requestId(request.headers);
    try {
      const cookie = readCookie(request.headers, sessionCookieName());
      if (cookie && isForeignOrigin(request.method, request.headers)) {
        throw new Forbidden("Cross-site request refused.");
      }
      // Query strings are input too: every route refuses a NUL in one before its handler runs.
      rejectNul(Object.fromEntries(new URL(request.url).searchParams), "query string");
      const params = await context.params;
      // A path segment with a NUL names nothing.
      if (nulPath(params)) throw new NotFound("Not found");
      let sessionPromise: Promise<SessionContext | null> | undefined;
      const response = await handler({
        request,
        params,
        requestId: id,
        ip: clientIp(request.headers),
        session: () => {
          sessionPromise ??= resolveSession(cookie);
          return sessionPromise;
        },
        json: async (schema) => schema.parse(await readJson(request)),
      });
      response.headers.set("x-request-id", id);
      response.headers.set("cache-control", NO_STORE);
      return response;
    } catch (error) {
      const response = problemResponse(error, id);
      response.headers.set("cache-control", NO_STORE);
      if (response.status >= 500) logger.error({ err: error, requestId: id }, "unhandled route error");
      return response;
    }
  };
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json");
  return new Response(JSON.stringify(body), { ...init, headers });
}
