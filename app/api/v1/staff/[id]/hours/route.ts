import { getStaffSchedule, saveWeeklyHours } from "@/lib/catalogue";
import { WeeklyHoursFields } from "@/lib/catalogue/fields";
import { memberRoute, noContent, ok, pathId } from "../../../_lib/member-route";

/** GET /api/v1/staff/{id}/hours: weekly hours, upcoming date overrides and time off, in the staff's zone. */
export const GET = memberRoute<{ id: string }>("catalogue:read", async ({ actor, params }) => {
  return ok(await getStaffSchedule(actor, pathId(params.id, "Staff member")));
});

/**
 * PUT /api/v1/staff/{id}/hours `{days: [{intervals: [{start, end}]}] × 7}` (Monday first, local "HH:MM",
 * "24:00" ends at midnight) → 204. Replaces the whole week.
 */
export const PUT = memberRoute<{ id: string }>("catalogue:write", async ({ actor, params, json }) => {
  const id = pathId(params.id, "Staff member");
  await saveWeeklyHours(actor, id, await json(WeeklyHoursFields));
  return noContent();
});
