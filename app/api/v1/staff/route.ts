import { createStaff, listStaffPage } from "@/lib/catalogue";
import { NewStaffBody } from "../_lib/bodies";
import { list, listParams, memberRoute, ok } from "../_lib/member-route";

/** GET /api/v1/staff?limit&starting_after&ending_before — everyone who takes bookings, with the linked member's email. */
export const GET = memberRoute("catalogue:read", async ({ actor, request }) => {
  const page = await listStaffPage(actor, listParams(request));
  return list(page, (row) => ({ object: "staff_member", ...row }));
});

/** POST /api/v1/staff → 201 `{id}`. */
export const POST = memberRoute("catalogue:write", async ({ actor, json }) => {
  const body = await json(NewStaffBody);
  const created = await createStaff(actor, {
    displayName: body.display_name,
    userId: body.user_id ?? "",
    timeZone: body.time_zone ?? "",
    isActive: body.is_active,
  });
  return ok(created, 201);
});
