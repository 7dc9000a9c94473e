import { assertPlatformAdmin, type PlatformAdmin } from "@/lib/admin";
import { json, type RouteContext, readJson } from "@/lib/http";

/** 401 without a session, 403 (problem+json) for anyone but a platform admin with MFA on. */
export async function adminOf<P>(ctx: RouteContext<P>): Promise<PlatformAdmin> {
  return assertPlatformAdmin(await ctx.session());
}

/** Admin answers name practices and people: never stored by a browser or proxy. */
export function noStoreJson(body: unknown): Response {
  return json(body, { headers: { "Cache-Control": "no-store" } });
}

/** Query-string values as the lib's schemas expect them: absent → undefined. */
export function query(request: Request, names: readonly string[]): Record<string, string | undefined> {
  const url = new URL(request.url);
  return Object.fromEntries(names.map((n) => [n, url.searchParams.get(n) ?? undefined]));
}

/** A JSON body that may be left out (treated as `{}`); present, it must be JSON. The lib validates it. */
export function optionalBody(request: Request): Promise<unknown> {
  return readJson(request, { optional: true });
}
