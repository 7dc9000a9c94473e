import type { z } from "zod";
import { resolveSession, type SessionContext, sessionCookieName } from "@/lib/auth";
import { Forbidden, ValidationFailed } from "@/lib/errors";
import { logger } from "@/lib/observability";
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

type Handler<P> = (ctx: RouteContext<P>) => Promise<Response>;

async function parseJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ValidationFailed("The request body is not valid JSON.", [
      { field: "body", message: "Invalid JSON" },
    ]);
  }
  return schema.parse(body);
}

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
      let sessionPromise: Promise<SessionContext | null> | undefined;
      const response = await handler({
        request,
        params: await context.params,
        requestId: id,
        ip: clientIp(request.headers),
        session: () => {
          sessionPromise ??= resolveSession(cookie);
          return sessionPromise;
        },
        json: (schema) => parseJson(request, schema),
      });
      response.headers.set("x-request-id", id);
      return response;
    } catch (error) {
      const response = problemResponse(error, id);
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
