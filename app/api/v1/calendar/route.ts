import { z } from "zod";
import { calendarView } from "@/lib/bookings";
import { LocalDate } from "@/lib/catalogue/fields";
import { memberRoute, ok, queryParams } from "../_lib/member-route";

const CalendarQuery = z.object({ start: LocalDate, view: z.enum(["day", "week"]).default("week") });

/** GET /api/v1/calendar?start=YYYY-MM-DD&view=day|week — staff get only their own column. */
export const GET = memberRoute(async ({ actor, request }) => {
  const query = CalendarQuery.parse(queryParams(request));
  return ok(await calendarView(actor, query));
});
