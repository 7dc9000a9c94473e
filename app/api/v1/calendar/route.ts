import { calendarView } from "@/lib/bookings";
import { CalendarQuery } from "../_lib/bodies";
import { memberRoute, ok, queryParams } from "../_lib/member-route";

/** GET /api/v1/calendar?start=YYYY-MM-DD&view=day|week — staff get only their own column. */
export const GET = memberRoute("bookings:read", async ({ actor, request }) => {
  const query = CalendarQuery.parse(queryParams(request));
  return ok(await calendarView(actor, query));
});
