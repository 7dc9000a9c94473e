import { type NextRequest, NextResponse } from "next/server";
import { config as appConfig } from "@/lib/config";
import { contentSecurityPolicy, isEmbeddablePath, isForeignOrigin } from "@/lib/http";

/**
 * Outside /api/ an unsafe method can only be a server action (with or without JS, whatever the
 * Next-Action header says), and Next runs one when Origin is missing. Refuse it unless the browser says
 * it is same-origin: a matching Origin, or `Sec-Fetch-Site: same-origin`. The API's route wrapper does
 * its own check (and API clients may send no Origin).
 */
function isCrossSiteAction(request: NextRequest): boolean {
  if (request.nextUrl.pathname.startsWith("/api/")) return false;
  if (request.headers.get("sec-fetch-site") === "same-origin") return false;
  return isForeignOrigin(request.method, request.headers);
}

/**
 * Request id, a per-request CSP nonce, baseline security headers and the server-action Origin check.
 * No business logic and no database: authorization happens in the pages and the lib layer.
 */
export function proxy(request: NextRequest) {
  const incoming = request.headers.get("x-request-id");
  const requestId = incoming && /^[A-Za-z0-9._-]{8,80}$/.test(incoming) ? incoming : crypto.randomUUID();
  if (isCrossSiteAction(request)) {
    return new NextResponse("Cross-site request refused.", {
      status: 403,
      headers: {
        "content-type": "text/plain; charset=utf-8",
        "cache-control": "private, no-store",
        "x-request-id": requestId,
        "x-content-type-options": "nosniff",
        "x-frame-options": "DENY",
      },
    });
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  // HSTS follows the public URL: behind a TLS-terminating proxy the app itself is reached over http.
  const https = request.nextUrl.protocol === "https:" || new URL(appConfig().APP_URL).protocol === "https:";
  const embeddable = isEmbeddablePath(request.nextUrl.pathname);
  const csp = contentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV === "development",
    embeddable,
    https,
  });

  // Next reads the CSP from the request headers and puts the nonce on the scripts it renders.
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });

  response.headers.set("x-request-id", requestId);
  response.headers.set("content-security-policy", csp);
  response.headers.set("x-content-type-options", "nosniff");
  response.headers.set("referrer-policy", "strict-origin-when-cross-origin");
  response.headers.set("permissions-policy", "camera=(), microphone=(), geolocation=()");
  if (!embeddable) response.headers.set("x-frame-options", "DENY");
  if (https) response.headers.set("strict-transport-security", "max-age=63072000; includeSubDomains");
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
