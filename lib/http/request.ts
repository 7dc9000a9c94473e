import { randomUUID } from "node:crypto";
import { isIP } from "node:net";
import { config } from "@/lib/config";

/**
 * The client's IP. scripts/serve.mjs drops client-sent forwarding headers unless TRUST_PROXY is set,
 * so X-Forwarded-For here is either the socket address (stamped by Next) or our trusted proxy's chain,
 * whose right-most entry is the address the proxy saw.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1);
  return last && isIP(last.replace(/^::ffff:/, "")) ? last.replace(/^::ffff:/, "") : null;
}

export function requestId(headers: Headers): string {
  const incoming = headers.get("x-request-id");
  return incoming && /^[A-Za-z0-9._-]{8,80}$/.test(incoming) ? incoming : randomUUID();
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie-authenticated unsafe requests must come from our own origin (CSRF). A missing Origin on an
 * unsafe method is refused too: every browser that sends cookies cross-site also sends Origin.
 */
export function isForeignOrigin(method: string, headers: Headers): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const origin = headers.get("origin");
  if (!origin) return true;
  const allowed = new Set([new URL(config().APP_URL).origin]);
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (host) {
    const proto = headers.get("x-forwarded-proto") ?? new URL(config().APP_URL).protocol.replace(":", "");
    allowed.add(`${proto}://${host}`);
  }
  return !allowed.has(origin);
}

/** A cookie's value, or undefined when absent or not decodable (a bad percent-escape names no session). */
export function readCookie(headers: Headers, name: string): string | undefined {
  const raw = headers.get("cookie");
  if (!raw) return undefined;
  for (const part of raw.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
