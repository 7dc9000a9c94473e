import { InviteInput, inviteMember } from "@/lib/tenants";
import { memberRoute, ok } from "../../_lib/member-route";

/** POST /api/v1/team/invitations `{email, role}` → 201 `{id}`; managers may invite staff only. */
export const POST = memberRoute("session", async ({ actor, json, ip }) => {
  const body = await json(InviteInput);
  const { invitationId } = await inviteMember(actor, body, { ip });
  return ok({ id: invitationId }, 201);
});
