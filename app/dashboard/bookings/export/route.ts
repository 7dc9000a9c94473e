import { bookingsToCsv, exportBookings } from "@/lib/bookings";
import { memberFromSession, route } from "@/lib/http";

/** The bookings list as CSV, with the same filters (and the same staff-sees-own rule) as the page. */
export const GET = route(async ({ request, session }) => {
  const actor = memberFromSession(await session());
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
