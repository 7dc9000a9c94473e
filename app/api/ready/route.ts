import { readiness } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const { ready, checks } = await readiness();
  const failing = Object.keys(checks).filter((k) => checks[k] !== "ok");
  return Response.json(ready ? { status: "ready", checks } : { status: "unavailable", failing, checks }, {
    status: ready ? 200 : 503,
  });
}
