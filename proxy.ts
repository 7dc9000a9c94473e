import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, isEmbeddablePath } from "@/lib/http";

/**
 * Request id, a per-request CSP nonce and baseline security headers. No business logic and no database:
 * authorization happens in the pages and the lib layer.
 */
export function proxy(request: NextRequest) {
  const incoming = request.headers.get("x-request-id");
  const requestId = incoming && /^[A-Za-z0-9._-]{8,80}$/.test(incoming) ? incoming : crypto.randomUUID();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const https = request.nextUrl.protocol === "https:";
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
