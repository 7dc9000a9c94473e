import { bookingsToCsv, exportBookings } from "@/lib/booking/bookings-query";
import { Forbidden, Unauthenticated } from "@/lib/errors";
import { route } from "@/lib/http/route";

/** The bookings list as CSV, with the same filters (and the same staff-sees-own rule) as the page. */
export const GET = route(async ({ request, session }) => {
  const context = await session();
  if (!context) throw new Unauthenticated("Sign in to export bookings.");
  const membership = context.membership;
  if (!membership || membership.role === "customer")
    throw new Forbidden("This export is for the practice's team.");
  const actor = {
    kind: "member" as const,
    userId: context.user.id,
    tenantId: membership.tenantId,
    role: membership.role,
  };
  const filters = Object.fromEntries(new URL(request.url).searchParams);
  const { rows, timeZone } = await exportBookings(actor, filters);
  const stamp = new Date().toISOString().slice(0, 10);
  // A BOM so spreadsheet apps read the UTF-8 names correctly.
  return new Response(`\uFEFF${bookingsToCsv(rows, timeZone)}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="bookings-${stamp}.csv"`,
      "cache-control": "private, no-store",
    },
  });
});
