import { RESERVED_SLUGS } from "@/lib/tenants/fields";

/**
 * Public booking pages (`/{slug}` and `/{slug}/manage/...`) may be framed by any site, so practices
 * can embed them; everything else (dashboard, login, customer accounts) may not be framed at all.
 */
export function isEmbeddablePath(pathname: string): boolean {
  const [first, second] = pathname.split("/").filter(Boolean);
  if (!first || RESERVED_SLUGS.has(first) || first.startsWith("_")) return false;
  return second === undefined || second === "manage";
}

/**
 * The page CSP: scripts only with this response's nonce ('strict-dynamic' lets those load their chunks).
 * Styles allow inline because server-rendered style attributes (Radix positioning) cannot carry a nonce;
 * injected styles cannot run code.
 */
export function contentSecurityPolicy(
  nonce: string,
  options: { dev: boolean; embeddable: boolean; https: boolean },
) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${options.embeddable ? "*" : "'none'"}`,
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
