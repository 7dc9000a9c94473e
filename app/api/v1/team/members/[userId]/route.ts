import { changeMemberRole, RoleChangeInput, removeMember } from "@/lib/tenants";
import { memberRoute, noContent, pathId } from "../../../_lib/member-route";

const RoleBody = RoleChangeInput.pick({ role: true });

/** PATCH /api/v1/team/members/{user_id} `{role}` → 204; the practice always keeps an owner (else 422). */
export const PATCH = memberRoute<{ userId: string }>("session", async ({ actor, params, json, ip }) => {
  const userId = pathId(params.userId, "Team member");
  const { role } = await json(RoleBody);
  await changeMemberRole(actor, { userId, role }, { ip });
  return noContent();
});

/** DELETE /api/v1/team/members/{user_id} → 204; takes effect on the member's next request. */
export const DELETE = memberRoute<{ userId: string }>("session", async ({ actor, params, ip }) => {
  await removeMember(actor, pathId(params.userId, "Team member"), { ip });
  return noContent();
});
