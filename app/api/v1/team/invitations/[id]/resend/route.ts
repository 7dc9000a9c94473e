import { resendInvitation } from "@/lib/tenants";
import { memberRoute, noContent, pathId } from "../../../../_lib/member-route";

/** POST /api/v1/team/invitations/{id}/resend → 204: a new link, seven more days; the old link stops working. */
export const POST = memberRoute<{ id: string }>("session", async ({ actor, params, ip }) => {
  await resendInvitation(actor, pathId(params.id, "Invitation"), { ip });
  return noContent();
});
