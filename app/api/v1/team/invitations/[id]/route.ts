import { revokeInvitation } from "@/lib/tenants";
import { memberRoute, noContent, pathId } from "../../../_lib/member-route";

/** DELETE /api/v1/team/invitations/{id} → 204: the link stops working. */
export const DELETE = memberRoute<{ id: string }>("session", async ({ actor, params, ip }) => {
  await revokeInvitation(actor, pathId(params.id, "Invitation"), { ip });
  return noContent();
});
