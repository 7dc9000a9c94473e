import { readiness } from "@/lib/health";

export const dynamic = "force-dynamic";

/**
 * 200 while the required checks pass, even when an optional provider is down ("degraded": the
 * instance keeps serving and the failing provider is named); 503 when a required one fails.
 */
export async function GET() {
  const { ready, checks, degraded } = await readiness();
  const failing = Object.keys(checks).filter((k) => checks[k] !== "ok");
  const impaired = Object.keys(degraded).filter((k) => degraded[k] !== "ok");
  const status = !ready ? "unavailable" : impaired.length ? "degraded" : "ready";
  return Response.json(
    {
      status,
      checks,
      degraded,
      ...(failing.length ? { failing } : {}),
      ...(impaired.length ? { impaired } : {}),
    },
    { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
