import { memberFromSession, route } from "@/lib/http";
import { practiceReport, reportToCsv } from "@/lib/reports";

/** The report on the page as CSV: same range, same staff-see-their-own rule. */
export const GET = route(async ({ request, session }) => {
  const actor = memberFromSession(await session());
  const query = new URL(request.url).searchParams;
  const report = await practiceReport(actor, {
    from: query.get("from") ?? undefined,
    to: query.get("to") ?? undefined,
  });
  // A BOM so spreadsheet apps read the UTF-8 names correctly.
  return new Response(`\uFEFF${reportToCsv(report)}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="report-${report.from}-to-${report.to}.csv"`,
      "cache-control": "private, no-store",
    },
  });
});
