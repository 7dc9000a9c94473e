import { route } from "@/lib/http";
import { assertMayScrape, exposition } from "@/lib/observability";

export const dynamic = "force-dynamic";

/** GET /api/metrics — Prometheus text format; see lib/observability/metrics.ts for what is in it. */
export const GET = route(async ({ request, ip }) => {
  assertMayScrape(request.headers.get("authorization"), ip);
  const { contentType, body } = await exposition();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
});
