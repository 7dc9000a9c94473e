import { config } from "@/lib/config";
import { UnsubscribeParams, unsubscribe } from "@/lib/notifications";

/**
 * One-click unsubscribe (RFC 8058). Mail clients POST `List-Unsubscribe=One-Click` to the link; a
 * person who opens it gets a page with a button, because link scanners fetch every GET.
 */
const page = (status: number, title: string, body: string) =>
  new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${title}</title></head><body style="font-family:sans-serif;max-width:32rem;margin:3rem auto"><h1>${title}</h1>${body}</body></html>`,
    { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } },
  );

function params(request: Request) {
  return UnsubscribeParams.safeParse(Object.fromEntries(new URL(request.url).searchParams));
}

const INVALID = () =>
  page(400, "Link not valid", "<p>This unsubscribe link is incomplete or was changed.</p>");

export async function GET(request: Request): Promise<Response> {
  const parsed = params(request);
  if (!parsed.success) return INVALID();
  const action = new URL(`/unsubscribe${new URL(request.url).search}`, config().APP_URL).toString();
  return page(
    200,
    "Stop reminder emails?",
    `<p>You will no longer get reminders or thank-you notes from this practice. Confirmations and changes to your bookings still reach you.</p><form method="post" action="${action.replace(/"/g, "&quot;")}"><button type="submit">Unsubscribe</button></form>`,
  );
}

export async function POST(request: Request): Promise<Response> {
  const parsed = params(request);
  if (!parsed.success || !(await unsubscribe(parsed.data))) return INVALID();
  return page(200, "Unsubscribed", "<p>You will get no more reminder emails from this practice.</p>");
}
