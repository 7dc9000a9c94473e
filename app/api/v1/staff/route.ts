import { z } from "zod";
import { createStaff, listStaff } from "@/lib/catalogue";
import { StaffFields } from "@/lib/catalogue/fields";
import { memberRoute, ok } from "../_lib/member-route";

const F = StaffFields.shape;

/** `user_id` links the team member who signs in as this person; `time_zone` null follows the practice. */
const NewStaffBody = z.object({
  display_name: F.displayName,
  user_id: z.uuid("Choose a member of this practice").nullable().default(null),
  time_zone: F.timeZone.nullable().default(null),
  is_active: F.isActive.default(true),
});

/** GET /api/v1/staff — everyone who takes bookings, with the linked member's email. */
export const GET = memberRoute(async ({ actor }) => {
  return ok({ staff: await listStaff(actor) });
});

/** POST /api/v1/staff → 201 `{id}`. */
export const POST = memberRoute(async ({ actor, json }) => {
  const body = await json(NewStaffBody);
  const created = await createStaff(actor, {
    displayName: body.display_name,
    userId: body.user_id ?? "",
    timeZone: body.time_zone ?? "",
    isActive: body.is_active,
  });
  return ok(created, 201);
});
