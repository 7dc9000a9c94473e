import { answerFeed } from "@/lib/calendar-sync";
import { NotFound } from "@/lib/errors";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** A private ICS subscription: GET /api/feeds/{slug}/{token}.ics (docs/calendar-sync.md). */
export const GET = route<{ slug: string; file: string }>(async ({ request, params }) => {
  const token = params.file.endsWith(".ics") ? params.file.slice(0, -4) : "";
  const answer = await answerFeed(params.slug, token, request.headers.get("if-none-match"));
  if (answer.status === 404) throw new NotFound("Calendar feed not found");
  const headers = {
    etag: answer.etag,
    "cache-control": "private, max-age=300",
    "referrer-policy": "no-referrer",
  };
  if (answer.status === 304) return new Response(null, { status: 304, headers });
  return new Response(answer.body, {
    headers: { ...headers, "content-type": "text/calendar; charset=utf-8" },
  });
});
