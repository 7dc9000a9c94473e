import { json } from "@/lib/http";
import { practiceReport, reportToJson } from "@/lib/reports";
import { memberRoute } from "../_lib/member-route";

/**
 * GET /api/v1/reports?from=YYYY-MM-DD&to=YYYY-MM-DD — the practice report for the signed-in member:
 * all staff for owners and managers (and API keys with reports:read), their own row for staff. 401
 * without a session, 403 for customers, 422 for a bad range.
 */
export const GET = memberRoute("reports:read", async ({ request, actor }) => {
  const query = new URL(request.url).searchParams;
  const report = await practiceReport(actor, {
    from: query.get("from") ?? undefined,
    to: query.get("to") ?? undefined,
  });
  return json(reportToJson(report), { headers: { "cache-control": "private, no-store" } });
});
