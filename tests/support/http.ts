import { createSession, sessionCookieName } from "@/lib/auth";

/** A signed-in browser for route-handler tests: a real session cookie and a same-origin Origin header. */
export async function signedInAs(userId: string, tenantId: string | null) {
  const { token } = await createSession(userId, tenantId, { ip: "203.0.113.50", userAgent: "vitest" });
  const cookie = `${sessionCookieName()}=${token}`;
  return {
    token,
    /** Calls a route handler the way Next would: Request plus a params promise. */
    call<P>(
      handler: (request: Request, context: { params: Promise<P> }) => Promise<Response>,
      path: string,
      init: { method?: string; body?: unknown; params?: P } = {},
    ): Promise<Response> {
      const method = init.method ?? "GET";
      const headers: Record<string, string> = {
        cookie,
        origin: "http://localhost:3000",
        host: "localhost:3000",
      };
      if (init.body !== undefined) headers["content-type"] = "application/json";
      const request = new Request(`http://localhost:3000${path}`, {
        method,
        headers,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
      return handler(request, { params: Promise.resolve((init.params ?? {}) as P) });
    },
  };
}

/** An integration calling route handlers with `Authorization: Bearer <key>` (no cookie, no Origin). */
export function withApiKey(secret: string, extraHeaders: Record<string, string> = {}) {
  return {
    call<P>(
      handler: (request: Request, context: { params: Promise<P> }) => Promise<Response>,
      path: string,
      init: { method?: string; body?: unknown; params?: P; headers?: Record<string, string> } = {},
    ): Promise<Response> {
      const headers: Record<string, string> = {
        authorization: `Bearer ${secret}`,
        ...extraHeaders,
        ...init.headers,
      };
      if (init.body !== undefined) headers["content-type"] = "application/json";
      const request = new Request(`http://localhost:3000${path}`, {
        method: init.method ?? "GET",
        headers,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
      return handler(request, { params: Promise.resolve((init.params ?? {}) as P) });
    },
  };
}
